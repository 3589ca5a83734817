package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.CallbackGuard;
import org.sentry4j.testkit.EventSchema;

/**
 * Recursion safety behind {@code <Async>}: the Sentry appender runs on Log4j2's async thread, so logs
 * the SDK made (on its threads, inside its callbacks) must be recognised from the event itself. A
 * {@link RecordingAppender} referenced after the Sentry appender by the same {@code <Async>} shows when
 * an event has been through it. Mirrors sentry-logback's AsyncRecursionTest.
 */
class AsyncRecursionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CONFIG = """
            <Configuration status="warn">
              <Appenders>
                <Sentry name="Sentry" dsn="%s" defaultIntegrations="false" sendClientReports="false" %s/>
                <Recording name="Recorder"/>
                <Async name="Async">
                  <AppenderRef ref="Sentry"/>
                  <AppenderRef ref="Recorder"/>
                </Async>
              </Appenders>
              <Loggers>
                %s
                <Root level="info"><AppenderRef ref="Async"/></Root>
              </Loggers>
            </Configuration>
            """;
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

    private SentryOptions.Builder appOptions() {
        return SentryOptions.builder().dsn(fixture.receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                .sendClientReports(false);
    }

    private static RecordingAppender recorder(LoggerContext context) {
        return context.getConfiguration().getAppender("Recorder");
    }

    private static boolean says(LogEvent event, String message) {
        return event.getMessage().getFormattedMessage().equals(message);
    }

    @Test
    void aBeforeSendThatLogsAtErrorBehindAsyncMakesExactlyOneEvent() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Sentry.init(appOptions().beforeSend((event, hint) -> {
            calls.incrementAndGet();
            fixture.logger("com.shop.Checkout").error("logged from beforeSend", new IllegalStateException("inside"));
            return event;
        }).build());
        LoggerContext context = fixture.start(CONFIG.formatted(fixture.receiver.dsn(), "", ""));

        fixture.logger("com.shop.Checkout").error("boom");

        JsonObject event = fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(event);
        assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("boom");
        // The callback's log went through the queue and the Sentry appender (on the SDK worker's name).
        LogEvent fromCallback = recorder(context).await(e -> says(e, "logged from beforeSend"), 1, WAIT).get(0);
        assertThat(fromCallback.getThreadName()).isEqualTo("sentry4j-worker");
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(fixture.receiver.events().size()).isEqualTo(1);
        assertThat(Sentry.transportStats().queued()).isZero();
        assertThat(calls).hasValue(1);
    }

    @Test
    void aMarkedRecordLeftInTheQueueAfterTheCallbackWentAwayIsNoEventAndNoTag() throws InterruptedException {
        LoggerContext context = fixture.start(CONFIG.formatted(fixture.receiver.dsn(), "", ""));
        // As a log made inside a beforeBreadcrumb that a new Sentry.init has since removed.
        ThreadContext.put(CallbackGuard.RECORD_MARK, "true");
        fixture.logger("com.shop.Checkout").error("logged inside a callback");
        ThreadContext.remove(CallbackGuard.RECORD_MARK);
        fixture.logger("com.shop.Checkout").error("plain");
        recorder(context).await(e -> says(e, "plain"), 1, WAIT);

        assertThat(Sentry.flush(WAIT)).isTrue();
        List<JsonObject> events = fixture.receiver.events();
        assertThat(events).extracting(e -> e.getAsJsonObject("logentry").get("formatted").getAsString())
                .containsExactly("plain");
        assertThat(events.get(0).has("tags") && events.get(0).getAsJsonObject("tags").has(CallbackGuard.RECORD_MARK))
                .isFalse();
    }

    @Test
    void aBeforeBreadcrumbThatLogsBehindAsyncAddsNoBreadcrumbs() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Sentry.init(appOptions().beforeBreadcrumb((crumb, hint) -> {
            calls.incrementAndGet();
            fixture.logger("com.shop.Checkout").info("logged from beforeBreadcrumb");
            return crumb;
        }).build());
        LoggerContext context = fixture.start(CONFIG.formatted(fixture.receiver.dsn(), "", ""));
        Logger shop = fixture.logger("com.shop.Checkout");
        RecordingAppender recorder = recorder(context);

        shop.info("step 1");
        shop.info("step 2");
        shop.info("step 3");
        shop.error("boom 1");

        JsonObject first = fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(first);
        assertThat(crumbMessages(first)).containsExactly("step 1", "step 2", "step 3");
        // The callback ran for the three steps and for "boom 1" kept as a breadcrumb; its four logs, made
        // on Log4j2's async thread, have come back through the queue and the Sentry appender.
        List<LogEvent> fromCallback = recorder.await(e -> says(e, "logged from beforeBreadcrumb"), 4, WAIT);

        shop.error("boom 2");

        JsonObject second = fixture.receiver.awaitEnvelopes(2, WAIT).get(1).event();
        EventSchema.assertValid(second);
        assertThat(crumbMessages(second)).containsExactly("step 1", "step 2", "step 3", "boom 1");
        assertThat(second.has("tags") && second.getAsJsonObject("tags").has(CallbackGuard.RECORD_MARK))
                .as("the mark stays off the application's records").isFalse();
        recorder.await(e -> says(e, "logged from beforeBreadcrumb"), 5, WAIT);
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(fixture.receiver.events().size()).isEqualTo(2);
        assertThat(calls).hasValue(5);
        assertThat(fromCallback).as("what told the appender they came from the callback").allSatisfy(
                e -> assertThat(e.getContextData().containsKey(CallbackGuard.RECORD_MARK)).isTrue());
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
