package org.sentry4j.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sentry4j.BeforeSendLogCallback;
import org.sentry4j.PropagationContext;
import org.sentry4j.SentryLogLevel;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.testkit.InMemoryTransport;
import org.sentry4j.testkit.LogItemShape;
import org.sentry4j.testkit.TestClock;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/**
 * The batching rules, run by hand as the worker would: a full batch goes at once, a partial one after
 * the interval by the options' clock or at a flush, never more than 100 logs per item; the hard cap and
 * {@code beforeSendLog} drops are counted under {@code log_item} and {@code log_byte}.
 */
class LogBatcherTest {
    private final TestClock clock = new TestClock();
    private final InMemoryTransport transport = new InMemoryTransport();
    private final AtomicInteger wakes = new AtomicInteger();

    private LogQueue queue(int maxLogs, long maxBytes) {
        return new LogQueue(maxLogs, maxBytes, wakes::incrementAndGet);
    }

    private LogBatcher batcher(LogQueue queue, BeforeSendLogCallback beforeSendLog) {
        SentryOptions options = SentryOptions.builder().ambientSources(false).clock(clock)
                .release("shop@1.4.2").environment("staging").serverName("box-1").beforeSendLog(beforeSendLog).build();
        return new LogBatcher(queue, options, PropagationContext.create(new java.util.Random(7)), options::serverName,
                transport, (bytes, offset, length) -> new EnvelopeItem("log", LogBatcher.CONTENT_TYPE,
                        java.util.Arrays.copyOfRange(bytes, offset, offset + length)),
                new Diagnostics(false, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream())));
    }

    private static LogEntry entry(int i) {
        return LogEntry.builder().timestamp(1_800_000_000L + i, 0).level(SentryLogLevel.INFO)
                .template("order %s of %d", new Object[] {"o-" + i, i}, null).thread("main", 1).build();
    }

    /** The logs of every envelope sent so far, per envelope; each item checked against the log protocol. */
    private List<List<JsonObject>> sent() {
        List<List<JsonObject>> out = new ArrayList<>();
        for (Envelope e : transport.envelopes()) {
            assertThat(e.items()).hasSize(1);
            EnvelopeItem item = e.items().get(0);
            JsonObject header = JsonParser.parseString(itemHeader(e)).getAsJsonObject();
            JsonObject payload = JsonParser.parseString(item.payloadAsString()).getAsJsonObject();
            LogItemShape.assertValid(header, payload);
            List<JsonObject> logs = new ArrayList<>();
            payload.getAsJsonArray("items").forEach(l -> logs.add(l.getAsJsonObject()));
            out.add(logs);
        }
        return out;
    }

    private static String itemHeader(Envelope e) {
        String text = new String(e.toBytes(null), StandardCharsets.UTF_8);
        return text.split("\n")[1];
    }

    @Test
    void fullBatchesGoAtOnceAndThePartialOneAfterTheInterval() {
        LogQueue queue = queue(LogQueue.DEFAULT_MAX_LOGS, LogQueue.DEFAULT_MAX_BYTES);
        LogBatcher batcher = batcher(queue, null);
        for (int i = 0; i < 250; i++) {
            assertThat(queue.offer(entry(i))).isTrue();
        }
        assertThat(wakes.get()).as("the worker is woken when a full batch waits").isEqualTo(1);

        batcher.run();
        assertThat(sent()).extracting(List::size).containsExactly(100, 100);

        clock.advance(LogBatcher.INTERVAL.minusMillis(1));
        batcher.run();
        assertThat(transport.envelopes()).as("the last 50 wait for the interval").hasSize(2);

        clock.advance(Duration.ofMillis(1));
        batcher.run();
        List<List<JsonObject>> sent = sent();
        assertThat(sent).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(sent.get(2).get(49).get("body").getAsString()).isEqualTo("order o-249 of 249");
        assertThat(sent.get(0).get(0).get("timestamp").getAsString()).isEqualTo("1800000000.000000");
    }

    @Test
    void aFlushSendsWhatWaitsAtOnce() {
        LogQueue queue = queue(LogQueue.DEFAULT_MAX_LOGS, LogQueue.DEFAULT_MAX_BYTES);
        LogBatcher batcher = batcher(queue, null);
        queue.offer(entry(1));
        queue.offer(entry(2));
        long mark = batcher.requestFlush();
        assertThat(batcher.done(mark)).isFalse();

        batcher.run();

        assertThat(batcher.done(mark)).isTrue();
        assertThat(sent()).extracting(List::size).containsExactly(2);
        assertThat(transport.envelopes().get(0).eventId()).isNull();
    }

    @Test
    void theHardCapDropsAndCountsBothLogsAndBytes() {
        LogQueue queue = queue(10, LogQueue.DEFAULT_MAX_BYTES);
        LogBatcher batcher = batcher(queue, null);
        int accepted = 0;
        for (int i = 0; i < 15; i++) {
            accepted += queue.offer(entry(i)) ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(10);

        batcher.requestFlush();
        batcher.run();

        assertThat(sent()).extracting(List::size).containsExactly(10);
        Map<String, Long> discards = transport.discards();
        assertThat(discards).containsEntry("queue_overflow:log_item", 5L);
        assertThat(discards.get("queue_overflow:log_byte")).isGreaterThanOrEqualTo(5L * LogEntry.OVERHEAD_BYTES);
    }

    @Test
    void theByteCapCountsWhatTheLogsHold() {
        LogQueue queue = queue(LogQueue.DEFAULT_MAX_LOGS, 64 * 1024);
        String big = "x".repeat(20_000);
        int accepted = 0;
        for (int i = 0; i < 5; i++) {
            accepted += queue.offer(LogEntry.builder().template("payload %s", new Object[] {big}, null).build()) ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(3);
        LogBatcher batcher = batcher(queue, null);
        batcher.run();
        assertThat(transport.discards()).containsEntry("queue_overflow:log_item", 2L);
    }

    @Test
    void beforeSendLogMayChangeOrDropALog() {
        LogQueue queue = queue(LogQueue.DEFAULT_MAX_LOGS, LogQueue.DEFAULT_MAX_BYTES);
        LogBatcher batcher = batcher(queue, log -> {
            if (log.getBody().contains("o-1 ")) {
                return null;
            }
            log.setAttribute("team", "pay");
            log.setLevel(SentryLogLevel.WARN);
            return log;
        });
        queue.offer(entry(1));
        queue.offer(entry(2));
        batcher.requestFlush();
        batcher.run();

        List<JsonObject> logs = sent().get(0);
        assertThat(logs).hasSize(1);
        assertThat(logs.get(0).get("level").getAsString()).isEqualTo("warn");
        assertThat(logs.get(0).get("severity_number").getAsInt()).isEqualTo(13);
        assertThat(logs.get(0).getAsJsonObject("attributes").getAsJsonObject("team").get("value").getAsString())
                .isEqualTo("pay");
        assertThat(transport.discards()).containsEntry("before_send:log_item", 1L)
                .containsKey("before_send:log_byte");
    }

    @Test
    void aBeforeSendLogThatThrowsDropsItsLogs() {
        LogQueue queue = queue(LogQueue.DEFAULT_MAX_LOGS, LogQueue.DEFAULT_MAX_BYTES);
        LogBatcher batcher = batcher(queue, log -> {
            throw new IllegalStateException("broken callback");
        });
        queue.offer(entry(1));
        batcher.requestFlush();
        batcher.run();
        assertThat(transport.envelopes()).isEmpty();
        assertThat(transport.discards()).containsEntry("before_send:log_item", 1L);
    }

    @Test
    void attributesCarryTheTemplateTypedParametersAndTheClientsFacts() {
        LogQueue queue = queue(LogQueue.DEFAULT_MAX_LOGS, LogQueue.DEFAULT_MAX_BYTES);
        LogBatcher batcher = batcher(queue, null);
        Instant at = Instant.parse("2026-12-07T10:00:00.123456789Z");
        queue.offer(LogEntry.builder().timestamp(at.getEpochSecond(), at.getNano()).level(SentryLogLevel.ERROR)
                .template("charged %s %d times at %.1f: %b", new Object[] {"o-7", 3, 2.5, true, new StringBuilder("sb")},
                        null)
                .logger("com.shop.Checkout").thread("checkout-1", 42).origin("auto.log.logback")
                .context(Map.of("tenant", "acme")).keyValues(Map.of("order.total", 12L)).build());
        queue.offer(LogEntry.builder().level(SentryLogLevel.INFO).template("no parameters", null, null).build());
        batcher.requestFlush();
        batcher.run();

        List<JsonObject> logs = sent().get(0);
        JsonObject log = logs.get(0);
        assertThat(log.get("timestamp").getAsString()).isEqualTo(at.getEpochSecond() + ".123456");
        assertThat(log.get("body").getAsString()).isEqualTo("charged o-7 3 times at 2.5: true");
        assertThat(log.get("level").getAsString()).isEqualTo("error");
        assertThat(log.get("severity_number").getAsInt()).isEqualTo(17);
        JsonObject a = log.getAsJsonObject("attributes");
        assertThat(attr(a, "sentry.message.template")).isEqualTo("string:charged %s %d times at %.1f: %b");
        assertThat(attr(a, "sentry.message.parameter.0")).isEqualTo("string:o-7");
        assertThat(attr(a, "sentry.message.parameter.1")).isEqualTo("integer:3");
        assertThat(attr(a, "sentry.message.parameter.2")).isEqualTo("double:2.5");
        assertThat(attr(a, "sentry.message.parameter.3")).isEqualTo("boolean:true");
        assertThat(attr(a, "sentry.message.parameter.4")).isEqualTo("string:sb");
        assertThat(attr(a, "logger.name")).isEqualTo("string:com.shop.Checkout");
        assertThat(attr(a, "thread.name")).isEqualTo("string:checkout-1");
        assertThat(attr(a, "thread.id")).isEqualTo("integer:42");
        assertThat(attr(a, "sentry.origin")).isEqualTo("string:auto.log.logback");
        assertThat(attr(a, "mdc.tenant")).isEqualTo("string:acme");
        assertThat(attr(a, "order.total")).isEqualTo("integer:12");
        assertThat(attr(a, "sentry.release")).isEqualTo("string:shop@1.4.2");
        assertThat(attr(a, "sentry.environment")).isEqualTo("string:staging");
        assertThat(attr(a, "server.address")).isEqualTo("string:box-1");
        assertThat(attr(a, "sentry.sdk.name")).isEqualTo("string:sentry4j.java");
        assertThat(a.has("sentry.sdk.version")).isTrue();

        JsonObject plain = logs.get(1);
        assertThat(plain.get("body").getAsString()).isEqualTo("no parameters");
        assertThat(plain.getAsJsonObject("attributes").has("sentry.message.template"))
                .as("no template without a parameter").isFalse();
        assertThat(plain.getAsJsonObject("attributes").has("sentry.origin")).as("the application's own call").isFalse();
    }

    @Test
    void aMutableArgumentIsCopiedAsItsTextOnTheLoggingThread() {
        LogQueue queue = queue(LogQueue.DEFAULT_MAX_LOGS, LogQueue.DEFAULT_MAX_BYTES);
        LogBatcher batcher = batcher(queue, null);
        List<String> cart = new ArrayList<>(List.of("a"));
        queue.offer(LogEntry.builder().template("cart %s", new Object[] {cart}, null).build());
        cart.add("b");
        batcher.requestFlush();
        batcher.run();
        assertThat(sent().get(0).get(0).get("body").getAsString()).isEqualTo("cart [a]");
    }

    private static String attr(JsonObject attributes, String name) {
        JsonObject a = attributes.getAsJsonObject(name);
        return a == null ? null : a.get("type").getAsString() + ":" + a.get("value").getAsString();
    }
}
