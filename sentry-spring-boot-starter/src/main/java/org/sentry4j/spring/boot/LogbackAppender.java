package org.sentry4j.spring.boot;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.AppenderAttachable;
import java.util.Iterator;
import org.sentry4j.logback.SentryAppender;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** The Sentry appender on Logback's root logger, unless the configuration has one on any logger already. */
final class LogbackAppender {
    static final String NAME = "SENTRY4J_SPRING_BOOT";

    private LogbackAppender() {
    }

    static void ensure(SentrySettings.Logging logging, boolean debug) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            Say.debug(debug, "SLF4J is bound to " + factory.getClass().getName() + ", not Logback: no Sentry appender added");
            return;
        }
        LoggerContext context = (LoggerContext) factory;
        for (Logger logger : context.getLoggerList()) {
            if (hasSentryAppender(logger.iteratorForAppenders())) {
                Say.debug(debug, "the Logback configuration has a Sentry appender (on logger " + logger.getName()
                        + "): none added");
                return;
            }
        }
        SentryAppender appender = new SentryAppender();
        appender.setContext(context);
        appender.setName(NAME);
        if (logging.minimumEventLevel != null) {
            appender.setMinimumEventLevel(logging.minimumEventLevel);
        }
        if (logging.minimumBreadcrumbLevel != null) {
            appender.setMinimumBreadcrumbLevel(logging.minimumBreadcrumbLevel);
        }
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        Say.debug(debug, "the Sentry appender is on Logback's root logger");
    }

    /** Looks inside appenders that hold others too (an AsyncAppender). */
    private static boolean hasSentryAppender(Iterator<Appender<ILoggingEvent>> appenders) {
        while (appenders.hasNext()) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (appender instanceof SentryAppender) {
                return true;
            }
            if (appender instanceof AppenderAttachable) {
                @SuppressWarnings("unchecked")
                AppenderAttachable<ILoggingEvent> holder = (AppenderAttachable<ILoggingEvent>) appender;
                if (hasSentryAppender(holder.iteratorForAppenders())) {
                    return true;
                }
            }
        }
        return false;
    }
}
