package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.TestClock;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.EnvelopeItem;

/** Client reports count every discard exactly once, also while senders drain them concurrently. */
class ClientReportsTest {
    private static long quantities(EnvelopeItem report) {
        long sum = 0;
        if (report != null) {
            for (JsonElement d : JsonParser.parseString(report.payloadAsString()).getAsJsonObject()
                    .getAsJsonArray("discarded_events")) {
                sum += d.getAsJsonObject().get("quantity").getAsLong();
            }
        }
        return sum;
    }

    @Test
    void countsRecordedWhileAnotherThreadDrainsAreReportedExactlyOnce() throws Exception {
        ClientReports reports = new ClientReports(new TestClock(), true);
        int threads = 4;
        int perThread = 100_000;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch recorded = new CountDownLatch(threads);
        List<Thread> recorders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    reports.record(DiscardReason.QUEUE_OVERFLOW, "error", 1);
                }
                recorded.countDown();
            });
            thread.setDaemon(true);
            thread.start();
            recorders.add(thread);
        }
        long drained = 0;
        start.countDown();
        while (recorded.getCount() > 0) {
            drained += quantities(reports.drain());
        }
        drained += quantities(reports.drain());

        assertThat(drained).isEqualTo((long) threads * perThread);
        assertThat(reports.hasPending()).isFalse();
        assertThat(reports.drain()).isNull();
        assertThat(reports.totals()).containsEntry("queue_overflow", (long) threads * perThread);
    }
}
