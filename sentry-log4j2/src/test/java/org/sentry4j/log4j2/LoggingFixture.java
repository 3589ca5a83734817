package org.sentry4j.log4j2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.sentry4j.Sentry;
import org.sentry4j.internal.config.AmbientSettings;
import org.sentry4j.testkit.TestReceiver;

/**
 * A real Log4j2 {@link LoggerContext} started from an XML file (so {@code reconfigure()} re-reads it),
 * a loopback receiver, no ambient Sentry settings, and the StatusLogger's messages; closed after each test.
 */
final class LoggingFixture implements AutoCloseable {
    final TestReceiver receiver = TestReceiver.start();
    final List<StatusData> status = new CopyOnWriteArrayList<>();
    private final StatusListener listener = new StatusListener() {
        @Override
        public void log(StatusData data) {
            status.add(data);
        }

        @Override
        public Level getStatusLevel() {
            return Level.WARN;
        }

        @Override
        public void close() {
        }
    };
    private final Path dir;
    private Path file;
    private LoggerContext context;

    LoggingFixture(Path dir) {
        this.dir = dir;
        AmbientSettings.overrideForTesting(Map.of());
        StatusLogger.getLogger().registerListener(listener);
    }

    /** One {@code <Sentry name="Sentry" …>} appender with the receiver's DSN on the root logger at ALL. */
    static String sentryConfig(String dsn, String attributes) {
        return """
                <Configuration status="warn">
                  <Appenders>
                    <Sentry name="Sentry" dsn="%s" defaultIntegrations="false" %s/>
                  </Appenders>
                  <Loggers><Root level="all"><AppenderRef ref="Sentry"/></Root></Loggers>
                </Configuration>
                """.formatted(dsn, attributes);
    }

    String config(String attributes) {
        return sentryConfig(receiver.dsn(), attributes);
    }

    /** Starts a fresh context from {@code xml}. */
    LoggerContext start(String xml) {
        write(xml);
        context = new LoggerContext("test-" + System.nanoTime(), null, file.toUri());
        context.start();
        return context;
    }

    /** Writes new XML and lets the running context reload it, as Log4j2's monitorInterval would. */
    void reconfigure(String xml) {
        write(xml);
        context.reconfigure();
    }

    private void write(String xml) {
        try {
            if (file == null) {
                file = Files.createTempFile(dir, "log4j2-", ".xml");
            }
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LoggerContext context() {
        return context;
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    SentryAppender appender() {
        return context.getConfiguration().getAppender("Sentry");
    }

    /** Status messages at WARN or more severe that mention {@code text}. */
    List<String> statusMessages(String text) {
        return status.stream().map(d -> d.getLevel() + " " + d.getMessage().getFormattedMessage())
                .filter(m -> m.contains(text)).toList();
    }

    void stopContext() {
        if (context != null) {
            context.stop(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        stopContext();
        Sentry.close();
        StatusLogger.getLogger().removeListener(listener);
        AmbientSettings.overrideForTesting(null);
        receiver.close();
    }
}
