package org.sentry4j.jul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;

/** The SDK never feeds on itself, and the handler never throws into the logging call. */
class RecursionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final JulFixture fixture = new JulFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aRecordLoggedInsideBeforeSendIsNotReported() {
        fixture.start();
        Logger log = fixture.logger();
        Sentry.init(o -> o.dsn(fixture.receiver.dsn()).defaultIntegrations(false).beforeSend((event, hint) -> {
            log.severe("logged inside beforeSend");
            return event;
        }));

        log.severe("the real one");

        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT)).hasSize(1);
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(fixture.receiver.events()).singleElement()
                .satisfies(e -> assertThat(e.getAsJsonObject("logentry").get("formatted").getAsString())
                        .isEqualTo("the real one"));
    }

    @Test
    void aRecordLoggedOnAnSdkThreadIsNotReported() throws Exception {
        fixture.start();
        Thread sdk = new Thread(() -> fixture.logger().severe("from the SDK"), "sentry4j-test");

        sdk.start();
        sdk.join();
        fixture.logger().severe("from the app");

        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT)).hasSize(1);
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(fixture.receiver.events()).singleElement()
                .satisfies(e -> assertThat(e.getAsJsonObject("logentry").get("formatted").getAsString())
                        .isEqualTo("from the app"));
    }

    @Test
    void aFailureInsideTheHandlerIsReportedToItsErrorManagerAndTheLoggingCallGoesOn() {
        SentryHandler handler = fixture.start();
        handler.setFilter(record -> {
            throw new IllegalStateException("filter broke");
        });

        assertThatCode(() -> fixture.logger().severe("boom")).doesNotThrowAnyException();

        assertThat(fixture.reported).singleElement().asString()
                .contains("failed to publish a record", "IllegalStateException", "filter broke");
    }

    @Test
    void afterCloseRecordsAreIgnoredAndCloseAgainDoesNothing() {
        SentryHandler handler = fixture.start();
        fixture.logger().severe("before close");
        handler.close();

        handler.publish(new LogRecord(Level.SEVERE, "after close"));
        handler.close();

        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT)).singleElement()
                .satisfies(e -> assertThat(e.event().getAsJsonObject("logentry").get("formatted").getAsString())
                        .isEqualTo("before close"));
        assertThat(Sentry.isEnabled()).as("the handler's client is closed with it").isFalse();
        assertThat(fixture.receiver.envelopes()).hasSize(1);
    }

    @Test
    void closeDeliversWhatWasLoggedBeforeIt() {
        SentryHandler handler = fixture.start(Map.of("shutdownTimeout", "10s"));
        fixture.receiver.respondWith(org.sentry4j.testkit.TestReceiver.Response.status(200).after(Duration.ofMillis(300)));

        fixture.logger().severe("last words");
        handler.close();

        assertThat(fixture.receiver.envelopes()).as("delivered by the time close returns").hasSize(1);
    }
}
