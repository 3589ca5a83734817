package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.TestReceiver;

/** One client for the application and every appender; stop() flushes and closes only what it started. */
class ClientSharingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TestReceiver receiver;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
    }

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    @Test
    void theApplicationsClientIsUsedAndItsOptionsAreNotOverridden() {
        Sentry.init(o -> o.dsn(receiver.dsn()).environment("from-app").ambientSources(false)
                .defaultIntegrations(false).sendClientReports(false));
        try (LogbackFixture logback = LogbackFixture.configure(receiver.dsn(),
                Configs.sentry("<environment>from-appender</environment>"))) {
            logback.logger("app").error("failed");

            JsonObject event = receiver.awaitEnvelopes(1, WAIT).get(0).event();
            assertThat(event.get("environment").getAsString()).isEqualTo("from-app");
        }
        assertThat(Sentry.isEnabled()).as("the application's client outlives the appender").isTrue();
    }

    @Test
    void theApplicationsLaterInitReplacesTheAppendersClientAndLogsFollowIt() {
        try (LogbackFixture logback = LogbackFixture.configure(receiver.dsn(),
                Configs.sentry("<environment>from-appender</environment>"))) {
            logback.logger("app").error("first");
            receiver.awaitEnvelopes(1, WAIT);

            Sentry.init(o -> o.dsn(receiver.dsn()).environment("from-app").ambientSources(false)
                    .defaultIntegrations(false).sendClientReports(false));
            logback.logger("app").error("second");

            List<JsonObject> events = List.of(receiver.awaitEnvelopes(2, WAIT).get(0).event(),
                    receiver.awaitEnvelopes(2, WAIT).get(1).event());
            assertThat(EventMappingTest.byMessage(events, "first").get("environment").getAsString())
                    .isEqualTo("from-appender");
            assertThat(EventMappingTest.byMessage(events, "second").get("environment").getAsString())
                    .isEqualTo("from-app");
        }
        assertThat(Sentry.isEnabled()).as("stopping the appender leaves the application's client").isTrue();
    }

    @Test
    void appendersShareOneClientWhichTheLastStopCloses() {
        LogbackFixture first = LogbackFixture.configure(receiver.dsn(), Configs.sentry("<release>one@1</release>"));
        LogbackFixture second = LogbackFixture.configure(receiver.dsn(), Configs.sentry("<release>two@2</release>"));
        second.logger("app").error("from the second context");
        Sentry.captureMessage("from the static API");

        List<JsonObject> events = receiver.awaitEnvelopes(2, WAIT).stream().map(e -> e.event()).toList();
        assertThat(events).allSatisfy(e -> assertThat(e.get("release").getAsString()).isEqualTo("one@1"));

        first.close();
        assertThat(Sentry.isEnabled()).as("still held by the second appender").isTrue();
        second.close();
        assertThat(Sentry.isEnabled()).as("closed by its last holder").isFalse();
    }

    @Test
    void stopFlushesPendingEventsBeforeReturning() {
        LogbackFixture logback = LogbackFixture.configure(receiver.dsn(), Configs.sentry());
        for (int i = 0; i < 20; i++) {
            logback.logger("app").error("failure {}", i);
        }

        logback.close();

        assertThat(receiver.events()).hasSize(20);
        assertThat(Sentry.isEnabled()).isFalse();
    }

    @Test
    void aReconfigurationLosesNoEvent() {
        try (LogbackFixture logback = LogbackFixture.configure(receiver.dsn(), Configs.sentry())) {
            logback.logger("app").error("before reconfiguration");

            logback.context.reset(); // what scan="true" does on a change: stop everything, configure anew
            logback.context.putProperty("SENTRY_DSN", receiver.dsn()); // reset() dropped it
            logback.load(Configs.sentry());
            logback.logger("app").error("after reconfiguration");
        }

        assertThat(receiver.events()).extracting(e -> e.getAsJsonObject("logentry").get("formatted").getAsString())
                .containsExactlyInAnyOrder("before reconfiguration", "after reconfiguration");
    }

    @Test
    void inAnErrorStormEventsBeyondTheQueueAreDroppedAndCountedButStayBreadcrumbs() throws Exception {
        java.util.concurrent.CountDownLatch workerBlocked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                .maxPendingEvents(1).beforeSend((event, hint) -> {
                    if (event.getMessage() != null && "blocker".equals(event.getMessage().formatted())) {
                        workerBlocked.countDown();
                        try {
                            release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return event;
                }));
        try (LogbackFixture logback = LogbackFixture.configure(receiver.dsn(), Configs.sentry(""))) {
            Sentry.captureMessage("blocker");
            assertThat(workerBlocked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            ch.qos.logback.classic.Logger log = logback.logger("storm");
            log.error("queued while the worker is busy");
            log.error("order {} failed", "A-1", new IllegalStateException("declined")); // no room: dropped
            log.error("order {} failed", "A-2", new IllegalStateException("declined")); // dropped
            release.countDown();
            assertThat(Sentry.flush(WAIT)).isTrue();
            log.error("after the storm");

            JsonObject after = receiver.awaitEvent(e -> e.event().has("logentry") && "after the storm".equals(
                    e.event().getAsJsonObject("logentry").get("formatted").getAsString()), WAIT).event();
            assertThat(after.getAsJsonObject("breadcrumbs").getAsJsonArray("values").asList())
                    .extracting(c -> c.getAsJsonObject().get("message").getAsString())
                    .containsExactly("queued while the worker is busy", "order A-1 failed", "order A-2 failed");
            assertThat(Sentry.transportStats().dropped()).containsEntry("queue_overflow", 2L);
        }
    }
}
