package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.InMemoryTransport;

/** {@code lastEventId()} is per thread, and never names an event the worker dropped. */
class LastEventIdTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final InMemoryTransport transport = new InMemoryTransport();

    @AfterEach
    void stop() {
        Sentry.close();
    }

    @Test
    void eachThreadSeesItsOwnLastEvent() throws Exception {
        Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                .transportFactory(opts -> transport));
        String mine = Sentry.captureMessage("main thread");
        AtomicReference<String> theirs = new AtomicReference<>();
        AtomicReference<String> theirLast = new AtomicReference<>();
        Thread other = new Thread(() -> {
            theirs.set(Sentry.captureMessage("other thread"));
            theirLast.set(Sentry.lastEventId());
        });
        other.start();
        other.join(10_000);

        assertThat(Sentry.lastEventId()).isEqualTo(mine);
        assertThat(theirLast.get()).isEqualTo(theirs.get()).isNotEqualTo(mine);
    }

    @Test
    void anEventThatBeforeSendDropsIsNotTheLastEventId() {
        Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                .transportFactory(opts -> transport)
                .beforeSend((event, hint) -> "drop me".equals(event.getMessage().formatted()) ? null : event));
        String kept = Sentry.captureMessage("keep me");
        String dropped = Sentry.captureMessage("drop me");
        assertThat(Sentry.flush(WAIT)).isTrue();

        assertThat(transport.events()).hasSize(1);
        assertThat(Sentry.lastEventId()).isEqualTo(kept).isNotEqualTo(dropped);
    }
}
