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
 * Close ends the JDK client's selector thread at once: a thread blocked in the OS when the JVM exits
 * holds the exit up, so left to the garbage collector it would cost every short-lived program.
 */
class ClientThreadsTest extends TransportTestBase {
    @Test
    void closeEndsTheHttpClientsSelectorThread() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        transport = fx.transport(o -> { });
        transport.send(event(id(1)));
        assertThat(fx.awaitEvents(1, () -> transport.stats().toString())).containsExactly(id(1));
        List<Thread> selectors = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) {
                selectors.add(t);
            }
        }
        assertThat(selectors).as("the client's selector thread").hasSize(1);

        transport.close(Duration.ofSeconds(5));

        Thread selector = selectors.get(0);
        selector.join(Duration.ofSeconds(5).toMillis());
        assertThat(selector.isAlive()).as(selector.getName() + " alive after close").isFalse();
    }
}
