package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.testkit.LogItemShape.attribute;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestClock;
import org.sentry4j.testkit.TestReceiver;
import org.sentry4j.testkit.TestReceiver.Response;

/**
 * Structured logs through the whole SDK and a loopback receiver: {@code Sentry.logger()}, the batches
 * the worker sends (full ones at once, partial ones after the interval by the injected clock, all of
 * them at flush and close), rate limits for {@code log_item}, and an outage, after which the spooled
 * logs arrive. Every log item is checked against the log protocol ({@code LogItemShape}).
 */
class StructuredLogsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private TestReceiver receiver;
    private final TestClock clock = new TestClock();

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
    }

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    private void init(Consumer<SentryOptions.Builder> tweak) {
        Sentry.init(o -> {
            o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false).cacheDir(dir.resolve("spool"))
                    .logsEnabled(true).release("shop@1.4.2").environment("staging").serverName("box-1").clock(clock);
            tweak.accept(o);
        });
    }


    private static List<String> bodies(List<JsonObject> logs) {
        return logs.stream().map(l -> l.get("body").getAsString()).collect(Collectors.toList());
    }

    @Test
    void aDirectLogCarriesTemplateParametersAndTheTraceOfItsScope() {
        init(o -> { });
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        Sentry.withScope(scope -> {
            Sentry.continueTrace(traceId + "-b7ad6b7169203331-1", null);
            Sentry.logger().info("Order %s failed after %d tries", "o-7", 3);
            Sentry.captureMessage("order failed");
        });
        assertThat(Sentry.flush(WAIT)).isTrue();

        JsonObject log = receiver.awaitLogs(1, WAIT).get(0);
        assertThat(log.get("body").getAsString()).isEqualTo("Order o-7 failed after 3 tries");
        assertThat(log.get("level").getAsString()).isEqualTo("info");
        assertThat(log.get("trace_id").getAsString()).isEqualTo(traceId);
        assertThat(log.get("timestamp").getAsDouble()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(attribute(log, "sentry.message.template")).isEqualTo("Order %s failed after %d tries");
        assertThat(attribute(log, "sentry.message.parameter.0")).isEqualTo("o-7");
        assertThat(log.getAsJsonObject("attributes").getAsJsonObject("sentry.message.parameter.1").get("type")
                .getAsString()).isEqualTo("integer");
        assertThat(attribute(log, "thread.name")).isEqualTo(Thread.currentThread().getName());
        assertThat(attribute(log, "sentry.release")).isEqualTo("shop@1.4.2");
        assertThat(attribute(log, "sentry.environment")).isEqualTo("staging");
        assertThat(attribute(log, "server.address")).isEqualTo("box-1");
        assertThat(attribute(log, "sentry.sdk.name")).isEqualTo("sentry4j.java");
        assertThat(log.getAsJsonObject("attributes").has("sentry.origin")).as("no origin for a direct call").isFalse();
        JsonObject event = receiver.awaitEvent(e -> true, WAIT).event();
        assertThat(event.getAsJsonObject("contexts").getAsJsonObject("trace").get("trace_id").getAsString())
                .as("the log belongs to the trace of the event made beside it").isEqualTo(traceId);
    }

    @Test
    void everyLevelHasItsWireNameAndSeverity() {
        init(o -> { });
        Sentry.logger().trace("t");
        Sentry.logger().debug("d");
        Sentry.logger().info("i");
        Sentry.logger().warn("w");
        Sentry.logger().error("e");
        Sentry.logger().fatal("f");
        Sentry.flush(WAIT);
        Map<String, Integer> severities = receiver.awaitLogs(6, WAIT).stream().collect(Collectors.toMap(
                l -> l.get("level").getAsString(), l -> l.get("severity_number").getAsInt()));
        assertThat(severities).isEqualTo(Map.of("trace", 1, "debug", 5, "info", 9, "warn", 13, "error", 17,
                "fatal", 21));
    }

    @Test
    void aFullBatchGoesWithoutWaitingAndTheRestAfterTheInterval() {
        init(o -> { });
        for (int i = 0; i < 130; i++) {
            Sentry.logger().info("line %d", i);
        }
        List<ReceivedEnvelope> first = receiver.awaitEnvelopes(1, WAIT);
        assertThat(first.get(0).logs()).hasSize(100);
        assertThat(first.get(0).logItemHeader().get("item_count").getAsInt()).isEqualTo(100);

        clock.advance(Duration.ofSeconds(5));
        List<JsonObject> logs = receiver.awaitLogs(130, WAIT);
        assertThat(bodies(logs)).startsWith("line 0", "line 1").endsWith("line 129");
        assertThat(receiver.envelopes()).hasSize(2);
    }

    @Test
    void closeDeliversWhatIsWaiting() {
        init(o -> { });
        Sentry.logger().warn("shutting down with %d orders open", 2);
        Sentry.close();
        assertThat(bodies(receiver.awaitLogs(1, WAIT))).containsExactly("shutting down with 2 orders open");
    }

    @Test
    void withLogsOffNothingIsSent() {
        init(o -> o.logsEnabled(false));
        Sentry.logger().error("not sent");
        Sentry.captureMessage("sent");
        Sentry.flush(WAIT);
        receiver.awaitEvent(e -> true, WAIT);
        assertThat(receiver.logs()).isEmpty();
    }

    @Test
    void logsMadeInsideBeforeSendLogAreIgnored() {
        init(o -> o.beforeSendLog(log -> {
            Sentry.logger().info("from inside the callback");
            return log;
        }));
        Sentry.logger().info("outside");
        Sentry.flush(WAIT);
        Sentry.logger().info("second");
        Sentry.flush(WAIT);
        assertThat(bodies(receiver.awaitLogs(2, WAIT))).containsExactly("outside", "second");
    }

    @Test
    void aRateLimitForLogItemsDropsLogsButNotEventsAndIsReported() {
        init(o -> { });
        receiver.respondWith(e -> e.logItemHeader() != null
                ? Response.status(429).header("X-Sentry-Rate-Limits", "60:log_item:key")
                : Response.status(200));
        Sentry.logger().info("refused by the server");
        Sentry.flush(WAIT);
        receiver.respondWith(Response.status(200));

        for (int i = 0; i < 3; i++) {
            Sentry.logger().info("limited %d", i);
        }
        Sentry.flush(WAIT);
        Sentry.captureMessage("still sent");
        Sentry.flush(WAIT);

        receiver.awaitEvent(e -> true, WAIT);
        assertThat(receiver.logs()).as("no log envelope got through").isEmpty();
        assertThat(discarded("ratelimit_backoff", "log_item")).isEqualTo(3);
        assertThat(discarded("ratelimit_backoff", "log_byte")).isPositive();
    }

    @Test
    void duringAnOutageLogsAreSpooledAndArriveAfterIt() {
        receiver.down();
        init(o -> { });
        for (int i = 0; i < 3; i++) {
            Sentry.logger().info("during the outage %d", i);
        }
        Sentry.close();

        receiver.up();
        init(o -> { });
        List<JsonObject> logs = receiver.awaitLogs(3, WAIT);
        assertThat(bodies(logs)).containsExactly("during the outage 0", "during the outage 1", "during the outage 2");
        assertThat(receiver.envelopes().get(0).logItemHeader().get("item_count").getAsInt()).isEqualTo(3);
    }

    /** What the client reports received so far say was dropped for {@code reason} in {@code category}. */
    private long discarded(String reason, String category) {
        long n = 0;
        for (ReceivedEnvelope e : receiver.envelopes()) {
            JsonObject report = e.clientReport();
            if (report == null) {
                continue;
            }
            for (var d : report.getAsJsonArray("discarded_events")) {
                JsonObject o = d.getAsJsonObject();
                if (o.get("reason").getAsString().equals(reason) && o.get("category").getAsString().equals(category)) {
                    n += o.get("quantity").getAsLong();
                }
            }
        }
        return n;
    }
}
