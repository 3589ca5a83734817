package org.sentry4j.jul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import com.example.shop.Checkout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.ReceivedEnvelope;

/** What one JUL record becomes: one test per rule, as for the Logback and Log4j2 appenders. */
class EventMappingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final JulFixture fixture = new JulFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private JsonObject onlyEvent() {
        JsonObject event = fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(event);
        return event;
    }

    /** A custom level, as applications and servers define them. */
    private static final class CustomLevel extends Level {
        CustomLevel(String name, int value) {
            super(name, value);
        }
    }

    @Test
    void severeWithThrownBecomesAnEventWithPatternParametersExceptionLoggerAndThread() {
        fixture.start();
        RuntimeException failure = new RuntimeException("card declined", new IllegalStateException("gateway"));
        LogRecord record = new LogRecord(Level.SEVERE, "order {0} failed for {1}");
        record.setParameters(new Object[] {42, null});
        record.setThrown(failure);
        record.setLoggerName("shop.Orders");

        fixture.logger().log(record);

        JsonObject event = onlyEvent();
        assertThat(event.get("level").getAsString()).isEqualTo("error");
        assertThat(event.get("logger").getAsString()).isEqualTo("shop.Orders");
        JsonObject logentry = event.getAsJsonObject("logentry");
        assertThat(logentry.get("formatted").getAsString()).isEqualTo("order 42 failed for null");
        assertThat(logentry.get("message").getAsString()).isEqualTo("order {0} failed for {1}");
        JsonArray params = logentry.getAsJsonArray("params");
        assertThat(params).hasSize(2);
        assertThat(params.get(0).getAsString()).isEqualTo("42");
        assertThat(params.get(1).isJsonNull()).isTrue();
        JsonArray values = event.getAsJsonObject("exception").getAsJsonArray("values");
        assertThat(values).hasSize(2);
        JsonObject outer = values.get(1).getAsJsonObject();
        assertThat(outer.get("type").getAsString()).isEqualTo("RuntimeException");
        assertThat(outer.get("value").getAsString()).isEqualTo("card declined");
        assertThat(outer.getAsJsonObject("mechanism").get("type").getAsString()).isEqualTo("jul");
        assertThat(outer.getAsJsonObject("mechanism").get("handled").getAsBoolean()).isTrue();
        JsonObject thread = event.getAsJsonObject("threads").getAsJsonArray("values").get(0).getAsJsonObject();
        assertThat(thread.get("name").getAsString()).isEqualTo(Thread.currentThread().getName());
        assertThat(thread.get("id").getAsLong()).isEqualTo(Thread.currentThread().getId());
        assertThat(event.getAsJsonObject("extra").get(JulEvents.SEQUENCE).getAsLong())
                .isEqualTo(record.getSequenceNumber());
        assertThat(Instant.parse(event.get("timestamp").getAsString()))
                .isEqualTo(record.getInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void aMessageWithoutParametersHasNoPattern() {
        fixture.start();

        fixture.logger().severe("disk full {0}");

        JsonObject logentry = onlyEvent().getAsJsonObject("logentry");
        assertThat(logentry.get("formatted").getAsString()).isEqualTo("disk full {0}");
        assertThat(logentry.has("params")).isFalse();
    }

    @Test
    void levelsMapSevereToErrorWarningToWarningInfoToInfoAndTheRestToDebugCustomLevelsByValue() {
        fixture.start(Map.of("minimumEventLevel", "ALL"));
        Logger log = fixture.logger();

        log.severe("l-severe");
        log.warning("l-warning");
        log.info("l-info");
        log.config("l-config");
        log.fine("l-fine");
        log.finer("l-finer");
        log.finest("l-finest");
        log.log(new CustomLevel("ALERT", 1100), "l-1100");
        log.log(new CustomLevel("NOTICE", 950), "l-950");
        log.log(new CustomLevel("DETAIL", 750), "l-750");

        Map<String, String> levels = new HashMap<>();
        for (ReceivedEnvelope e : fixture.receiver.awaitEnvelopes(10, WAIT)) {
            EventSchema.assertValid(e.event());
            levels.put(e.event().getAsJsonObject("logentry").get("formatted").getAsString(), e.eventString("level"));
        }
        assertThat(levels).containsExactlyInAnyOrderEntriesOf(Map.of("l-severe", "error", "l-warning", "warning",
                "l-info", "info", "l-config", "debug", "l-fine", "debug", "l-finer", "debug", "l-finest", "debug",
                "l-1100", "error", "l-950", "warning", "l-750", "debug"));
    }

    @Test
    void aResourceBundleMessageIsLocalizedAndItsLocalizedPatternIsTheTemplate() {
        fixture.start();
        ResourceBundle bundle = ResourceBundle.getBundle(TestMessages.class.getName());

        fixture.logger().logrb(Level.SEVERE, bundle, "order.failed", "A-7", "timeout");

        JsonObject logentry = onlyEvent().getAsJsonObject("logentry");
        assertThat(logentry.get("formatted").getAsString()).isEqualTo("Bestellung A-7 fehlgeschlagen: timeout");
        assertThat(logentry.get("message").getAsString()).isEqualTo("Bestellung {0} fehlgeschlagen: {1}");
        assertThat(logentry.getAsJsonArray("params")).extracting(p -> p.getAsString()).containsExactly("A-7", "timeout");
    }

    @Test
    void numbersAreFormattedAsMessageFormatDoesAndTheParametersKeepTheirPlainText() {
        fixture.start();

        fixture.logger().log(Level.SEVERE, "{0} items, {1,number,#.00} EUR", new Object[] {12345, 3.5});

        JsonObject logentry = onlyEvent().getAsJsonObject("logentry");
        LogRecord same = new LogRecord(Level.SEVERE, "{0} items, {1,number,#.00} EUR");
        same.setParameters(new Object[] {12345, 3.5});
        assertThat(logentry.get("formatted").getAsString())
                .isEqualTo(new java.util.logging.SimpleFormatter().formatMessage(same));
        assertThat(logentry.getAsJsonArray("params")).extracting(p -> p.getAsString()).containsExactly("12345", "3.5");
    }

    @Test
    void withPrintfStyleMessagesAreStringFormatPatterns() {
        fixture.start(Map.of("printfStyle", "true"));

        fixture.logger().log(Level.SEVERE, "order %s failed after %d tries", new Object[] {"A-1", 3});
        fixture.logger().log(Level.SEVERE, "no parameters: 100%");

        JsonObject logentry = fixture.receiver.awaitEvent(e -> e.event().getAsJsonObject("logentry")
                .get("formatted").getAsString().startsWith("order"), WAIT).event().getAsJsonObject("logentry");
        assertThat(logentry.get("formatted").getAsString()).isEqualTo("order A-1 failed after 3 tries");
        assertThat(logentry.get("message").getAsString()).isEqualTo("order %s failed after %d tries");
        assertThat(logentry.getAsJsonArray("params")).extracting(p -> p.getAsString()).containsExactly("A-1", "3");
        assertThat(fixture.receiver.awaitEvent(e -> e.event().getAsJsonObject("logentry")
                .get("formatted").getAsString().startsWith("no parameters"), WAIT)).isNotNull();
    }

    /** An argument whose {@code toString()} throws. */
    private static final class Broken {
        @Override
        public String toString() {
            throw new IllegalStateException("broken");
        }
    }

    @Test
    void aParameterWhoseToStringThrowsLeavesThePatternAsJulDoesAndTheLoggingCallGoesOn() {
        fixture.start();

        assertThatCode(() -> fixture.logger().log(Level.SEVERE, "cart {0} of {1}", new Object[] {new Broken(), "ann"}))
                .doesNotThrowAnyException();

        JsonObject logentry = onlyEvent().getAsJsonObject("logentry");
        assertThat(logentry.get("formatted").getAsString()).isEqualTo("cart {0} of {1}");
        assertThat(logentry.getAsJsonArray("params").get(0).getAsString())
                .isEqualTo("<toString() threw java.lang.IllegalStateException>");
        assertThat(logentry.getAsJsonArray("params").get(1).getAsString()).isEqualTo("ann");
    }

    @Test
    void aMutableParameterIsCapturedAsTextAtLogTime() {
        fixture.start();
        StringBuilder cart = new StringBuilder("apples");

        fixture.logger().log(Level.SEVERE, "cart {0}", cart);
        cart.append(" and pears");

        JsonObject logentry = onlyEvent().getAsJsonObject("logentry");
        assertThat(logentry.get("formatted").getAsString()).isEqualTo("cart apples");
        assertThat(logentry.getAsJsonArray("params").get(0).getAsString()).isEqualTo("apples");
    }

    @Test
    void anEventWithoutAnExceptionCarriesTheStackOfTheLoggingCallFromTheApplicationsFrame() {
        fixture.start();

        new Checkout(fixture.logger()).declined("A-9");

        JsonObject event = onlyEvent();
        JsonObject thread = event.getAsJsonObject("threads").getAsJsonArray("values").get(0).getAsJsonObject();
        JsonArray frames = thread.getAsJsonObject("stacktrace").getAsJsonArray("frames");
        JsonObject innermost = frames.get(frames.size() - 1).getAsJsonObject();
        assertThat(innermost.get("module").getAsString()).isEqualTo(Checkout.class.getName());
        assertThat(innermost.get("function").getAsString()).isEqualTo("declined");
        assertThat(frames).extracting(f -> f.getAsJsonObject().get("module").getAsString())
                .noneMatch(m -> m.startsWith("java.util.logging.") || m.equals(SentryHandler.class.getName()));
    }

    @Test
    void theEventsTimestampIsTheRecordsOwnInstant() {
        fixture.start();
        LogRecord late = new LogRecord(Level.SEVERE, "late");
        late.setInstant(Instant.ofEpochSecond(1_700_000_000L, 123_456_000));

        fixture.logger().log(late);

        assertThat(Instant.parse(onlyEvent().get("timestamp").getAsString()))
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_000));
    }

    @Test
    void aRecordPublishedOnAnotherThreadThanTheOneThatMadeItCarriesNoThread() throws Exception {
        fixture.start();
        LogRecord record = new LogRecord(Level.SEVERE, "handed over");
        Thread other = new Thread(() -> fixture.logger().log(record), "publisher");

        // Made here, published there: JUL's id names this thread, whose name the handler cannot know there.
        other.start();
        other.join();

        assertThat(onlyEvent().has("threads")).isFalse();
    }

    @Test
    void framesOfTheApplicationAreInAppAndTheFrameworksAreNot() {
        fixture.start(Map.of("inAppIncludes", "org.sentry4j.jul"));

        fixture.logger().log(Level.SEVERE, "failed", new IllegalStateException("db down"));

        JsonArray frames = onlyEvent().getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject()
                .getAsJsonObject("stacktrace").getAsJsonArray("frames");
        boolean testFrameInApp = false;
        for (var f : frames) {
            JsonObject frame = f.getAsJsonObject();
            boolean inApp = frame.has("in_app") && frame.get("in_app").getAsBoolean();
            assertThat(inApp).as(frame.toString()).isEqualTo(frame.get("module").getAsString().startsWith("org.sentry4j.jul."));
            testFrameInApp |= inApp && frame.get("module").getAsString().equals(EventMappingTest.class.getName());
        }
        assertThat(testFrameInApp).isTrue();
    }
}
