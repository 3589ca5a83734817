package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.testkit.LogItemShape.attribute;

import ch.qos.logback.classic.Logger;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;
import org.slf4j.MDC;

/**
 * Logback records as structured logs (Sentry Logs): turned on by the appender's {@code logsEnabled},
 * from {@code minimumLogLevel} apart from the event and breadcrumb thresholds; each log item checked
 * against the log protocol by the receiver.
 */
class StructuredLogsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
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


    @Test
    void recordsFromInfoBecomeLogsWithTemplateParametersContextAndTheEventsTrace() {
        Logger log = configure("<logsEnabled>true</logsEnabled>");
        MDC.put("tenant", "acme");
        log.debug("below minimumLogLevel");
        log.info("Order {} paid in {}", 42, "EUR");
        log.atWarn().setMessage("stock low").addKeyValue("sku", "A-7").log();
        log.error("payment failed for {}", "order-9");
        assertThat(Sentry.flush(WAIT)).isTrue();

        List<JsonObject> logs = receiver.awaitLogs(3, WAIT);
        assertThat(logs).extracting(l -> l.get("body").getAsString())
                .containsExactly("Order 42 paid in EUR", "stock low", "payment failed for order-9");
        assertThat(logs).extracting(l -> l.get("level").getAsString()).containsExactly("info", "warn", "error");
        JsonObject info = logs.get(0);
        assertThat(attribute(info, "sentry.message.template")).isEqualTo("Order {} paid in {}");
        assertThat(attribute(info, "sentry.message.parameter.0")).isEqualTo("42");
        assertThat(attribute(info, "sentry.message.parameter.1")).isEqualTo("EUR");
        assertThat(attribute(info, "logger.name")).isEqualTo("com.shop.Checkout");
        assertThat(attribute(info, "sentry.origin")).isEqualTo("auto.log.logback");
        assertThat(attribute(info, "thread.name")).isEqualTo(Thread.currentThread().getName());
        assertThat(attribute(info, "mdc.tenant")).isEqualTo("acme");
        assertThat(attribute(logs.get(1), "sku")).isEqualTo("A-7");

        JsonObject event = receiver.awaitEnvelopes(1, WAIT).stream().filter(e -> e.event() != null)
                .findFirst().orElseThrow().event();
        EventSchema.assertValid(event);
        String eventTrace = event.getAsJsonObject("contexts").getAsJsonObject("trace").get("trace_id").getAsString();
        assertThat(logs).allSatisfy(l -> assertThat(l.get("trace_id").getAsString()).isEqualTo(eventTrace));
    }

    @Test
    void minimumLogLevelIsItsOwnThreshold() {
        Logger log = configure("<logsEnabled>true</logsEnabled><minimumLogLevel>debug</minimumLogLevel>"
                + "<minimumBreadcrumbLevel>OFF</minimumBreadcrumbLevel><minimumEventLevel>OFF</minimumEventLevel>");
        log.trace("not sent");
        log.debug("cache miss for {}", "k1");
        assertThat(Sentry.flush(WAIT)).isTrue();

        List<JsonObject> logs = receiver.awaitLogs(1, WAIT);
        assertThat(logs).extracting(l -> l.get("body").getAsString()).containsExactly("cache miss for k1");
        assertThat(logs.get(0).get("level").getAsString()).isEqualTo("debug");
    }

    @Test
    void withoutLogsEnabledNoRecordBecomesALog() {
        Logger log = configure("");
        log.info("order paid");
        log.error("payment failed");

        assertThat(receiver.awaitEnvelopes(1, WAIT).get(0).event()).isNotNull();
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(receiver.logs()).isEmpty();
    }
}
