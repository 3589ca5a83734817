package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.WAIT;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.sentry4j.SentryOptions;
import org.sentry4j.testkit.TestReceiver.Response;

/**
 * Servers that answer, but slowly: a {@code 200} whose body trickles on forever, and one that answers
 * {@code 200} only after 5 s for a while. Their answers count once (nothing sent twice), nothing is
 * dropped, and flush and close still end by their deadlines.
 */
class SlowAnswersTest extends TransportTestBase {
    private static final Duration SLOW = Duration.ofSeconds(5);

    @Test
    void aBodyThatTricklesForeverIsCutAtTheExchangeDeadlineAndItsStatusCounts() throws Exception {
        try (EndlessAnswerServer trickle = new EndlessAnswerServer(Duration.ofMillis(200))) {
            SentryOptions options = SentryOptions.builder().dsn("http://key@127.0.0.1:" + trickle.port() + "/42")
                    .ambientSources(false).clock(fx.clock).cacheDir(fx.cacheDir)
                    .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(1)).build();
            transport = new HttpTransport(options, fx.diagnostics);
            for (int i = 0; i < 6; i++) {
                transport.send(event(id(i)));
            }
            // Each answer's head says 200 at once; its body never ends nor reaches the read cap.
            assertThat(transport.flush(WAIT)).as(transport.stats().toString()).isTrue();
            assertThat(trickle.requests.get()).as("each envelope posted once").isEqualTo(6);
            assertThat(transport.stats().sent()).isEqualTo(6);
            assertThat(transport.stats().spooled()).isZero();
            assertThat(transport.stats().dropped()).isEmpty();
        }
    }

    @Test
    void aServerAnsweringAfter5sKeepsEverythingWhileFlushKeepsItsDeadline() {
        AtomicBoolean slow = new AtomicBoolean(true);
        receiver.respondWith(e -> slow.get() ? Response.status(200).after(SLOW) : Response.status(200));
        transport = fx.transport(o -> { });
        for (int i = 0; i < 12; i++) {
            transport.send(event(id(i)));
        }

        long start = System.nanoTime();
        assertThat(transport.flush(Duration.ofSeconds(1))).as("no answer within 1 s").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("flush did not wait for the answers").isLessThan(SLOW);
        receiver.awaitEnvelopes(4, WAIT); // a first round of slow answers came back; more are in flight
        slow.set(false);

        assertThat(fx.awaitEvents(12, () -> transport.stats().toString())).hasSize(12); // each once
        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(transport.stats().dropped()).isEmpty();
        assertThat(transport.stats().spooled()).as("a server that answers is no reason to spool").isZero();
    }

    @Test
    void closeKeepsItsDeadlineAgainstA5sServerAndWhatItLeavesComesNextTime() {
        receiver.respondWith(Response.status(200).after(SLOW));
        transport = fx.transport(o -> { });
        for (int i = 0; i < 8; i++) {
            transport.send(event(id(i)));
        }

        long start = System.nanoTime();
        transport.close(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("close did not wait for the answers").isLessThan(SLOW);
        assertThat(transport.stats().dropped()).isEmpty();
        assertThat(transport.stats().spooled()).as("all of it waits on disk").isEqualTo(8);

        // The aborted requests may still be taken by the server as its answers come: only those come twice.
        receiver.respondWith(Response.status(200));
        transport = fx.transport(o -> { });
        long deadline = System.nanoTime() + WAIT.toNanos();
        Set<String> ids = new HashSet<>();
        while (true) {
            int seen = receiver.envelopes().size();
            receiver.envelopes().stream().filter(e -> e.event() != null)
                    .forEach(e -> ids.add(e.event().get("event_id").getAsString()));
            if (ids.size() >= 8 || System.nanoTime() - deadline > 0) {
                break;
            }
            receiver.awaitEnvelopes(seen + 1, WAIT);
        }
        assertThat(ids).as("every event, from the next start").hasSize(8);
        assertThat(transport.stats().dropped()).isEmpty();
    }
}
