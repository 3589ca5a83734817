package org.sentry4j.spring.boot;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.sentry4j.log4j2.SentryAppender;

/** The Sentry appender on Log4j2's root logger, unless the configuration declares one already. */
final class Log4j2Appender {
    static final String NAME = "Sentry4jSpringBoot";

    private Log4j2Appender() {
    }

    static void ensure(SentrySettings.Logging logging, boolean debug) {
        org.apache.logging.log4j.spi.LoggerContext any = LogManager.getContext(false);
        if (!(any instanceof LoggerContext)) {
            Say.debug(debug, "the Log4j2 API runs on " + any.getClass().getName() + ", not log4j-core: no Sentry appender added");
            return;
        }
        LoggerContext context = (LoggerContext) any;
        Configuration configuration = context.getConfiguration();
        for (Appender appender : configuration.getAppenders().values()) {
            if (appender instanceof SentryAppender) {
                Say.debug(debug, "the Log4j2 configuration declares a Sentry appender (" + appender.getName() + "): none added");
                return;
            }
        }
        SentryAppender appender = SentryAppender.newBuilder()
                .setName(NAME)
                .setMinimumEventLevel(logging.minimumEventLevel)
                .setMinimumBreadcrumbLevel(logging.minimumBreadcrumbLevel)
                .build();
        if (appender == null) {
            return; // the builder said why on Log4j2's status logger
        }
        appender.start();
        configuration.addAppender(appender);
        configuration.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
        Say.debug(debug, "the Sentry appender is on Log4j2's root logger");
    }
}
