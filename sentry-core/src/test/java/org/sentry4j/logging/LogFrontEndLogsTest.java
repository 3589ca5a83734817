package org.sentry4j.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.testkit.LogItemShape.attribute;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.SentryLogLevel;
import org.sentry4j.SentryOptions;
import org.sentry4j.logging.LogFrontEnd.Captured;
import org.sentry4j.logging.LogFrontEndTest.TestEvent;
import org.sentry4j.logging.LogFrontEndTest.TestReader;
import org.sentry4j.testkit.InMemoryTransport;

/** The structured-log branch of every front-end: the running client's logsEnabled and minimumLogLevel. */
class LogFrontEndLogsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final InMemoryTransport transport = new InMemoryTransport();
    private final TestReader reader = new TestReader();

    @AfterEach
    void close() {
        Sentry.close();
    }

    private void init(Consumer<SentryOptions.Builder> more) {
        Sentry.init(o -> {
            o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                    .transportFactory(opts -> transport);
            more.accept(o);
        });
    }


    @Test
    void theLogLevelsAreTheScalesLevelsInTheSameOrder() {
        for (LogLevel level : LogLevel.values()) {
            assertThat(level.logLevel().name()).isEqualTo(level.name());
            assertThat(level.logLevel().ordinal()).isEqualTo(level.ordinal());
        }
        assertThat(SentryLogLevel.values()).hasSameSizeAs(LogLevel.values());
    }

    @Test
    void fromMinimumLogLevelARecordBecomesALogApartFromTheOtherThresholds() {
        init(o -> o.logsEnabled(true).minimumLogLevel(SentryLogLevel.DEBUG));
        LogFrontEnd<TestEvent> frontEnd = LogFrontEnd.builder("test", reader).minimumEventLevel(null)
                .minimumBreadcrumbLevel(null).build();

        assertThat(frontEnd.isLoggable(LogLevel.TRACE)).isFalse();
        assertThat(frontEnd.isLoggable(LogLevel.DEBUG)).isTrue();
        assertThat(frontEnd.append(TestEvent.of(LogLevel.TRACE, "entering"))).isSameAs(Captured.NOTHING);
        Captured debug = frontEnd.append(TestEvent.of(LogLevel.DEBUG, "cache miss"));
        assertThat(debug.log()).isTrue();
        assertThat(debug.event()).isFalse();
        assertThat(debug.breadcrumb()).isFalse();
        assertThat(debug).hasToString("log");

        assertThat(Sentry.flush(WAIT)).isTrue();
        List<JsonObject> logs = transport.logs();
        assertThat(logs).hasSize(1);
        assertThat(logs.get(0).get("body").getAsString()).isEqualTo("cache miss");
        assertThat(logs.get(0).get("level").getAsString()).isEqualTo("debug");
        assertThat(attribute(logs.get(0), "sentry.origin")).isEqualTo("auto.log.test");
        assertThat(attribute(logs.get(0), "logger.name")).isEqualTo("shop.Checkout");
        assertThat(transport.events()).isEmpty();
    }

    @Test
    void anEventAndItsLogShareOneCopyOfTheRecord() {
        init(o -> o.logsEnabled(true));
        LogFrontEnd<TestEvent> frontEnd = LogFrontEnd.builder("test", reader).build();

        Captured error = frontEnd.append(TestEvent.of(LogLevel.ERROR, "payment failed"));

        assertThat(error.event()).isTrue();
        assertThat(error.breadcrumb()).isTrue();
        assertThat(error.log()).isTrue();
        assertThat(error).hasToString("event and breadcrumb and log");
        assertThat(reader.snapshots).hasValue(1);
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(transport.logs()).extracting(l -> l.get("body").getAsString()).containsExactly("payment failed");
        assertThat(transport.events()).hasSize(1);
    }

    @Test
    void withLogsOffTheLogThresholdTakesNothing() {
        init(o -> o.minimumLogLevel(SentryLogLevel.TRACE));
        LogFrontEnd<TestEvent> frontEnd = LogFrontEnd.builder("test", reader).build();

        assertThat(frontEnd.isLoggable(LogLevel.DEBUG)).isFalse();
        assertThat(frontEnd.append(TestEvent.of(LogLevel.INFO, "cart opened"))).isSameAs(Captured.BREADCRUMB);
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(transport.logs()).isEmpty();
    }

    @Test
    void aRecordTheSdkMadeBecomesNoLog() {
        init(o -> o.logsEnabled(true));
        LogFrontEnd<TestEvent> frontEnd = LogFrontEnd.builder("test", reader).build();

        TestEvent fromWorker = new TestEvent(LogLevel.INFO, "sentry4j-worker", "made by the SDK", null,
                java.util.Map.of());
        assertThat(frontEnd.append(fromWorker)).isSameAs(Captured.NOTHING);
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(transport.logs()).isEmpty();
    }
}
