package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sentry4j.internal.BreadcrumbRing;

class BreadcrumbTest {
    @Test
    void deferredMessageIsFormattedOnceOnFirstRead() {
        AtomicInteger calls = new AtomicInteger();
        StringBuilder source = new StringBuilder("order 7 shipped");
        Breadcrumb crumb = Breadcrumb.deferred(Instant.EPOCH, SentryLevel.INFO, "orders", source, s -> {
            calls.incrementAndGet();
            return s.toString();
        });
        assertThat(calls).hasValue(0);
        assertThat(crumb.message()).isEqualTo("order 7 shipped");
        assertThat(crumb.message()).isEqualTo("order 7 shipped");
        assertThat(calls).hasValue(1);
        assertThat(crumb.toBuilder().build().message()).isEqualTo("order 7 shipped");
    }

    @Test
    void formatterThatThrowsYieldsANote() {
        Breadcrumb crumb = Breadcrumb.deferred(null, SentryLevel.INFO, "c", "x", s -> {
            throw new IllegalStateException();
        });
        assertThat(crumb.message()).contains("could not be formatted");
        assertThat(crumb.timestamp()).isNotNull();
    }

    @Test
    void ringKeepsNewestInOrderUnderConcurrentWriters() throws Exception {
        BreadcrumbRing ring = new BreadcrumbRing(50);
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        Thread[] writers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            writers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 10_000; i++) {
                    ring.add(Breadcrumb.of(id + ":" + i));
                }
            });
            writers[t].start();
        }
        start.countDown();
        for (Thread w : writers) {
            w.join(10_000);
        }
        List<Breadcrumb> kept = ring.toList();
        assertThat(kept).hasSize(50);
        ring.add(Breadcrumb.of("last"));
        List<Breadcrumb> after = ring.toList();
        assertThat(after).hasSize(50);
        assertThat(after.get(49).message()).isEqualTo("last");
        ring.clear();
        assertThat(ring.toList()).isEmpty();
        ring.add(Breadcrumb.of("fresh"));
        assertThat(ring.toList()).extracting(Breadcrumb::message).containsExactly("fresh");
    }
}
