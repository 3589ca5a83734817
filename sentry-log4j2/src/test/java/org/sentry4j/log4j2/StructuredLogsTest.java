package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.testkit.LogItemShape.attribute;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;

/**
 * Log4j2 events as structured logs (Sentry Logs): turned on by the appender's {@code logsEnabled},
 * from {@code minimumLogLevel} apart from the event and breadcrumb thresholds; each log item checked
 * against the log protocol by the receiver.
 */
class StructuredLogsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
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


    @Test
    void eventsFromInfoBecomeLogsWithTemplateParametersContextAndTheEventsTrace() {
        fixture.start(fixture.config("logsEnabled=\"true\""));
        Logger log = fixture.logger("shop.Orders");
        ThreadContext.put("tenant", "acme");
        log.debug("below minimumLogLevel");
        log.info("Order {} paid in {}", 42, "EUR");
        log.error("payment failed for {}", "order-9");
        assertThat(Sentry.flush(WAIT)).isTrue();

        List<JsonObject> logs = fixture.receiver.awaitLogs(2, WAIT);
        assertThat(logs).extracting(l -> l.get("body").getAsString())
                .containsExactly("Order 42 paid in EUR", "payment failed for order-9");
        assertThat(logs).extracting(l -> l.get("level").getAsString()).containsExactly("info", "error");
        JsonObject info = logs.get(0);
        assertThat(attribute(info, "sentry.message.template")).isEqualTo("Order {} paid in {}");
        assertThat(attribute(info, "sentry.message.parameter.0")).isEqualTo("42");
        assertThat(attribute(info, "sentry.message.parameter.1")).isEqualTo("EUR");
        assertThat(attribute(info, "logger.name")).isEqualTo("shop.Orders");
        assertThat(attribute(info, "sentry.origin")).isEqualTo("auto.log.log4j2");
        assertThat(attribute(info, "thread.name")).isEqualTo(Thread.currentThread().getName());
        assertThat(attribute(info, "thread.id")).isEqualTo(String.valueOf(Thread.currentThread().getId()));
        assertThat(attribute(info, "mdc.tenant")).isEqualTo("acme");

        JsonObject event = fixture.receiver.envelopes().stream().filter(e -> e.event() != null)
                .findFirst().orElseThrow().event();
        EventSchema.assertValid(event);
        String eventTrace = event.getAsJsonObject("contexts").getAsJsonObject("trace").get("trace_id").getAsString();
        assertThat(logs).allSatisfy(l -> assertThat(l.get("trace_id").getAsString()).isEqualTo(eventTrace));
    }

    @Test
    void minimumLogLevelIsItsOwnThreshold() {
        fixture.start(fixture.config("logsEnabled=\"true\" minimumLogLevel=\"debug\""
                + " minimumEventLevel=\"OFF\" minimumBreadcrumbLevel=\"OFF\""));
        Logger log = fixture.logger("shop.Cache");
        log.trace("not sent");
        log.debug("cache miss for {}", "k1");
        assertThat(Sentry.flush(WAIT)).isTrue();

        List<JsonObject> logs = fixture.receiver.awaitLogs(1, WAIT);
        assertThat(logs).extracting(l -> l.get("body").getAsString()).containsExactly("cache miss for k1");
        assertThat(logs.get(0).get("level").getAsString()).isEqualTo("debug");
    }

    @Test
    void withoutLogsEnabledNoEventBecomesALog() {
        fixture.start(fixture.config(""));
        Logger log = fixture.logger("shop.Orders");
        log.info("order paid");
        log.error("payment failed");

        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event()).isNotNull();
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(fixture.receiver.logs()).isEmpty();
    }
}
