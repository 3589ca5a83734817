package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.LoggingEventVO;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Hint;
import org.sentry4j.Sentry;
import org.sentry4j.internal.SdkThread;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Never hurting the application: recursion, async appenders, remote events, hints for the callbacks. */
class RobustnessTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TestReceiver receiver;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
    }

    @AfterEach
    void stop() {
        MDC.clear();
        Sentry.close();
        receiver.close();
    }

    @Test
    void anErrorTheSampleRateDropsIsNotCopiedOnTheLoggingThread() {
        AtomicInteger renders = new AtomicInteger();
        Object order = new Object() {
            @Override
            public String toString() { // rendered when the appender copies the record (its formatted message)
                renders.incrementAndGet();
                return "order A-7";
            }
        };
        String noBreadcrumbs = "<minimumBreadcrumbLevel>OFF</minimumBreadcrumbLevel>";
        try (LogbackFixture logback = LogbackFixture.configure(receiver.dsn(),
                Configs.sentry("<sampleRate>0.0</sampleRate>" + noBreadcrumbs))) {
            logback.logger("shop").error("{} failed", order);
            assertThat(renders).as("sampled out before the record was copied").hasValue(0);
            assertThat(Sentry.flush(WAIT)).isTrue();
            assertThat(receiver.events()).isEmpty();
        }
        Sentry.close();
        try (LogbackFixture logback = LogbackFixture.configure(receiver.dsn(),
                Configs.sentry("<sampleRate>1.0</sampleRate>" + noBreadcrumbs))) {
            logback.logger("shop").error("{} failed", order);
            assertThat(renders.get()).as("kept, so copied").isPositive();
            JsonObject event = receiver.awaitEnvelopes(1, WAIT).get(0).event();
            assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("order A-7 failed");
        }
    }

    @Test
    void aFilterOrAnArgumentThatLogsDoesNotMakeTheAppenderRecurse() {
        try (LogbackFixture logback = LogbackFixture.configure(receiver.dsn(),
                Configs.sentry("<filter class=\"org.sentry4j.logback.LoggingFilter\"/>"))) {
            LoggingFilter.deepest = 0;
            ch.qos.logback.classic.Logger log = logback.logger("shop");
            log.info("filtered");
            assertThat(LoggingFilter.deepest).as("the filter's own log does not reach the filter again").isEqualTo(1);

            int[] renders = new int[1];
            Object selfLogging = new Object() {
                @Override
                public String toString() {
                    if (++renders[0] < 50) {
                        log.error("rendering {}", this);
                    }
                    return "order A-7";
                }
            };
            log.error("failed: {}", selfLogging);
            assertThat(renders[0]).as("an argument that logs is not rendered through the appender again").isLessThan(50);
            assertThat(Sentry.flush(WAIT)).isTrue();
            assertThat(receiver.envelopes()).isNotEmpty();
        }
    }

    @Test
    void httpClientDebugLogsAndLogsFromBeforeSendAreNotCaptured() {
        // HttpClient logs through SLF4J, i.e. into the global context: configure that one, as an app would.
        LoggerContext global = (LoggerContext) LoggerFactory.getILoggerFactory();
        global.reset();
        global.putProperty("SENTRY_DSN", receiver.dsn());
        org.slf4j.Logger callbackLog = LoggerFactory.getLogger("com.shop.Callbacks");
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                .sendClientReports(false)
                .beforeSend((event, hint) -> {
                    callbackLog.error("beforeSend saw {}", event.getEventId());
                    return event;
                })
                .beforeBreadcrumb((crumb, hint) -> {
                    callbackLog.error("beforeBreadcrumb saw {}", crumb.message());
                    return crumb;
                }));
        try {
            LogbackFixture.load(global, """
                    <configuration>
                      <appender name="SENTRY" class="org.sentry4j.logback.SentryAppender">
                        <dsn>${SENTRY_DSN}</dsn>
                        <minimumEventLevel>DEBUG</minimumEventLevel>
                        <minimumBreadcrumbLevel>DEBUG</minimumBreadcrumbLevel>
                      </appender>
                      <appender name="ALL" class="org.sentry4j.logback.ThreadNamesAppender"/>
                      <root level="TRACE">
                        <appender-ref ref="SENTRY"/>
                        <appender-ref ref="ALL"/>
                      </root>
                    </configuration>
                    """);

            global.getLogger("com.shop.Checkout").error("the one event");

            receiver.awaitEnvelopes(1, WAIT);
            assertThat(Sentry.flush(WAIT)).isTrue();
            assertThat(receiver.events()).hasSize(1);
            assertThat(receiver.events().get(0).getAsJsonObject("logentry").get("formatted").getAsString())
                    .isEqualTo("the one event");

            // Sending that event logged nothing into the application's logging: no breadcrumb came of it.
            global.getLogger("com.shop.Checkout").error("a second event");
            receiver.awaitEnvelopes(2, WAIT);
            assertThat(Sentry.flush(WAIT)).isTrue();
            assertThat(receiver.events()).hasSize(2);
            JsonObject second = receiver.events().get(1);
            assertThat(second.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("a second event");
            assertThat(second.getAsJsonObject("breadcrumbs").getAsJsonArray("values").asList())
                    .extracting(c -> c.getAsJsonObject().get("message").getAsString())
                    .containsExactly("the one event");
            List<String> all = ((ThreadNamesAppender) global.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    .getAppender("ALL")).threads;
            assertThat(all).as("every record at TRACE, by thread: the worker's are beforeSend's own")
                    .isNotEmpty().noneMatch(t -> SdkThread.isSdkThreadName(t) && !t.equals("sentry4j-worker"));
        } finally {
            global.reset();
            LogbackFixture.load(global, "<configuration><root level=\"OFF\"/></configuration>");
        }
    }

    @Test
    void behindAnAsyncAppenderThreadMdcAndExceptionComeFromTheRecord() throws Exception {
        LogbackFixture logback = LogbackFixture.configure(receiver.dsn(), """
                <configuration>
                  <appender name="SENTRY" class="org.sentry4j.logback.SentryAppender">
                    <dsn>${SENTRY_DSN}</dsn>
                    <defaultIntegrations>false</defaultIntegrations>
                    <sendClientReports>false</sendClientReports>
                  </appender>
                  <appender name="ASYNC" class="ch.qos.logback.classic.AsyncAppender">
                    <appender-ref ref="SENTRY"/>
                  </appender>
                  <root level="INFO">
                    <appender-ref ref="ASYNC"/>
                  </root>
                </configuration>
                """);
        Thread checkout = new Thread(() -> {
            MDC.put("orderId", "o-42");
            try {
                logback.logger("com.shop.Checkout").error("charge failed", new IllegalStateException("declined"));
            } finally {
                MDC.clear();
            }
        }, "checkout-1");
        checkout.start();
        checkout.join();

        JsonObject event = receiver.awaitEnvelopes(1, WAIT).get(0).event();
        logback.close();
        EventSchema.assertValid(event);
        JsonObject thread = event.getAsJsonObject("threads").getAsJsonArray("values").get(0).getAsJsonObject();
        assertThat(thread.get("name").getAsString()).isEqualTo("checkout-1");
        assertThat(thread.has("id")).as("the async worker's id would be wrong; it is left out").isFalse();
        assertThat(event.getAsJsonObject("tags").get("orderId").getAsString()).isEqualTo("o-42");
        JsonObject exception = event.getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject();
        assertThat(exception.get("type").getAsString()).isEqualTo("IllegalStateException");
        assertThat(exception.get("value").getAsString()).isEqualTo("declined");
    }

    @Test
    void anEventWithOnlyAThrowableDescriptionStillHasTheExceptionChain() {
        try (LogbackFixture logback = LogbackFixture.configure(receiver.dsn(),
                Configs.sentry("<inAppInclude>org.sentry4j.logback</inAppInclude>"))) {
            Logger logger = logback.logger("com.shop.Remote");
            RuntimeException thrown = new RuntimeException("remote failure", new IllegalArgumentException("bad id"));
            thrown.addSuppressed(new IllegalStateException("cleanup failed"));
            LoggingEvent original = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "call {} failed",
                    thrown, new Object[] {"billing"});
            // What a SocketAppender / serialization delivers: a description of the throwable, no object.
            ILoggingEvent remote = LoggingEventVO.build(original);

            logger.callAppenders(remote);

            JsonObject event = receiver.awaitEnvelopes(1, WAIT).get(0).event();
            EventSchema.assertValid(event);
            assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("call billing failed");
            JsonArray values = event.getAsJsonObject("exception").getAsJsonArray("values");
            assertThat(values).hasSize(3);
            JsonObject root = values.get(2).getAsJsonObject();
            assertThat(root.get("type").getAsString()).isEqualTo("RuntimeException");
            assertThat(root.get("module").getAsString()).isEqualTo("java.lang");
            assertThat(root.get("value").getAsString()).isEqualTo("remote failure");
            assertThat(root.getAsJsonObject("mechanism").get("type").getAsString()).isEqualTo("logback");
            assertThat(root.getAsJsonObject("mechanism").get("handled").getAsBoolean()).isTrue();
            assertThat(EventMappingTest.inAppModules(root)).contains(RobustnessTest.class.getName());
            List<String> others = List.of(values.get(0).getAsJsonObject().get("value").getAsString(),
                    values.get(1).getAsJsonObject().get("value").getAsString());
            assertThat(others).containsExactlyInAnyOrder("bad id", "cleanup failed");
            assertThat(values.get(0).getAsJsonObject().getAsJsonObject("mechanism").get("parent_id").getAsInt())
                    .isZero();
        }
    }

    @Test
    void beforeSendAndBeforeBreadcrumbGetTheLogbackEventInTheHint() {
        AtomicReference<Hint> sendHint = new AtomicReference<>();
        List<Hint> crumbHints = new CopyOnWriteArrayList<>();
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                .sendClientReports(false)
                .beforeSend((event, hint) -> {
                    sendHint.set(hint);
                    return event;
                })
                .beforeBreadcrumb((crumb, hint) -> {
                    crumbHints.add(hint);
                    return crumb;
                }));
        try (LogbackFixture logback = LogbackFixture.configure(receiver.dsn(), Configs.sentry())) {
            IllegalStateException failure = new IllegalStateException("declined");
            logback.logger("app").info("charging");
            logback.logger("app").error("charge failed", failure);
            receiver.awaitEnvelopes(1, WAIT);

            assertThat(sendHint.get().logRecord()).isInstanceOfSatisfying(ILoggingEvent.class,
                    e -> assertThat(e.getFormattedMessage()).isEqualTo("charge failed"));
            assertThat(sendHint.get().throwable()).isSameAs(failure);
            assertThat(crumbHints).extracting(h -> ((ILoggingEvent) h.logRecord()).getFormattedMessage())
                    .containsExactly("charging", "charge failed");
        }
    }
}
