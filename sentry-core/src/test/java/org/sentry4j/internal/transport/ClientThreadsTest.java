package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Requests go out on the senders' own threads (no HTTP client's executor or selector thread between a
 * sender and its socket), and close ends the one helper thread requests use (the deadline's watchdog):
 * a thread blocked in the OS when the JVM exits holds the exit up, so none may be left behind.
 */
class ClientThreadsTest extends TransportTestBase {
    @Test
    void sendingStartsNoHttpClientThreadAndCloseEndsTheDeadlineWatchdog() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        transport = fx.transport(o -> { });
        transport.send(event(id(1)));
        assertThat(fx.awaitEvents(1, () -> transport.stats().toString())).containsExactly(id(1));
        List<Thread> started = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t)) {
                started.add(t);
            }
        }
        assertThat(started).extracting(Thread::getName).as("threads started by sending")
                .noneMatch(name -> name.startsWith("HttpClient-"))
                .anyMatch(name -> name.equals("sentry4j-http-deadline"));

        transport.close(Duration.ofSeconds(5));

        for (Thread t : started) {
            if (t.getName().startsWith("sentry4j-http")) {
                t.join(Duration.ofSeconds(5).toMillis());
                assertThat(t.isAlive()).as(t.getName() + " alive after close").isFalse();
            }
        }
    }
}
