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

/**
 * HttpClient 5 logs through SLF4J; with Log4j2's SLF4J binding its DEBUG logs reach Log4j2 — and the
 * Sentry appender — on the SDK's own sender thread. They must not become events (nor loop).
 */
class HttpClientLogsTest {
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
    void httpClientDebugLogsRoutedToTheAppenderAreNotCaptured(@TempDir Path dir) throws IOException {
        LoggingFixture fixture = new LoggingFixture(dir);
        // SLF4J's Log4j2 binding logs into the default context, so this test configures that one.
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
                        <Logger name="org.apache.hc" level="debug"/>
                        <Root level="warn"><AppenderRef ref="Sentry"/></Root>
                      </Loggers>
                    </Configuration>
                    """.formatted(fixture.receiver.dsn()), StandardCharsets.UTF_8);
            global.setConfigLocation(config.toUri());
            ThreadNames recorder = new ThreadNames();
            recorder.start();
            LoggerConfig hc = global.getConfiguration().getLoggerConfig("org.apache.hc");
            hc.addAppender(recorder, null, null);
            global.updateLoggers();

            LogManager.getLogger("com.shop.Checkout").error("the one event");

            fixture.receiver.awaitEnvelopes(1, WAIT);
            assertThat(Sentry.flush(WAIT)).isTrue();
            assertThat(fixture.receiver.events()).hasSize(1);
            assertThat(fixture.receiver.events().get(0).getAsJsonObject("logentry").get("formatted").getAsString())
                    .isEqualTo("the one event");
            assertThat(recorder.threads)
                    .as("HttpClient really logged at DEBUG, on the SDK's sender thread, into the same appenders")
                    .contains("sentry4j-sender");

            // Nor did those logs become breadcrumbs: a second event carries none from org.apache.hc.
            LogManager.getLogger("com.shop.Checkout").error("the second event");
            fixture.receiver.awaitEnvelopes(2, WAIT);
            assertThat(Sentry.flush(WAIT)).isTrue();
            assertThat(fixture.receiver.events()).hasSize(2);
            var second = fixture.receiver.events().get(1);
            String crumbs = second.has("breadcrumbs") ? second.get("breadcrumbs").toString() : "";
            assertThat(crumbs).doesNotContain("org.apache.hc");
        } finally {
            global.setConfigLocation(quiet.toUri());
            fixture.close();
        }
    }
}
