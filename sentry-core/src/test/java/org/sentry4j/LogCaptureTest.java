package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.SentryLevel;
import org.sentry4j.logging.LogRecord;
import org.sentry4j.logging.LogRecordMapper;
import org.sentry4j.protocol.ExceptionValue;
import org.sentry4j.protocol.Mechanism;
import org.sentry4j.protocol.StackFrame;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

/** A log record through the whole pipeline: what appenders rely on beyond the mapper. */
class LogCaptureTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TestReceiver receiver;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                .sendClientReports(false).addInAppInclude("com.shop"));
    }

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    @Test
    void anUnknownThreadIdIsLeftOutSoTheEventStaysSchemaValid() {
        LogRecord r = LogRecord.builder().level(SentryLevel.ERROR).message("failed", "failed", List.of())
                .thread("checkout-1", LogRecord.UNKNOWN_THREAD_ID)
                .throwable(new IllegalStateException("declined")).build();

        queue(r, new LogRecordMapper("test", Set.of()));

        JsonObject event = receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(event);
        JsonObject thread = event.getAsJsonObject("threads").getAsJsonArray("values").get(0).getAsJsonObject();
        assertThat(thread.get("name").getAsString()).isEqualTo("checkout-1");
        assertThat(thread.has("id")).isFalse();
        assertThat(event.getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject()
                .has("thread_id")).isFalse();
    }

    @Test
    void aDescribedExceptionChainGetsTheClientsInAppRules() {
        List<StackFrame> frames = List.of(new StackFrame("java.lang.Thread", "run", "Thread.java", 1, null),
                new StackFrame("com.shop.Checkout", "charge", "Checkout.java", 42, null));
        ExceptionValue described = new ExceptionValue("IOException", "reset", "java.io", null, frames,
                Mechanism.of("test", true).withTree(null, 0, null));
        LogRecord r = LogRecord.builder().level(SentryLevel.ERROR).exceptions(List.of(described)).build();

        queue(r, new LogRecordMapper("test", Set.of()));

        JsonObject event = receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(event);
        JsonObject ex = event.getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject();
        assertThat(ex.get("type").getAsString()).isEqualTo("IOException");
        List<JsonElement> out = ex.getAsJsonObject("stacktrace").getAsJsonArray("frames").asList();
        assertThat(out.get(0).getAsJsonObject().get("in_app").getAsBoolean()).isFalse();
        assertThat(out.get(1).getAsJsonObject().get("in_app").getAsBoolean()).isTrue();
    }

    @Test
    void aQueuedLogIsTheLastEventAndItsIdIsTheOneSent() {
        LogRecord r = LogRecord.builder().level(SentryLevel.ERROR).message("declined", "declined", List.of()).build();
        LogRecordMapper mapper = new LogRecordMapper("test", Set.of());

        queue(r, mapper);
        String captured = Sentry.lastEventId();
        JsonObject first = receiver.awaitEnvelopes(1, WAIT).get(0).event();
        assertThat(first.get("event_id").getAsString()).isEqualTo(captured);
        queue(r, mapper);
        String last = Sentry.lastEventId();

        assertThat(last).hasSize(32).isNotEqualTo(captured).isNotEqualTo(Sentry.EMPTY_ID);
        assertThat(receiver.awaitEnvelopes(2, WAIT).get(1).event().get("event_id").getAsString()).isEqualTo(last);
    }

    /** As the front-end does it: admission, then the queue. */
    private static void queue(LogRecord r, LogRecordMapper mapper) {
        assertThat(LogCapture.admitEvent()).isTrue();
        assertThat(LogCapture.queueAdmitted(r, mapper)).isTrue();
    }
}
