package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import com.google.gson.JsonObject;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.SentryEvent;
import org.sentry4j.SentryOptions;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.ReceivedEnvelope;

/** Events that reach the appender on another thread (Async) or that Log4j2 reuses (garbage-free mode). */
class AsyncAndReuseTest {
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

    @Test
    void behindAsyncTheThreadAndContextDataAreTheLoggingThreads() throws InterruptedException {
        fixture.start("""
                <Configuration status="warn">
                  <Appenders>
                    <Sentry name="Sentry" dsn="%s" defaultIntegrations="false"/>
                    <Async name="Async"><AppenderRef ref="Sentry"/></Async>
                  </Appenders>
                  <Loggers><Root level="info"><AppenderRef ref="Async"/></Root></Loggers>
                </Configuration>
                """.formatted(fixture.receiver.dsn()));
        Thread worker = new Thread(() -> {
            ThreadContext.put("tenant", "acme");
            fixture.logger("shop").info("step one");
            fixture.logger("shop").error("failed in worker");
            ThreadContext.clearAll();
        }, "checkout-worker");
        worker.start();
        worker.join(WAIT.toMillis());

        JsonObject event = fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(event);
        JsonObject thread = event.getAsJsonObject("threads").getAsJsonArray("values").get(0).getAsJsonObject();
        assertThat(thread.get("name").getAsString()).isEqualTo("checkout-worker");
        assertThat(thread.get("id").getAsLong()).isEqualTo(worker.getId());
        assertThat(event.getAsJsonObject("tags").get("tenant").getAsString()).isEqualTo("acme");
        assertThat(event.getAsJsonObject("breadcrumbs").getAsJsonArray("values").get(0).getAsJsonObject()
                .get("message").getAsString()).isEqualTo("step one");
    }

    /** An argument whose text changes after it was logged. */
    private static final class Mutable {
        volatile String state;

        Mutable(String state) {
            this.state = state;
        }

        @Override
        public String toString() {
            return state;
        }
    }

    @Test
    void anEventHandedOverByAnotherThreadKeepsTheTextLog4j2FormattedThere() {
        fixture.start(fixture.config(""));
        Mutable cart = new Mutable("3 items");
        // What <Async> and async loggers do with a ParameterizedMessage (thread-locals off, as in web
        // applications): format it on the logging thread, where it keeps the text, and hand it over.
        ParameterizedMessage message = new ParameterizedMessage("checkout failed with {}", cart);
        message.getFormattedMessage();
        LogEvent handedOver = Log4jLogEvent.newBuilder().setLoggerName("shop").setLevel(Level.ERROR)
                .setMessage(message).setThreadName("checkout-worker").setThreadId(Thread.currentThread().getId() + 1)
                .build();
        cart.state = "empty"; // changed before the async thread gets to it

        fixture.appender().append(handedOver);

        JsonObject logentry = fixture.receiver.awaitEvent(e -> e.event().has("logger"), WAIT).event()
                .getAsJsonObject("logentry");
        assertThat(logentry.get("formatted").getAsString()).isEqualTo("checkout failed with 3 items");
    }

    @Test
    void aReusedEventIsCopiedBeforeAppendReturns() throws InterruptedException {
        CountDownLatch workerBlocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Object> hintRecord = new AtomicReference<>();
        Sentry.init(SentryOptions.builder().dsn(fixture.receiver.dsn()).ambientSources(false)
                .defaultIntegrations(false).beforeSend((event, hint) -> {
                    if ("blocker".equals(messageOf(event))) {
                        workerBlocked.countDown();
                        await(release);
                    } else {
                        hintRecord.set(hint.logRecord());
                    }
                    return event;
                }).build());
        fixture.start(fixture.config(""));
        Sentry.captureMessage("blocker");
        assertThat(workerBlocked.await(10, TimeUnit.SECONDS)).isTrue();

        MutableLogEvent reused = new MutableLogEvent();
        fill(reused, "order {} failed", "42", "tenant", "acme", "worker-1", 11);
        fixture.appender().append(reused);
        fill(reused, "user {} left", "u-9", "tenant", "other", "worker-2", 22); // Log4j2 reuses it right away
        release.countDown();

        ReceivedEnvelope envelope = fixture.receiver.awaitEvent(e -> e.event().has("logger"), WAIT);
        JsonObject event = envelope.event();
        JsonObject logentry = event.getAsJsonObject("logentry");
        assertThat(logentry.get("formatted").getAsString()).isEqualTo("order 42 failed");
        assertThat(logentry.get("message").getAsString()).isEqualTo("order {} failed");
        assertThat(logentry.getAsJsonArray("params").get(0).getAsString()).isEqualTo("42");
        assertThat(event.getAsJsonObject("tags").get("tenant").getAsString()).isEqualTo("acme");
        JsonObject thread = event.getAsJsonObject("threads").getAsJsonArray("values").get(0).getAsJsonObject();
        assertThat(thread.get("name").getAsString()).isEqualTo("worker-1");
        assertThat(thread.get("id").getAsLong()).isEqualTo(11);
        assertThat(hintRecord.get()).isInstanceOf(LogEvent.class).isNotInstanceOf(MutableLogEvent.class);
        assertThat(((LogEvent) hintRecord.get()).getMessage().getFormattedMessage()).isEqualTo("order 42 failed");
    }

    @Test
    void inAnErrorStormEventsBeyondTheQueueAreDroppedAndCountedButStayBreadcrumbs() throws InterruptedException {
        CountDownLatch workerBlocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Sentry.init(SentryOptions.builder().dsn(fixture.receiver.dsn()).ambientSources(false)
                .defaultIntegrations(false).maxPendingEvents(1).beforeSend((event, hint) -> {
                    if ("blocker".equals(messageOf(event))) {
                        workerBlocked.countDown();
                        await(release);
                    }
                    return event;
                }).build());
        fixture.start(fixture.config(""));
        Sentry.captureMessage("blocker");
        assertThat(workerBlocked.await(10, TimeUnit.SECONDS)).isTrue();

        org.apache.logging.log4j.Logger log = fixture.logger("storm");
        log.error("queued while the worker is busy");
        log.error("order {} failed", "A-1", new IllegalStateException("declined")); // no room: dropped
        log.error("order {} failed", "A-2", new IllegalStateException("declined")); // dropped
        release.countDown();
        assertThat(Sentry.flush(WAIT)).isTrue();
        log.error("after the storm");

        JsonObject after = fixture.receiver.awaitEvent(
                e -> e.event().has("logentry") && "after the storm".equals(
                        e.event().getAsJsonObject("logentry").get("formatted").getAsString()), WAIT).event();
        assertThat(after.getAsJsonObject("breadcrumbs").getAsJsonArray("values").asList())
                .extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("queued while the worker is busy", "order A-1 failed", "order A-2 failed");
        assertThat(Sentry.transportStats().dropped()).containsEntry("queue_overflow", 2L);
    }

    private static void fill(MutableLogEvent event, String pattern, String param, String key, String value,
                             String threadName, long threadId) {
        ReusableParameterizedMessage message = new ReusableParameterizedMessage();
        message.set(pattern, param);
        event.setMessage(message);
        event.setLevel(Level.ERROR);
        event.setLoggerName("reused");
        if (event.getContextData().isEmpty()) {
            event.setContextData(new SortedArrayStringMap());
        }
        ((StringMap) event.getContextData()).putValue(key, value); // in place, as Log4j2 refills it
        event.setThreadName(threadName);
        event.setThreadId(threadId);
        event.setTimeMillis(System.currentTimeMillis());
    }

    private static String messageOf(SentryEvent event) {
        return event.getMessage() == null ? null : event.getMessage().formatted();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
