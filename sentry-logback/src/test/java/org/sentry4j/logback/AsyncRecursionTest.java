package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.CallbackGuard;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;
import org.slf4j.LoggerFactory;

/**
 * Recursion safety behind an {@code AsyncAppender}: the Sentry appender runs on Logback's worker thread,
 * so logs the SDK made (on its threads, inside its callbacks) must be recognised from the record itself.
 * The Sentry appender sits inside a {@link RecordingAppender} behind the queue, which shows when a record
 * has been through it. Mirrors sentry-log4j2's AsyncRecursionTest.
 */
class AsyncRecursionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CONFIG = """
            <configuration>
              <appender name="SENTRY" class="org.sentry4j.logback.SentryAppender">
                <dsn>${SENTRY_DSN}</dsn>
                <defaultIntegrations>false</defaultIntegrations>
                <sendClientReports>false</sendClientReports>
                %s
              </appender>
              <appender name="RECORDER" class="org.sentry4j.logback.RecordingAppender">
                <appender-ref ref="SENTRY"/>
              </appender>
              <appender name="ASYNC" class="ch.qos.logback.classic.AsyncAppender">
                <queueSize>1024</queueSize>
                <appender-ref ref="RECORDER"/>
              </appender>
              %s
              <root level="%s">
                <appender-ref ref="ASYNC"/>
              </root>
            </configuration>
            """;
    private TestReceiver receiver;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
    }

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    private SentryOptions.Builder appOptions() {
        return SentryOptions.builder().dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                .sendClientReports(false);
    }

    private static RecordingAppender recorder(LoggerContext context) {
        AsyncAppender async = (AsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC");
        return (RecordingAppender) async.getAppender("RECORDER");
    }

    @Test
    void aBeforeSendThatLogsAtErrorBehindAsyncMakesExactlyOneEvent() throws InterruptedException {
        AtomicReference<Logger> shop = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        Sentry.init(appOptions().beforeSend((event, hint) -> {
            calls.incrementAndGet();
            shop.get().error("logged from beforeSend", new IllegalStateException("inside"));
            return event;
        }).build());
        try (LogbackFixture logback = LogbackFixture.configure(receiver.dsn(), CONFIG.formatted("", "", "INFO"))) {
            shop.set(logback.logger("com.shop.Checkout"));

            shop.get().error("boom");

            JsonObject event = receiver.awaitEnvelopes(1, WAIT).get(0).event();
            EventSchema.assertValid(event);
            assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("boom");
            // The callback's log went through the queue and the Sentry appender (on the SDK worker's name).
            ILoggingEvent fromCallback = recorder(logback.context)
                    .await(e -> e.getFormattedMessage().equals("logged from beforeSend"), 1, WAIT).get(0);
            assertThat(fromCallback.getThreadName()).isEqualTo("sentry4j-worker");
            assertThat(Sentry.flush(WAIT)).isTrue();
            assertThat(receiver.events().size()).isEqualTo(1);
            assertThat(Sentry.transportStats().queued()).isZero();
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void aMarkedRecordLeftInTheQueueAfterTheCallbackWentAwayIsNoEventAndNoTag() throws InterruptedException {
        try (LogbackFixture logback = LogbackFixture.configure(receiver.dsn(), CONFIG.formatted("", "", "INFO"))) {
            Logger shop = logback.logger("com.shop.Checkout");
            // As a log made inside a beforeBreadcrumb that a new Sentry.init has since removed.
            logback.context.getMDCAdapter().put(CallbackGuard.RECORD_MARK, "true");
            shop.error("logged inside a callback");
            logback.context.getMDCAdapter().remove(CallbackGuard.RECORD_MARK);
            shop.error("plain");
            recorder(logback.context).await(e -> e.getFormattedMessage().equals("plain"), 1, WAIT);

            assertThat(Sentry.flush(WAIT)).isTrue();
            assertThat(receiver.events()).extracting(e -> e.getAsJsonObject("logentry").get("formatted").getAsString())
                    .containsExactly("plain");
            assertThat(receiver.events().get(0).has("tags")
                    && receiver.events().get(0).getAsJsonObject("tags").has(CallbackGuard.RECORD_MARK)).isFalse();
        }
    }

    @Test
    void aBeforeBreadcrumbThatLogsBehindAsyncAddsNoBreadcrumbs() throws InterruptedException {
        AtomicReference<Logger> shop = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        Sentry.init(appOptions().beforeBreadcrumb((crumb, hint) -> {
            calls.incrementAndGet();
            shop.get().info("logged from beforeBreadcrumb");
            return crumb;
        }).build());
        try (LogbackFixture logback = LogbackFixture.configure(receiver.dsn(), CONFIG.formatted("", "", "INFO"))) {
            shop.set(logback.logger("com.shop.Checkout"));
            RecordingAppender recorder = recorder(logback.context);

            shop.get().info("step 1");
            shop.get().info("step 2");
            shop.get().info("step 3");
            shop.get().error("boom 1");

            JsonObject first = receiver.awaitEnvelopes(1, WAIT).get(0).event();
            EventSchema.assertValid(first);
            assertThat(crumbMessages(first)).containsExactly("step 1", "step 2", "step 3");
            // The callback ran for the three steps and for "boom 1" kept as a breadcrumb; its four logs,
            // made on Logback's worker thread, have come back through the queue and the Sentry appender.
            List<ILoggingEvent> fromCallback = recorder.await(
                    e -> e.getFormattedMessage().equals("logged from beforeBreadcrumb"), 4, WAIT);

            shop.get().error("boom 2");

            JsonObject second = receiver.awaitEnvelopes(2, WAIT).get(1).event();
            EventSchema.assertValid(second);
            assertThat(crumbMessages(second)).containsExactly("step 1", "step 2", "step 3", "boom 1");
            assertThat(second.has("tags") && second.getAsJsonObject("tags").has(CallbackGuard.RECORD_MARK))
                    .as("the mark stays off the application's records").isFalse();
            recorder.await(e -> e.getFormattedMessage().equals("logged from beforeBreadcrumb"), 5, WAIT);
            assertThat(Sentry.flush(WAIT)).isTrue();
            assertThat(receiver.events().size()).isEqualTo(2);
            assertThat(calls).hasValue(5);
            assertThat(fromCallback).as("what told the appender they came from the callback").allSatisfy(
                    e -> assertThat(e.getMDCPropertyMap()).containsKey(CallbackGuard.RECORD_MARK));
        }
    }

    private static List<String> crumbMessages(JsonObject event) {
        List<String> messages = new ArrayList<>();
        if (event.has("breadcrumbs")) {
            for (JsonElement crumb : event.getAsJsonObject("breadcrumbs").getAsJsonArray("values")) {
                messages.add(crumb.getAsJsonObject().get("message").getAsString());
            }
        }
        return messages;
    }
}
