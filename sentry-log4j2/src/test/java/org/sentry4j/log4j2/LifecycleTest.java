package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.testkit.ReceivedEnvelope;

/** Who owns the client, what stop() does, and reconfiguration. */
class LifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private LoggingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new LoggingFixture(dir);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static String message(ReceivedEnvelope e) {
        return e.event().getAsJsonObject("logentry").get("formatted").getAsString();
    }

    @Test
    void stopFlushesPendingEventsAndClosesTheClientTheAppenderStarted() {
        fixture.start(fixture.config(""));
        Logger log = fixture.logger("shop");
        for (int i = 0; i < 20; i++) {
            log.error("event {}", i);
        }

        fixture.stopContext();

        assertThat(fixture.receiver.envelopes()).hasSize(20); // delivered before stop returned
        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(fixture.appender()).isNull(); // the stopped context no longer has the configuration
    }

    @Test
    void stopDoesNotCloseTheApplicationsClientAndTheApplicationsOptionsWin() {
        Sentry.init(SentryOptions.builder().dsn(fixture.receiver.dsn()).environment("from-app")
                .ambientSources(false).defaultIntegrations(false).build());
        fixture.start(fixture.config("environment=\"from-appender\""));

        fixture.logger("shop").error("boom");
        fixture.stopContext();

        assertThat(fixture.receiver.envelopes()).hasSize(1);
        assertThat(fixture.receiver.envelopes().get(0).eventString("environment")).isEqualTo("from-app");
        assertThat(Sentry.isEnabled()).isTrue();
    }

    @Test
    void applicationInitReplacesTheAppendersClient() {
        fixture.start(fixture.config("environment=\"from-appender\""));
        fixture.logger("shop").error("before init");
        fixture.receiver.awaitEnvelopes(1, WAIT);

        Sentry.init(SentryOptions.builder().dsn(fixture.receiver.dsn()).environment("from-app")
                .ambientSources(false).defaultIntegrations(false).build());
        fixture.logger("shop").error("after init");

        ReceivedEnvelope second = fixture.receiver.awaitEvent(e -> message(e).equals("after init"), WAIT);
        assertThat(second.eventString("environment")).isEqualTo("from-app");
        assertThat(fixture.receiver.envelopes().get(0).eventString("environment")).isEqualTo("from-appender");
        fixture.stopContext();
        assertThat(Sentry.isEnabled()).isTrue(); // the application's client outlives the appender
    }

    @Test
    void theClientIsClosedOnlyWhenTheLastAppenderHoldingItStops() throws java.io.IOException {
        fixture.start(fixture.config(""));
        LoggerContext other = new LoggerContext("other");
        try {
            other.start(new org.apache.logging.log4j.core.config.xml.XmlConfiguration(other,
                    new org.apache.logging.log4j.core.config.ConfigurationSource(new java.io.ByteArrayInputStream(
                            fixture.config("").getBytes(java.nio.charset.StandardCharsets.UTF_8)))));

            fixture.stopContext();
            assertThat(Sentry.isEnabled()).isTrue();
            other.getLogger("other").error("still delivered");

            assertThat(message(fixture.receiver.awaitEnvelopes(1, WAIT).get(0))).isEqualTo("still delivered");
        } finally {
            other.stop(10, TimeUnit.SECONDS);
        }
        assertThat(Sentry.isEnabled()).isFalse();
    }

    @Test
    void stopIsIdempotent() {
        fixture.start(fixture.config(""));
        SentryAppender appender = fixture.appender();

        assertThat(appender.stop(1, TimeUnit.SECONDS)).isTrue();
        assertThat(appender.stop(1, TimeUnit.SECONDS)).isTrue();

        assertThat(appender.isStopped()).isTrue();
        assertThat(Sentry.isEnabled()).isFalse();
    }

    @Test
    void reconfigurationWhileLoggingLosesNoEvent() throws Exception {
        fixture.start(fixture.config("minimumBreadcrumbLevel=\"INFO\""));
        Logger log = fixture.logger("shop");
        AtomicInteger logged = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch reconfigured = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                log.error("event {}", i);
                logged.incrementAndGet();
                running.countDown();
                if (reconfigured.getCount() == 0 && i >= 20) {
                    break;
                }
            }
        }, "writer");
        writer.setDaemon(true);
        writer.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        fixture.reconfigure(fixture.config("minimumBreadcrumbLevel=\"WARN\""));
        reconfigured.countDown();
        writer.join(WAIT.toMillis());
        log.error("after reconfiguration");

        assertThat(writer.isAlive()).isFalse();
        int expected = logged.get() + 1;
        assertThat(Sentry.flush(Duration.ofSeconds(60))).isTrue(); // a loaded machine delivers slowly
        Set<String> messages = new HashSet<>();
        for (ReceivedEnvelope e : fixture.receiver.awaitEnvelopes(expected, WAIT)) {
            messages.add(message(e));
        }
        assertThat(messages).hasSize(expected).contains("after reconfiguration", "event 0");
        assertThat(fixture.appender().isStarted()).isTrue();
        assertThat(Sentry.isEnabled()).isTrue();
    }
}
