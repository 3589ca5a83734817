package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.Checkout;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

/**
 * A log event without an exception carries the stack of the logging call, its innermost frame the
 * application's caller (Logback's and the SDK's frames removed), on the thread that logged; behind an
 * {@code AsyncAppender}, the caller data Logback kept, if any.
 */
class CallerStackTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final TestReceiver receiver = TestReceiver.start();
    private LogbackFixture logback;

    @AfterEach
    void stop() {
        if (logback != null) {
            logback.close();
        }
        Sentry.close();
        receiver.close();
    }

    @Test
    void aMessageOnlyErrorCarriesTheStackOfItsLogCall() {
        logback = LogbackFixture.configure(receiver.dsn(), Configs.sentry());

        int line = new Checkout(logback.logger("com.example.shop.Checkout")).slowPayment(3000);

        JsonObject thread = onlyThread(receiver.awaitEnvelopes(1, WAIT).get(0).event());
        assertThat(thread.get("crashed").getAsBoolean()).isTrue();
        assertThat(thread.get("current").getAsBoolean()).isTrue();
        assertThat(thread.get("name").getAsString()).isEqualTo(Thread.currentThread().getName());
        JsonArray frames = thread.getAsJsonObject("stacktrace").getAsJsonArray("frames");
        JsonObject innermost = frames.get(frames.size() - 1).getAsJsonObject();
        assertThat(innermost.get("module").getAsString()).isEqualTo("com.example.shop.Checkout");
        assertThat(innermost.get("function").getAsString()).isEqualTo("slowPayment");
        assertThat(innermost.get("lineno").getAsInt()).isEqualTo(line);
        assertThat(innermost.get("in_app").getAsBoolean()).isTrue();
        assertThat(frames.toString()).doesNotContain("ch.qos.logback").doesNotContain("org.sentry4j.logback.Sentry");
        assertThat(frames.size()).as("the test runner's frames below the caller").isGreaterThan(10);
    }

    @Test
    void withAttachStacktraceOffTheThreadHasNoStack() {
        logback = LogbackFixture.configure(receiver.dsn(), Configs.sentry("<attachStacktrace>false</attachStacktrace>"));

        new Checkout(logback.logger("com.example.shop.Checkout")).slowPayment(3000);

        JsonObject thread = onlyThread(receiver.awaitEnvelopes(1, WAIT).get(0).event());
        assertThat(thread.has("stacktrace")).isFalse();
    }

    @Test
    void behindAnAsyncAppenderTheCallerDataLogbackKeptIsTheStack() {
        logback = LogbackFixture.configure(receiver.dsn(), """
                <configuration>
                  <appender name="SENTRY" class="org.sentry4j.logback.SentryAppender">
                    <dsn>${SENTRY_DSN}</dsn>
                    <defaultIntegrations>false</defaultIntegrations>
                    <sendClientReports>false</sendClientReports>
                  </appender>
                  <appender name="ASYNC" class="ch.qos.logback.classic.AsyncAppender">
                    <includeCallerData>true</includeCallerData>
                    <appender-ref ref="SENTRY"/>
                  </appender>
                  <root level="INFO"><appender-ref ref="ASYNC"/></root>
                </configuration>
                """);

        int line = new Checkout(logback.logger("com.example.shop.Checkout")).slowPayment(3000);

        JsonObject thread = onlyThread(receiver.awaitEnvelopes(1, WAIT).get(0).event());
        assertThat(thread.get("name").getAsString()).isEqualTo(Thread.currentThread().getName());
        JsonArray frames = thread.getAsJsonObject("stacktrace").getAsJsonArray("frames");
        JsonObject innermost = frames.get(frames.size() - 1).getAsJsonObject();
        assertThat(innermost.get("function").getAsString()).isEqualTo("slowPayment");
        assertThat(innermost.get("lineno").getAsInt()).isEqualTo(line);
    }

    private static JsonObject onlyThread(JsonObject event) {
        EventSchema.assertValid(event);
        assertThat(event.has("exception")).isFalse();
        JsonArray threads = event.getAsJsonObject("threads").getAsJsonArray("values");
        assertThat(threads).hasSize(1);
        return threads.get(0).getAsJsonObject();
    }
}
