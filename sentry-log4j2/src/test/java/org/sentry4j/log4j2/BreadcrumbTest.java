package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Hint;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.ReceivedEnvelope;

/** Between the two thresholds a log is a breadcrumb; below both it is nothing. */
class BreadcrumbTest {
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

    private static JsonArray breadcrumbs(JsonObject event) {
        return event.has("breadcrumbs") ? event.getAsJsonObject("breadcrumbs").getAsJsonArray("values") : new JsonArray();
    }

    private JsonObject eventWith(String message) {
        ReceivedEnvelope envelope = fixture.receiver.awaitEvent(e ->
                message.equals(e.event().getAsJsonObject("logentry").get("formatted").getAsString()), WAIT);
        EventSchema.assertValid(envelope.event());
        return envelope.event();
    }

    @Test
    void infoAndWarnBecomeBreadcrumbsOnTheNextEvent() {
        fixture.start(fixture.config(""));
        Logger log = fixture.logger("shop.Cart");
        Instant before = Instant.now();

        log.info("cart {} opened", 7);
        log.warn("stock low");
        log.error("checkout failed");

        JsonArray crumbs = breadcrumbs(eventWith("checkout failed"));
        assertThat(crumbs).hasSize(2);
        JsonObject info = crumbs.get(0).getAsJsonObject();
        assertThat(info.get("message").getAsString()).isEqualTo("cart 7 opened");
        assertThat(info.get("category").getAsString()).isEqualTo("shop.Cart");
        assertThat(info.get("level").getAsString()).isEqualTo("info");
        assertThat(Instant.parse(info.get("timestamp").getAsString())).isBetween(before.minusMillis(1), Instant.now());
        assertThat(crumbs.get(1).getAsJsonObject().get("level").getAsString()).isEqualTo("warning");
    }

    /** An immutable argument whose text tells when it was made. */
    enum Stage {
        PAID;

        static final java.util.concurrent.atomic.AtomicInteger SHOWN = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String toString() {
            SHOWN.incrementAndGet();
            return "paid";
        }
    }

    @Test
    void immutableArgumentsAreKeptAndFormattedWhenAnEventCarriesTheBreadcrumb() {
        fixture.start(fixture.config(""));
        Logger log = fixture.logger("shop");
        Stage.SHOWN.set(0);

        log.info("order {} is {}", "A-7", Stage.PAID);
        log.info("stage {}", Stage.PAID);
        // Garbage-free Log4j2 formats each message into its reused event itself; the appender keeps the
        // template and arguments rather than copying that text out.
        assertThat(Stage.SHOWN).as("formatted by Log4j2 only").hasValue(2);
        log.error("checkout failed");

        assertThat(breadcrumbs(eventWith("checkout failed"))).extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("order A-7 is paid", "stage paid");
        assertThat(Stage.SHOWN).as("and once more for the event, on the worker").hasValue(4);
    }

    @Test
    void aBreadcrumbShowsItsArgumentsAsTheyWereWhenLogged() {
        fixture.start(fixture.config(""));
        Logger log = fixture.logger("shop");

        // Immutable arguments are formatted when the event is built; a mutable one at once, so a later
        // change does not show (Log4j2 also reuses its message objects for the next call).
        StringBuilder cart = new StringBuilder("2 items");
        log.info("order {} holds {} ({})", "A-7", cart, 3);
        log.info("cart: {}", cart);
        cart.setLength(0);
        cart.append("changed later");
        log.info("order {} paid {} at {}", "A-7", new java.math.BigDecimal("9.90"), TimeUnit.SECONDS);
        log.info("no arguments {}");
        log.info((Object) "an object, not a template: {}");
        log.error("checkout failed");

        assertThat(breadcrumbs(eventWith("checkout failed"))).extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("order A-7 holds 2 items (3)", "cart: 2 items", "order A-7 paid 9.90 at SECONDS",
                        "no arguments {}",
                        "an object, not a template: {}");
    }

    @Test
    void aBreadcrumbKeepsTheArgumentsOfAnArrayTheCallerReusesAsTheyWereWhenLogged() {
        fixture.start(fixture.config(""));
        Logger log = fixture.logger("shop");
        Object[] args = {"order", "A-7"};

        // Log4j2's garbage-free messages copy the arguments anyway; a ParameterizedMessage (threadlocals
        // disabled, as in web applications, or made by the caller) holds the caller's own array.
        log.info("{} {}", args);
        log.info(new ParameterizedMessage("{} {}", args));
        args[0] = "refund";
        args[1] = "B-9";
        log.error("checkout failed");

        assertThat(breadcrumbs(eventWith("checkout failed"))).extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("order A-7", "order A-7");
    }

    @Test
    void belowBothThresholdsNothingIsRecorded() {
        fixture.start(fixture.config(""));
        Logger log = fixture.logger("shop");

        log.debug("debug detail");
        log.trace("trace detail");
        log.error("boom");

        assertThat(breadcrumbs(eventWith("boom"))).isEmpty();
        Sentry.flush(WAIT);
        assertThat(fixture.receiver.envelopes()).hasSize(1);
    }

    @Test
    void thresholdsAreConfigurable() {
        fixture.start(fixture.config("minimumEventLevel=\"WARN\" minimumBreadcrumbLevel=\"DEBUG\""));
        Logger log = fixture.logger("shop");

        log.trace("not even a breadcrumb");
        log.debug("a breadcrumb");
        log.info("another");
        log.warn("an event");

        JsonArray crumbs = breadcrumbs(eventWith("an event"));
        assertThat(crumbs).extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("a breadcrumb", "another");
        assertThat(crumbs.get(0).getAsJsonObject().get("level").getAsString()).isEqualTo("debug");
    }

    @Test
    void anEventLevelLogIsAlsoABreadcrumbForLaterEventsButNotForItself() {
        fixture.start(fixture.config(""));
        Logger log = fixture.logger("shop");

        log.error("first");
        assertThat(breadcrumbs(eventWith("first"))).isEmpty();
        log.error("second");

        JsonArray crumbs = breadcrumbs(eventWith("second"));
        assertThat(crumbs).hasSize(1);
        assertThat(crumbs.get(0).getAsJsonObject().get("message").getAsString()).isEqualTo("first");
        assertThat(crumbs.get(0).getAsJsonObject().get("level").getAsString()).isEqualTo("error");
    }

    @Test
    void beforeBreadcrumbSeesAnImmutableCopyOfTheLogEvent() {
        List<Hint> hints = new CopyOnWriteArrayList<>();
        Sentry.init(SentryOptions.builder().dsn(fixture.receiver.dsn()).ambientSources(false)
                .defaultIntegrations(false).beforeBreadcrumb((crumb, hint) -> {
                    hints.add(hint);
                    return crumb;
                }).build());
        fixture.start(fixture.config(""));

        fixture.logger("shop").info("breadcrumb {}", "one");
        SentryAppender appender = fixture.appender();
        MutableLogEvent reused = new MutableLogEvent();
        reused.setLoggerName("reused");
        reused.setLevel(org.apache.logging.log4j.Level.WARN);
        reused.setMessage(new org.apache.logging.log4j.message.SimpleMessage("reused message"));
        appender.append(reused);

        assertThat(hints).hasSize(2);
        LogEvent first = (LogEvent) hints.get(0).logRecord();
        assertThat(first.getMessage().getFormattedMessage()).isEqualTo("breadcrumb one");
        assertThat(first.getLoggerName()).isEqualTo("shop");
        LogEvent second = (LogEvent) hints.get(1).logRecord();
        assertThat(second).isNotSameAs(reused).isNotInstanceOf(MutableLogEvent.class);
        assertThat(second.getMessage().getFormattedMessage()).isEqualTo("reused message");
    }
}
