package org.sentry4j.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.MDC;

/** A fresh Logback context configured from an XML text, as an application's logback.xml would. */
final class LogbackFixture implements AutoCloseable {
    final LoggerContext context;

    private LogbackFixture(LoggerContext context) {
        this.context = context;
    }

    /** A new context with {@code SENTRY_DSN} set to {@code dsn} (when not null), configured from {@code xml}. */
    static LogbackFixture configure(String dsn, String xml) {
        LoggerContext context = new LoggerContext();
        context.setName("test-" + System.nanoTime());
        // As the SLF4J provider does for the global context, so MDC.put in tests reaches this context.
        context.setMDCAdapter(MDC.getMDCAdapter());
        if (dsn != null) {
            context.putProperty("SENTRY_DSN", dsn);
        }
        LogbackFixture fixture = new LogbackFixture(context);
        fixture.load(xml);
        return fixture;
    }

    /** Configures an existing context (the global one, or this one again after a reset). */
    static void load(LoggerContext context, String xml) {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (JoranException e) {
            throw new AssertionError(e);
        }
    }

    void load(String xml) {
        load(context, xml);
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    SentryAppender appender(String name) {
        return (SentryAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(name);
    }

    /** Status messages at {@code level} ({@link Status#WARN}, {@link Status#ERROR}) mentioning "Sentry appender". */
    static List<String> sentryStatuses(LoggerContext context, int level) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == level && s.getMessage().contains("Sentry appender"))
                .map(Status::getMessage)
                .collect(Collectors.toList());
    }

    /** What the LIST appender of {@link Configs} received. */
    @SuppressWarnings("unchecked")
    List<ILoggingEvent> listed() {
        return ((ListAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("LIST")).list;
    }

    List<String> sentryStatuses(int level) {
        return sentryStatuses(context, level);
    }

    @Override
    public void close() {
        context.stop();
    }
}
