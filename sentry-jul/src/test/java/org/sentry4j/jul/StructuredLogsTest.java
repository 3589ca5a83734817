package org.sentry4j.jul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.testkit.LogItemShape.attribute;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;

/**
 * JUL records as structured logs (Sentry Logs): turned on by the handler's {@code logsEnabled}
 * property, from {@code minimumLogLevel} (JUL's level names accepted) apart from the event and
 * breadcrumb thresholds; each log item checked against the log protocol by the receiver.
 */
class StructuredLogsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final JulFixture fixture = new JulFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }


    @Test
    void recordsFromInfoBecomeLogsWithTheirPatternParametersLoggerThreadAndTheEventsTrace() {
        fixture.start(Map.of("logsEnabled", "true"));
        Logger log = fixture.logger();

        log.fine("below minimumLogLevel");
        log.log(Level.INFO, "order {0} paid in {1}", new Object[] {"A-42", "EUR"});
        log.logrb(Level.WARNING, ResourceBundle.getBundle(TestMessages.class.getName()), "cart.opened", 7);
        log.severe("payment failed");
        assertThat(Sentry.flush(WAIT)).isTrue();

        List<JsonObject> logs = fixture.receiver.awaitLogs(3, WAIT);
        assertThat(logs).extracting(l -> l.get("body").getAsString())
                .containsExactly("order A-42 paid in EUR", "Warenkorb 7 geoeffnet", "payment failed");
        assertThat(logs).extracting(l -> l.get("level").getAsString()).containsExactly("info", "warn", "error");
        JsonObject info = logs.get(0);
        assertThat(attribute(info, "sentry.message.template")).isEqualTo("order {0} paid in {1}");
        assertThat(attribute(info, "sentry.message.parameter.0")).isEqualTo("A-42");
        assertThat(attribute(info, "sentry.message.parameter.1")).isEqualTo("EUR");
        assertThat(attribute(info, "logger.name")).isEqualTo(log.getName());
        assertThat(attribute(info, "sentry.origin")).isEqualTo("auto.log.jul");
        assertThat(attribute(info, "thread.name")).isEqualTo(Thread.currentThread().getName());
        assertThat(attribute(logs.get(1), "sentry.message.template")).isEqualTo("Warenkorb {0} geoeffnet");

        JsonObject event = fixture.receiver.awaitEnvelopes(1, WAIT).stream().filter(e -> e.event() != null)
                .findFirst().orElseThrow().event();
        EventSchema.assertValid(event);
        String eventTrace = event.getAsJsonObject("contexts").getAsJsonObject("trace").get("trace_id").getAsString();
        assertThat(logs).allSatisfy(l -> assertThat(l.get("trace_id").getAsString()).isEqualTo(eventTrace));
    }

    @Test
    void minimumLogLevelTakesJulsNamesFinerAndFinestAreTrace() {
        fixture.start(Map.of("logsEnabled", "true", "minimumLogLevel", "FINER",
                "minimumEventLevel", "OFF", "minimumBreadcrumbLevel", "OFF"));
        Logger log = fixture.logger();

        log.log(Level.CONFIG, "pool size {0}", 8);
        log.finest("cache miss for k1");
        assertThat(Sentry.flush(WAIT)).isTrue();

        List<JsonObject> logs = fixture.receiver.awaitLogs(2, WAIT);
        assertThat(logs).extracting(l -> l.get("body").getAsString()).containsExactly("pool size 8", "cache miss for k1");
        assertThat(logs).extracting(l -> l.get("level").getAsString()).containsExactly("debug", "trace");
        assertThat(fixture.reported).isEmpty();
    }

    @Test
    void withoutLogsEnabledNoRecordBecomesALog() {
        fixture.start();
        Logger log = fixture.logger();
        log.info("order paid");
        log.severe("payment failed");

        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event()).isNotNull();
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(fixture.receiver.logs()).isEmpty();
    }
}
