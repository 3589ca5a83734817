package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.internal.SdkThread;

/**
 * Sending logs nothing into the application's logging: with every logger at ALL, no record is made on
 * an SDK thread (the JDK's HTTP client logs through nothing the application configured), so none can
 * become a breadcrumb, an event or a loop.
 */
class SendingLogsNothingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Records the thread each log arrived on. */
    static final class ThreadNames extends AbstractAppender {
        final List<String> threads = new CopyOnWriteArrayList<>();

        ThreadNames() {
            super("ThreadNames", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            threads.add(event.getThreadName());
        }
    }

    @Test
    void deliveringEventsMakesNoLogRecord(@TempDir Path dir) throws IOException {
        LoggingFixture fixture = new LoggingFixture(dir);
        // LogManager.getLogger logs into the default context, so this test configures that one.
        LoggerContext global = (LoggerContext) LogManager.getContext(false);
        Path config = dir.resolve("global.xml");
        Path quiet = dir.resolve("quiet.xml");
        Files.writeString(quiet, "<Configuration status=\"warn\"><Loggers><Root level=\"off\"/></Loggers></Configuration>",
                StandardCharsets.UTF_8);
        try {
            Files.writeString(config, """
                    <Configuration status="warn">
                      <Appenders>
                        <Sentry name="Sentry" dsn="%s" defaultIntegrations="false" sendClientReports="false"
                                minimumEventLevel="DEBUG" minimumBreadcrumbLevel="DEBUG"/>
                      </Appenders>
                      <Loggers>
                        <Root level="all"><AppenderRef ref="Sentry"/></Root>
                      </Loggers>
                    </Configuration>
                    """.formatted(fixture.receiver.dsn()), StandardCharsets.UTF_8);
            global.setConfigLocation(config.toUri());
            ThreadNames recorder = new ThreadNames();
            recorder.start();
            LoggerConfig root = global.getConfiguration().getRootLogger();
            root.addAppender(recorder, null, null);
            global.updateLoggers();

            LogManager.getLogger("com.shop.Checkout").error("the one event");

            fixture.receiver.awaitEnvelopes(1, WAIT);
            assertThat(Sentry.flush(WAIT)).isTrue();
            assertThat(fixture.receiver.events()).hasSize(1);
            assertThat(fixture.receiver.events().get(0).getAsJsonObject("logentry").get("formatted").getAsString())
                    .isEqualTo("the one event");

            LogManager.getLogger("com.shop.Checkout").error("the second event");
            fixture.receiver.awaitEnvelopes(2, WAIT);
            assertThat(Sentry.flush(WAIT)).isTrue();
            assertThat(fixture.receiver.events()).hasSize(2);
            assertThat(recorder.threads).as("every record, by thread").isNotEmpty()
                    .noneMatch(SdkThread::isSdkThreadName);
            var second = fixture.receiver.events().get(1);
            assertThat(second.get("breadcrumbs").toString()).contains("the one event").doesNotContain("sentry4j");
        } finally {
            global.setConfigLocation(quiet.toUri());
            fixture.close();
        }
    }
}
