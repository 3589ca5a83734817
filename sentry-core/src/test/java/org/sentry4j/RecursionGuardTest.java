package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.internal.SdkThread;
import org.sentry4j.logging.LogRecord;
import org.sentry4j.logging.LogRecordMapper;
import org.sentry4j.testkit.InMemoryTransport;

class RecursionGuardTest {
    private final InMemoryTransport transport = new InMemoryTransport();

    @AfterEach
    void stop() {
        Sentry.close();
    }

    @Test
    void capturesFromSdkThreadsAreDroppedSilently() throws Exception {
        Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                .transportFactory(opts -> transport));
        AtomicReference<String> ids = new AtomicReference<>();
        Thread sdk = new SdkThread("test", () -> {
            String a = Sentry.captureMessage("from sdk thread");
            boolean queued = LogCapture.queueAdmitted(LogRecord.builder().message("log", null, java.util.List.of())
                    .build(), new LogRecordMapper("test", java.util.Set.of()));
            ids.set(a + (queued ? "queued" : ""));
        });
        sdk.start();
        sdk.join(5000);
        assertThat(ids.get()).isEqualTo(Sentry.EMPTY_ID);
        Sentry.captureMessage("from app thread");
        assertThat(Sentry.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(transport.events()).hasSize(1);
    }

    @Test
    void reinitReplacesAndClosesThePreviousClient() {
        InMemoryTransport first = new InMemoryTransport();
        Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                .transportFactory(opts -> first));
        Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/2").ambientSources(false).defaultIntegrations(false)
                .transportFactory(opts -> transport));
        assertThat(first.isClosed()).isTrue();
        Sentry.captureMessage("to the second");
        assertThat(Sentry.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(first.events()).isEmpty();
        assertThat(transport.events()).hasSize(1);
    }

    @Test
    void appenderLeaseNeverOverridesTheApplicationsClient() {
        Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                .release("app-release").transportFactory(opts -> transport));
        InMemoryTransport appenderTransport = new InMemoryTransport();
        ClientLease lease = Sentry.acquire(SentryOptions.builder().dsn("http://other@127.0.0.1:1/9")
                .ambientSources(false).release("appender-release").transportFactory(opts -> appenderTransport).build());
        Sentry.captureMessage("m");
        lease.release(Duration.ofSeconds(5));
        lease.release(Duration.ofSeconds(5));
        assertThat(Sentry.isEnabled()).as("the app's client outlives the appender's lease").isTrue();
        assertThat(transport.events().get(0).get("release").getAsString()).isEqualTo("app-release");
        assertThat(appenderTransport.events()).isEmpty();
    }

    @Test
    void lastLeaseClosesAnAppenderStartedClient() {
        SentryOptions opts = SentryOptions.builder().dsn("http://k@127.0.0.1:1/1").ambientSources(false)
                .defaultIntegrations(false).transportFactory(o -> transport).build();
        ClientLease a = Sentry.acquire(opts);
        ClientLease b = Sentry.acquire(opts);
        assertThat(Sentry.isEnabled()).isTrue();
        a.release(Duration.ofSeconds(1));
        assertThat(Sentry.isEnabled()).isTrue();
        b.release(Duration.ofSeconds(1));
        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(transport.isClosed()).isTrue();
    }
}
