package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/** What a log event becomes: one test per rule of the appender's mapping. */
class EventMappingTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    private TestReceiver receiver;
    private LogbackFixture logback;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
    }

    @AfterEach
    void stop() {
        MDC.clear();
        if (logback != null) {
            logback.close();
        }
        Sentry.close();
        receiver.close();
    }

    private Logger configure(String children) {
        logback = LogbackFixture.configure(receiver.dsn(), Configs.sentry(children));
        return logback.logger("com.shop.Checkout");
    }

    private JsonObject onlyEvent() {
        JsonObject event = receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(event);
        return event;
    }

    @Test
    void eachArgumentsToStringRunsOnceOnTheLoggingThread() {
        Logger log = configure("");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Object order = new Object() {
            @Override
            public String toString() {
                calls.incrementAndGet();
                return "order-7";
            }
        };

        log.error("failed {} for {}", order, "EUR");
        int onTheLoggingThread = calls.get();

        JsonObject event = onlyEvent();
        assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("failed order-7 for EUR");
        assertThat(onTheLoggingThread).isEqualTo(1);
        assertThat(calls.get()).as("nor later, on the worker").isEqualTo(1);
    }

    @Test
    void errorWithThrowableBecomesEventWithMessageLoggerThreadAndExceptionChain() {
        Logger log = configure("<inAppInclude>org.sentry4j.logback</inAppInclude>");
        IllegalStateException cause = new IllegalStateException("db down");

        log.error("order {} failed for {} at {}", 42, null, "EUR", new RuntimeException("charge failed", cause));

        JsonObject event = onlyEvent();
        assertThat(event.get("level").getAsString()).isEqualTo("error");
        assertThat(event.get("logger").getAsString()).isEqualTo("com.shop.Checkout");
        Instant logged = logback.listed().get(0).getInstant();
        assertThat(Instant.parse(event.get("timestamp").getAsString())).isEqualTo(logged.truncatedTo(ChronoUnit.MICROS));
        JsonObject message = event.getAsJsonObject("logentry");
        assertThat(message.get("formatted").getAsString()).isEqualTo("order 42 failed for null at EUR");
        assertThat(message.get("message").getAsString()).isEqualTo("order {} failed for {} at {}");
        JsonArray params = message.getAsJsonArray("params");
        assertThat(params).hasSize(3);
        assertThat(params.get(0).getAsString()).isEqualTo("42");
        assertThat(params.get(1).isJsonNull()).isTrue();
        assertThat(params.get(2).getAsString()).isEqualTo("EUR");

        JsonObject thread = event.getAsJsonObject("threads").getAsJsonArray("values").get(0).getAsJsonObject();
        assertThat(thread.get("name").getAsString()).isEqualTo(Thread.currentThread().getName());
        assertThat(thread.get("id").getAsLong()).isEqualTo(Thread.currentThread().getId());

        JsonArray values = event.getAsJsonObject("exception").getAsJsonArray("values");
        assertThat(values).hasSize(2);
        JsonObject root = values.get(1).getAsJsonObject();
        assertThat(root.get("type").getAsString()).isEqualTo("RuntimeException");
        assertThat(root.get("value").getAsString()).isEqualTo("charge failed");
        assertThat(root.getAsJsonObject("mechanism").get("type").getAsString()).isEqualTo("logback");
        assertThat(root.getAsJsonObject("mechanism").get("handled").getAsBoolean()).isTrue();
        assertThat(values.get(0).getAsJsonObject().get("value").getAsString()).isEqualTo("db down");
        assertThat(inAppModules(root)).contains(EventMappingTest.class.getName());
    }

    static List<String> inAppModules(JsonObject exception) {
        List<String> modules = new ArrayList<>();
        for (JsonElement f : exception.getAsJsonObject("stacktrace").getAsJsonArray("frames")) {
            JsonObject frame = f.getAsJsonObject();
            if (frame.has("in_app") && frame.get("in_app").getAsBoolean()) {
                modules.add(frame.get("module").getAsString());
            }
        }
        return modules;
    }

    @Test
    void levelsMapToSentryLevels() {
        Logger log = configure("<minimumEventLevel>TRACE</minimumEventLevel>");

        log.warn("w");
        log.info("i");
        log.debug("d");
        log.trace("t");

        List<String> levels = new ArrayList<>();
        for (var env : receiver.awaitEnvelopes(4, WAIT)) {
            EventSchema.assertValid(env.event());
            levels.add(env.event().getAsJsonObject("logentry").get("formatted").getAsString() + "="
                    + env.event().get("level").getAsString());
        }
        assertThat(levels).containsExactlyInAnyOrder("w=warning", "i=info", "d=debug", "t=debug");
    }

    @Test
    void aLogWithAThrowableBecomesABreadcrumbOfItsFormattedMessage() {
        Logger log = configure("");

        log.warn("retrying order {} after {} ms", "A-7", 250, new IllegalStateException("timeout"));
        log.error("payment for {} failed", "A-7", new IllegalStateException("declined"));
        log.error("giving up");

        JsonObject last = receiver.awaitEnvelopes(2, WAIT).stream().map(e -> e.event())
                .filter(e -> e.getAsJsonObject("logentry").get("formatted").getAsString().equals("giving up"))
                .findFirst().orElseThrow();
        JsonArray crumbs = last.getAsJsonObject("breadcrumbs").getAsJsonArray("values");
        assertThat(crumbs).hasSize(2);
        assertThat(crumbs.get(0).getAsJsonObject().get("message").getAsString()).isEqualTo("retrying order A-7 after 250 ms");
        assertThat(crumbs.get(0).getAsJsonObject().get("level").getAsString()).isEqualTo("warning");
        assertThat(crumbs.get(1).getAsJsonObject().get("message").getAsString()).isEqualTo("payment for A-7 failed");
    }

    @Test
    void logsBetweenThresholdsBecomeBreadcrumbsAndEventLogsAreKeptAsBreadcrumbsToo() {
        Logger log = configure("");
        Logger other = logback.logger("com.shop.Cart");

        other.info("cart has {} items", 3);
        log.warn("stock low");
        log.debug("below both thresholds");
        log.error("first failure");
        log.error("second failure");

        List<JsonObject> events = new ArrayList<>();
        receiver.awaitEnvelopes(2, WAIT).forEach(e -> events.add(e.event()));
        JsonObject second = events.stream()
                .filter(e -> e.getAsJsonObject("logentry").get("formatted").getAsString().equals("second failure"))
                .findFirst().orElseThrow();
        EventSchema.assertValid(second);
        JsonArray crumbs = second.getAsJsonObject("breadcrumbs").getAsJsonArray("values");
        assertThat(crumbs).hasSize(3);
        JsonObject cart = crumbs.get(0).getAsJsonObject();
        assertThat(cart.get("category").getAsString()).isEqualTo("com.shop.Cart");
        assertThat(cart.get("message").getAsString()).isEqualTo("cart has 3 items");
        assertThat(cart.get("level").getAsString()).isEqualTo("info");
        assertThat(cart.has("timestamp")).isTrue();
        assertThat(crumbs.get(1).getAsJsonObject().get("level").getAsString()).isEqualTo("warning");
        assertThat(crumbs.get(2).getAsJsonObject().get("message").getAsString()).isEqualTo("first failure");
        assertThat(crumbs.get(2).getAsJsonObject().get("level").getAsString()).isEqualTo("error");
    }

    @Test
    void everyMdcEntryBecomesATagByDefaultAndInvalidOnesGoToContextsMdc() {
        Logger log = configure("");
        MDC.put("userId", "u-17");
        MDC.put("requestId", "r-9");
        MDC.put("multiLine", "a\nb");
        MDC.put("tooLong", "x".repeat(300));

        log.error("failed");

        JsonObject event = onlyEvent();
        JsonObject tags = event.getAsJsonObject("tags");
        assertThat(tags.get("userId").getAsString()).isEqualTo("u-17");
        assertThat(tags.get("requestId").getAsString()).isEqualTo("r-9");
        assertThat(tags.has("multiLine")).isFalse();
        JsonObject mdc = event.getAsJsonObject("contexts").getAsJsonObject("mdc");
        assertThat(mdc.get("multiLine").getAsString()).isEqualTo("a\nb");
        assertThat(mdc.get("tooLong").getAsString()).hasSize(300);
    }

    @Test
    void withContextTagsOnlyThoseKeysAreTagsAndTheRestGoToContextsMdc() {
        Logger log = configure("<contextTag>userId</contextTag><contextTag>tenant</contextTag>");
        MDC.put("userId", "u-17");
        MDC.put("tenant", "acme");
        MDC.put("requestId", "r-9");

        log.error("failed");

        JsonObject event = onlyEvent();
        JsonObject tags = event.getAsJsonObject("tags");
        assertThat(tags.get("userId").getAsString()).isEqualTo("u-17");
        assertThat(tags.get("tenant").getAsString()).isEqualTo("acme");
        assertThat(tags.has("requestId")).isFalse();
        assertThat(event.getAsJsonObject("contexts").getAsJsonObject("mdc").get("requestId").getAsString())
                .isEqualTo("r-9");
    }

    @Test
    void markersBecomeTheMarkerTagAndKeyValuesBecomeExtras() {
        Logger log = configure("");
        var marker = MarkerFactory.getDetachedMarker("BILLING");
        marker.add(MarkerFactory.getDetachedMarker("AUDIT"));

        log.atError().addMarker(marker).addKeyValue("orderId", 42).addKeyValue("note", (Object) null).log("failed");

        JsonObject event = onlyEvent();
        assertThat(event.getAsJsonObject("tags").get("marker").getAsString()).isEqualTo("BILLING,AUDIT");
        JsonObject extra = event.getAsJsonObject("extra");
        assertThat(extra.get("orderId").getAsInt()).isEqualTo(42);
        assertThat(extra.get("note").getAsString()).isEqualTo("null");
    }

    @Test
    void keyValuesAndMarkersSetFingerprintAndTagsFromTheLogStatement() {
        Logger log = configure("");

        log.atError().addKeyValue("sentry.fingerprint", "payments,timeout").addKeyValue("sentry.tag.region", "eu")
                .log("gateway timed out");
        log.atError().addMarker(MarkerFactory.getDetachedMarker("sentry.fingerprint:db,{{ default }}"))
                .log("query failed");

        List<JsonObject> events = new ArrayList<>();
        receiver.awaitEnvelopes(2, WAIT).forEach(e -> events.add(e.event()));
        events.forEach(EventSchema::assertValid);
        JsonObject gateway = byMessage(events, "gateway timed out");
        assertThat(fingerprint(gateway)).containsExactly("payments", "timeout");
        assertThat(gateway.getAsJsonObject("tags").get("region").getAsString()).isEqualTo("eu");
        assertThat(gateway.has("extra") && gateway.getAsJsonObject("extra").has("sentry.tag.region")).isFalse();
        assertThat(fingerprint(byMessage(events, "query failed"))).containsExactly("db", "{{ default }}");
    }

    static JsonObject byMessage(List<JsonObject> events, String formatted) {
        return events.stream()
                .filter(e -> e.getAsJsonObject("logentry").get("formatted").getAsString().equals(formatted))
                .findFirst().orElseThrow();
    }

    private static List<String> fingerprint(JsonObject event) {
        List<String> out = new ArrayList<>();
        event.getAsJsonArray("fingerprint").forEach(e -> out.add(e.getAsString()));
        return out;
    }

    @Test
    void filtersOnTheAppenderDecideWhatItSees() {
        Logger log = configure("""
                <filter class="ch.qos.logback.core.filter.EvaluatorFilter">
                  <evaluator class="ch.qos.logback.classic.boolex.OnMarkerEvaluator"><marker>NOISY</marker></evaluator>
                  <onMatch>DENY</onMatch>
                </filter>
                <filter class="ch.qos.logback.classic.filter.ThresholdFilter"><level>WARN</level></filter>
                """);
        log.info("below the filter's threshold");
        log.warn("kept");
        log.error(org.slf4j.MarkerFactory.getMarker("NOISY"), "denied by marker");
        log.error("then an event");

        JsonObject event = onlyEvent();
        assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("then an event");
        assertThat(event.getAsJsonObject("breadcrumbs").getAsJsonArray("values"))
                .extracting(c -> c.getAsJsonObject().get("message").getAsString()).containsExactly("kept");
        assertThat(org.sentry4j.Sentry.flush(WAIT)).isTrue();
        assertThat(receiver.envelopes()).hasSize(1);
    }

    /** An immutable argument whose text tells when it was made. */
    enum Stage {
        PAID;

        static final AtomicInteger SHOWN = new AtomicInteger();

        @Override
        public String toString() {
            SHOWN.incrementAndGet();
            return "paid";
        }
    }

    @Test
    void immutableArgumentsAreFormattedWhenAnEventCarriesTheBreadcrumbNotWhenLogged() {
        Logger log = configure("");
        Stage.SHOWN.set(0);

        log.info("order {} is {}", "A-7", Stage.PAID);
        log.info("stage {} {} {}", Stage.PAID, 2, 3);
        assertThat(Stage.SHOWN).as("nothing formatted on the logging thread").hasValue(0);
        log.error("then an event");

        assertThat(onlyEvent().getAsJsonObject("breadcrumbs").getAsJsonArray("values"))
                .extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("order A-7 is paid", "stage paid 2 3");
        assertThat(Stage.SHOWN).hasValue(2);
    }

    @Test
    void belowThresholdsNothingIsFormattedAndABreadcrumbShowsItsArgumentsAsTheyWereWhenLogged() {
        Logger log = configure("");
        AtomicInteger formatted = new AtomicInteger();
        Object argument = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "arg";
            }
        };

        log.debug("cheap {}", argument);
        log.trace("cheap {}", argument);
        assertThat(formatted).as("nothing is formatted below the thresholds").hasValue(0);
        assertThat(logback.listed()).hasSize(2);

        // Immutable arguments are formatted when the event is built; a mutable one at once, so a later
        // change does not show.
        StringBuilder cart = new StringBuilder("2 items");
        log.info("order {} holds {} ({})", "A-7", cart, 3);
        log.info("cart: {}", cart);
        cart.setLength(0);
        cart.append("changed later");
        log.info("order {} paid {} at {}", "A-7", new java.math.BigDecimal("9.90"), TimeUnit.SECONDS);
        log.info("kept {}", argument);
        log.error("then an event");

        JsonArray crumbs = onlyEvent().getAsJsonObject("breadcrumbs").getAsJsonArray("values");
        assertThat(crumbs).extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("order A-7 holds 2 items (3)", "cart: 2 items", "order A-7 paid 9.90 at SECONDS",
                        "kept arg");
        assertThat(formatted).hasValue(1);
    }

    @Test
    void aCallersArgumentArrayReusedAfterTheCallDoesNotChangeTheBreadcrumb() {
        Logger log = configure("");
        Object[] arguments = {"A-7", "paid"};
        Object[] one = {"B-1"};

        log.info("order {} is {}", arguments); // SLF4J hands this very array to Logback
        log.info("order {}", one);
        log.info("order {} is {}", (Object) null, "open"); // a null argument stays "null"
        log.info("note {}", (Object) null);
        arguments[0] = "Z-9";
        arguments[1] = "refunded";
        one[0] = "Z-0";
        log.error("then an event");

        assertThat(onlyEvent().getAsJsonObject("breadcrumbs").getAsJsonArray("values"))
                .extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("order A-7 is paid", "order B-1", "order null is open", "note null");
    }
}
