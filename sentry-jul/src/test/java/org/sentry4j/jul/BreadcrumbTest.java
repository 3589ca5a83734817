package org.sentry4j.jul;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.ReceivedEnvelope;

/** Between the two thresholds a record is a breadcrumb; below both it is nothing. */
class BreadcrumbTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final JulFixture fixture = new JulFixture();

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
    void infoAndWarningBecomeBreadcrumbsOnTheNextEventAndFineIsNothing() {
        fixture.start();
        Logger log = fixture.logger();
        Instant before = Instant.now();

        log.log(Level.INFO, "cart {0} opened", 7);
        log.fine("too fine");
        log.warning("stock low");
        log.severe("checkout failed");

        JsonArray crumbs = breadcrumbs(eventWith("checkout failed"));
        assertThat(crumbs).hasSize(2);
        JsonObject info = crumbs.get(0).getAsJsonObject();
        assertThat(info.get("message").getAsString()).isEqualTo("cart 7 opened");
        assertThat(info.get("category").getAsString()).isEqualTo(log.getName());
        assertThat(info.get("level").getAsString()).isEqualTo("info");
        assertThat(Instant.parse(info.get("timestamp").getAsString())).isBetween(before.minusMillis(1), Instant.now());
        assertThat(crumbs.get(1).getAsJsonObject().get("level").getAsString()).isEqualTo("warning");
        assertThat(crumbs.get(1).getAsJsonObject().get("message").getAsString()).isEqualTo("stock low");
    }

    @Test
    void anEventIsAlsoABreadcrumbOfTheEventsAfterIt() {
        fixture.start();

        fixture.logger().severe("first");
        fixture.logger().severe("second");

        assertThat(breadcrumbs(eventWith("first"))).isEmpty();
        assertThat(breadcrumbs(eventWith("second"))).extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("first");
    }

    @Test
    void aMutableParameterShowsItsStateAtLogTimeAndALocalizedMessageItsTranslation() {
        fixture.start();
        StringBuilder cart = new StringBuilder("apples");

        fixture.logger().log(Level.INFO, "cart {0}", cart);
        cart.append(" and pears");
        fixture.logger().logrb(Level.INFO, ResourceBundle.getBundle(TestMessages.class.getName()), "cart.opened", 7);
        fixture.logger().severe("boom");

        assertThat(breadcrumbs(eventWith("boom"))).extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("cart apples", "Warenkorb 7 geoeffnet");
    }

    @Test
    void thresholdsAndTheHandlerLevelComeFromTheProperties() {
        fixture.start(Map.of("minimumEventLevel", "WARNING", "minimumBreadcrumbLevel", "FINE", "level", "FINE"));
        Logger log = fixture.logger();

        log.finer("below the handler's level");
        log.fine("a fine breadcrumb");
        log.warning("a warning event");

        JsonObject event = eventWith("a warning event");
        assertThat(event.get("level").getAsString()).isEqualTo("warning");
        assertThat(breadcrumbs(event)).extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("a fine breadcrumb");
        assertThat(breadcrumbs(event).get(0).getAsJsonObject().get("level").getAsString()).isEqualTo("debug");
    }

    @Test
    void aThresholdCountsByBandConfigTakesFineAndFinerTakesFinest() {
        fixture.start(Map.of("minimumEventLevel", "FINER", "minimumBreadcrumbLevel", "CONFIG"));
        Logger log = fixture.logger();

        log.fine("a fine breadcrumb");
        log.finest("a finest event");

        JsonObject event = eventWith("a finest event");
        assertThat(event.get("level").getAsString()).isEqualTo("debug");
        assertThat(breadcrumbs(event)).extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("a fine breadcrumb");
    }

    @Test
    void withABeforeBreadcrumbTheRecordIsTheHint() {
        fixture.start();
        java.util.List<Object> hints = new java.util.concurrent.CopyOnWriteArrayList<>();
        Sentry.init(o -> o.dsn(fixture.receiver.dsn()).defaultIntegrations(false).beforeBreadcrumb((crumb, hint) -> {
            hints.add(hint.get(org.sentry4j.Hint.LOG_RECORD));
            return crumb;
        }));

        fixture.logger().log(Level.INFO, "cart {0} opened", 7);
        fixture.logger().severe("checkout failed");

        assertThat(breadcrumbs(eventWith("checkout failed"))).extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("cart 7 opened");
        assertThat(hints).hasSize(2).allMatch(h -> h instanceof java.util.logging.LogRecord);
        assertThat(((java.util.logging.LogRecord) hints.get(0)).getMessage()).isEqualTo("cart {0} opened");
    }
}
