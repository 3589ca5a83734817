package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.Checkout;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.testkit.EventSchema;

/**
 * A log event without an exception carries the stack of the logging call, its innermost frame the
 * application's caller (Log4j2's and the SDK's frames removed), on the thread that logged; behind
 * {@code <Async>} or an async logger, the location Log4j2 kept ({@code includeLocation="true"}), if any.
 */
class CallerStackTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    LoggingFixture fixture;

    @BeforeEach
    void start() {
        fixture = new LoggingFixture(dir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aMessageOnlyErrorCarriesTheStackOfItsLogCall() {
        fixture.start(fixture.config(""));

        int line = new Checkout(fixture.logger("com.example.shop.Checkout")).slowPayment(3000);

        JsonObject thread = onlyThread(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event());
        assertThat(thread.get("crashed").getAsBoolean()).isTrue();
        assertThat(thread.get("current").getAsBoolean()).isTrue();
        JsonArray frames = thread.getAsJsonObject("stacktrace").getAsJsonArray("frames");
        JsonObject innermost = frames.get(frames.size() - 1).getAsJsonObject();
        assertThat(innermost.get("module").getAsString()).isEqualTo("com.example.shop.Checkout");
        assertThat(innermost.get("function").getAsString()).isEqualTo("slowPayment");
        assertThat(innermost.get("lineno").getAsInt()).isEqualTo(line);
        assertThat(innermost.get("in_app").getAsBoolean()).isTrue();
        assertThat(frames.toString()).doesNotContain("org.apache.logging.log4j").doesNotContain("org.sentry4j.log4j2.Sentry");
        assertThat(frames.size()).as("the test runner's frames below the caller").isGreaterThan(10);
    }

    @Test
    void withAttachStacktraceOffTheThreadHasNoStack() {
        fixture.start(fixture.config("attachStacktrace=\"false\""));

        new Checkout(fixture.logger("com.example.shop.Checkout")).slowPayment(3000);

        assertThat(onlyThread(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event()).has("stacktrace")).isFalse();
    }

    @Test
    void behindAsyncTheLocationLog4j2KeptIsTheStack() {
        fixture.start("""
                <Configuration status="warn">
                  <Appenders>
                    <Sentry name="Sentry" dsn="%s" defaultIntegrations="false"/>
                    <Async name="Async" includeLocation="true"><AppenderRef ref="Sentry"/></Async>
                  </Appenders>
                  <Loggers><Root level="info" includeLocation="true"><AppenderRef ref="Async"/></Root></Loggers>
                </Configuration>
                """.formatted(fixture.receiver.dsn()));

        int line = new Checkout(fixture.logger("com.example.shop.Checkout")).slowPayment(3000);

        JsonObject thread = onlyThread(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event());
        JsonArray frames = thread.getAsJsonObject("stacktrace").getAsJsonArray("frames");
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).getAsJsonObject().get("function").getAsString()).isEqualTo("slowPayment");
        assertThat(frames.get(0).getAsJsonObject().get("lineno").getAsInt()).isEqualTo(line);
    }

    @Test
    void throughAnAsyncLoggerTheLocationLog4j2KeptIsTheStack() {
        fixture.start("""
                <Configuration status="warn">
                  <Appenders>
                    <Sentry name="Sentry" dsn="%s" defaultIntegrations="false"/>
                  </Appenders>
                  <Loggers>
                    <AsyncLogger name="com.example.shop" level="info" includeLocation="true" additivity="false">
                      <AppenderRef ref="Sentry"/>
                    </AsyncLogger>
                    <Root level="off"/>
                  </Loggers>
                </Configuration>
                """.formatted(fixture.receiver.dsn()));

        int line = new Checkout(fixture.logger("com.example.shop.Checkout")).slowPayment(3000);

        JsonObject thread = onlyThread(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event());
        assertThat(thread.get("name").getAsString()).isEqualTo(Thread.currentThread().getName());
        JsonArray frames = thread.getAsJsonObject("stacktrace").getAsJsonArray("frames");
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).getAsJsonObject().get("module").getAsString()).isEqualTo("com.example.shop.Checkout");
        assertThat(frames.get(0).getAsJsonObject().get("lineno").getAsInt()).isEqualTo(line);
    }

    private static JsonObject onlyThread(JsonObject event) {
        EventSchema.assertValid(event);
        assertThat(event.has("exception")).isFalse();
        JsonArray threads = event.getAsJsonObject("threads").getAsJsonArray("values");
        assertThat(threads).hasSize(1);
        return threads.get(0).getAsJsonObject();
    }
}
