package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.ReceivedEnvelope;

/** What one Log4j2 event becomes: one test per rule, mirroring the Logback suite. */
class EventMappingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private LoggingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new LoggingFixture(dir);
        ThreadContext.clearAll();
    }

    @AfterEach
    void tearDown() {
        ThreadContext.clearAll();
        fixture.close();
    }

    private JsonObject onlyEvent() {
        JsonObject event = fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(event);
        return event;
    }

    @Test
    void errorWithThrowableBecomesEventWithTemplateParamsExceptionAndThread() {
        fixture.start(fixture.config(""));
        Logger log = fixture.logger("shop.Orders");
        RuntimeException failure = new RuntimeException("card declined", new IllegalStateException("gateway"));

        log.error("order {} failed for {}", 42, null, failure);

        JsonObject event = onlyEvent();
        assertThat(event.get("level").getAsString()).isEqualTo("error");
        assertThat(event.get("logger").getAsString()).isEqualTo("shop.Orders");
        JsonObject logentry = event.getAsJsonObject("logentry");
        assertThat(logentry.get("formatted").getAsString()).isEqualTo("order 42 failed for null");
        assertThat(logentry.get("message").getAsString()).isEqualTo("order {} failed for {}");
        JsonArray params = logentry.getAsJsonArray("params");
        assertThat(params).hasSize(2);
        assertThat(params.get(0).getAsString()).isEqualTo("42");
        assertThat(params.get(1).isJsonNull()).isTrue();
        JsonArray values = event.getAsJsonObject("exception").getAsJsonArray("values");
        assertThat(values).hasSize(2);
        JsonObject outer = values.get(1).getAsJsonObject();
        assertThat(outer.get("type").getAsString()).isEqualTo("RuntimeException");
        assertThat(outer.get("value").getAsString()).isEqualTo("card declined");
        assertThat(outer.getAsJsonObject("mechanism").get("type").getAsString()).isEqualTo("log4j2");
        assertThat(outer.getAsJsonObject("mechanism").get("handled").getAsBoolean()).isTrue();
        JsonObject thread = event.getAsJsonObject("threads").getAsJsonArray("values").get(0).getAsJsonObject();
        assertThat(thread.get("name").getAsString()).isEqualTo(Thread.currentThread().getName());
        assertThat(thread.get("id").getAsLong()).isEqualTo(Thread.currentThread().getId());
    }

    @Test
    void plainMessageHasNoTemplate() {
        fixture.start(fixture.config(""));

        fixture.logger("shop").error("disk full");

        JsonObject logentry = onlyEvent().getAsJsonObject("logentry");
        assertThat(logentry.get("formatted").getAsString()).isEqualTo("disk full");
        assertThat(logentry.has("params")).isFalse();
    }

    @Test
    void levelsMapFatalToFatalWarnToWarningAndDebugTraceToDebug() {
        fixture.start(fixture.config("minimumEventLevel=\"TRACE\""));
        Logger log = fixture.logger("shop");

        log.fatal("l-fatal");
        log.error("l-error");
        log.warn("l-warn");
        log.info("l-info");
        log.debug("l-debug");
        log.trace("l-trace");

        Map<String, String> levels = new HashMap<>();
        for (ReceivedEnvelope e : fixture.receiver.awaitEnvelopes(6, WAIT)) {
            levels.put(e.event().getAsJsonObject("logentry").get("formatted").getAsString(), e.eventString("level"));
        }
        assertThat(levels).containsExactlyInAnyOrderEntriesOf(Map.of("l-fatal", "fatal", "l-error", "error",
                "l-warn", "warning", "l-info", "info", "l-debug", "debug", "l-trace", "debug"));
    }

    @Test
    void threadContextBecomesTagsAndWhatCannotBeATagGoesToContextsMdc() {
        fixture.start(fixture.config(""));
        ThreadContext.put("tenant", "acme");
        ThreadContext.put("request_id", "r-17");
        ThreadContext.put("stack", "line one\nline two");

        fixture.logger("shop").error("boom");

        JsonObject event = onlyEvent();
        JsonObject tags = event.getAsJsonObject("tags");
        assertThat(tags.get("tenant").getAsString()).isEqualTo("acme");
        assertThat(tags.get("request_id").getAsString()).isEqualTo("r-17");
        assertThat(tags.has("stack")).isFalse();
        JsonObject mdc = event.getAsJsonObject("contexts").getAsJsonObject("mdc");
        assertThat(mdc.get("stack").getAsString()).isEqualTo("line one\nline two");
        assertThat(mdc.has("tenant")).isFalse();
    }

    @Test
    void contextTagsRestrictWhichKeysBecomeTags() {
        fixture.start(fixture.config("contextTags=\"tenant, region\""));
        ThreadContext.put("tenant", "acme");
        ThreadContext.put("request_id", "r-17");

        fixture.logger("shop").error("boom");

        JsonObject event = onlyEvent();
        assertThat(event.getAsJsonObject("tags").get("tenant").getAsString()).isEqualTo("acme");
        assertThat(event.getAsJsonObject("tags").has("request_id")).isFalse();
        assertThat(event.getAsJsonObject("contexts").getAsJsonObject("mdc").get("request_id").getAsString())
                .isEqualTo("r-17");
    }

    @Test
    void markerAndItsParentsBecomeTheMarkerTag() {
        fixture.start(fixture.config(""));
        Marker billing = MarkerManager.getMarker("EVT_BILLING");
        Marker payment = MarkerManager.getMarker("EVT_PAYMENT").setParents(billing);

        fixture.logger("shop").error(payment, "declined");

        assertThat(onlyEvent().getAsJsonObject("tags").get("marker").getAsString())
                .isEqualTo("EVT_PAYMENT,EVT_BILLING");
    }

    @Test
    void fingerprintMarkerGroupsTheEvent() {
        fixture.start(fixture.config(""));

        fixture.logger("shop").error(MarkerManager.getMarker("sentry.fingerprint:checkout, timeout"), "slow");

        JsonObject event = onlyEvent();
        assertThat(event.getAsJsonArray("fingerprint")).extracting(e -> e.getAsString())
                .containsExactly("checkout", "timeout");
        assertThat(event.has("tags") && event.getAsJsonObject("tags").has("marker")).isFalse();
    }

    @Test
    void mapMessageFieldsBecomeExtrasFingerprintAndTags() {
        fixture.start(fixture.config(""));

        fixture.logger("shop").error(new StringMapMessage()
                .with("order", "42")
                .with("attempt", 3)
                .with("sentry.fingerprint", "payment,declined")
                .with("sentry.tag.region", "eu-west"));

        JsonObject event = onlyEvent();
        JsonObject extra = event.getAsJsonObject("extra");
        assertThat(extra.get("order").getAsString()).isEqualTo("42");
        assertThat(extra.get("attempt").getAsString()).isEqualTo("3");
        assertThat(extra.has("sentry.fingerprint")).isFalse();
        assertThat(extra.has("sentry.tag.region")).isFalse();
        assertThat(event.getAsJsonArray("fingerprint")).extracting(e -> e.getAsString())
                .containsExactly("payment", "declined");
        assertThat(event.getAsJsonObject("tags").get("region").getAsString()).isEqualTo("eu-west");
    }

    @Test
    void structuredDataMessageFieldsBecomeExtras() {
        fixture.start(fixture.config(""));

        fixture.logger("audit").error(new StructuredDataMessage("refund@1", "refund refused", "audit")
                .with("amount", "12.50").with("currency", "EUR"));

        JsonObject extra = onlyEvent().getAsJsonObject("extra");
        assertThat(extra.get("amount").getAsString()).isEqualTo("12.50");
        assertThat(extra.get("currency").getAsString()).isEqualTo("EUR");
    }

    @Test
    void mutableParameterIsCapturedAsTextAtLogTime() {
        fixture.start(fixture.config(""));
        StringBuilder cart = new StringBuilder("apples");
        List<String> ignored = List.of();

        fixture.logger("shop").error("cart {} {}", cart, ignored);
        cart.append(" and pears");

        JsonObject logentry = onlyEvent().getAsJsonObject("logentry");
        assertThat(logentry.getAsJsonArray("params").get(0).getAsString()).isEqualTo("apples");
        assertThat(logentry.get("formatted").getAsString()).isEqualTo("cart apples []");
    }

    /** An argument whose {@code toString()} throws, counting its calls. */
    private static final class Broken {
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String toString() {
            calls.incrementAndGet();
            throw new IllegalStateException("broken");
        }
    }

    @Test
    void anArgumentWhoseToStringThrowsBecomesAPlaceholderAndTheLoggingCallDoesNotFail() {
        fixture.start(fixture.config("ignoreExceptions=\"false\""));

        assertThatCode(() -> fixture.logger("shop").error("cart {} of {}", new Broken(), "ann")).doesNotThrowAnyException();

        JsonArray params = onlyEvent().getAsJsonObject("logentry").getAsJsonArray("params");
        assertThat(params.get(0).getAsString()).isEqualTo("<toString() threw java.lang.IllegalStateException>");
        assertThat(params.get(1).getAsString()).isEqualTo("ann");
    }

    @Test
    void aParameterizedMessageIsFormattedFromTheArgumentTextsSoEachToStringRunsOnce() {
        fixture.start(fixture.config("ignoreExceptions=\"false\""));
        Broken broken = new Broken();
        RuntimeException failure = new RuntimeException("declined");

        // Appended directly: with thread-locals on (the default outside web applications) Log4j2 formats
        // a non-reusable message itself before any appender sees it; with them off it is left to the layouts.
        fixture.appender().append(Log4jLogEvent.newBuilder().setLoggerName("shop").setLevel(Level.ERROR)
                .setMessage(new ParameterizedMessage("cart {} of {} \\{}", broken, "ann", failure))
                .setThrown(failure).build());

        JsonObject event = onlyEvent();
        JsonObject logentry = event.getAsJsonObject("logentry");
        assertThat(logentry.get("formatted").getAsString())
                .isEqualTo("cart <toString() threw java.lang.IllegalStateException> of ann {}");
        assertThat(logentry.getAsJsonArray("params")).hasSize(2);
        assertThat(event.getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject()
                .get("value").getAsString()).isEqualTo("declined");
        assertThat(broken.calls).hasValue(1);
    }

    @Test
    void argumentsLog4j2PrintsItsOwnWayAreFormattedByLog4j2() {
        fixture.start(fixture.config(""));

        fixture.logger("shop").error(new ParameterizedMessage("items {} in {}", new String[] {"a", "b"}, "cart"));

        assertThat(onlyEvent().getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("items [a, b] in cart");
    }

    @Test
    void theEventsTimestampIsTheLogEventsOwnInstant() {
        fixture.start(fixture.config(""));
        MutableInstant then = new MutableInstant();
        then.initFromEpochSecond(1_700_000_000L, 123_456_000); // long before now, to the microsecond

        fixture.appender().append(Log4jLogEvent.newBuilder().setLoggerName("shop").setLevel(Level.ERROR)
                .setMessage(new SimpleMessage("late")).setInstant(then).build());

        assertThat(Instant.parse(onlyEvent().get("timestamp").getAsString()))
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_000));
    }

    @Test
    void framesOfTheApplicationAreInAppAndTheFrameworksAreNot() {
        fixture.start(fixture.config("inAppIncludes=\"org.sentry4j.log4j2\""));

        fixture.logger("shop").error("failed", new IllegalStateException("db down"));

        JsonArray frames = onlyEvent().getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject()
                .getAsJsonObject("stacktrace").getAsJsonArray("frames");
        List<String> inApp = new java.util.ArrayList<>();
        List<String> other = new java.util.ArrayList<>();
        for (var f : frames) {
            JsonObject frame = f.getAsJsonObject();
            (frame.has("in_app") && frame.get("in_app").getAsBoolean() ? inApp : other).add(frame.get("module").getAsString());
        }
        assertThat(inApp).contains(EventMappingTest.class.getName()).allMatch(m -> m.startsWith("org.sentry4j.log4j2."));
        assertThat(other).anyMatch(m -> m.startsWith("org.junit.")).noneMatch(m -> m.startsWith("org.sentry4j.log4j2."));
    }

    @Test
    void aFilterOnTheAppenderThatDeniesARecordKeepsItFromSentry() {
        fixture.start("""
                <Configuration status="warn">
                  <Appenders>
                    <Sentry name="Sentry" dsn="%s" defaultIntegrations="false">
                      <RegexFilter regex=".*secret.*" onMatch="DENY" onMismatch="NEUTRAL"/>
                    </Sentry>
                  </Appenders>
                  <Loggers><Root level="all"><AppenderRef ref="Sentry"/></Root></Loggers>
                </Configuration>
                """.formatted(fixture.receiver.dsn()));
        Logger log = fixture.logger("shop");

        log.info("a secret breadcrumb");
        log.error("the secret event");
        log.info("a plain breadcrumb");
        log.error("the plain event");

        JsonObject event = onlyEvent();
        assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("the plain event");
        assertThat(event.getAsJsonObject("breadcrumbs").getAsJsonArray("values"))
                .extracting(c -> c.getAsJsonObject().get("message").getAsString()).containsExactly("a plain breadcrumb");
        assertThat(org.sentry4j.Sentry.flush(WAIT)).isTrue();
        assertThat(fixture.receiver.envelopes()).hasSize(1);
    }
}
