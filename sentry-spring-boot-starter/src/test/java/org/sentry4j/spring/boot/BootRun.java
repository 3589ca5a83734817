package org.sentry4j.spring.boot;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sentry4j.logback.SentryAppender;
import org.sentry4j.testkit.TestReceiver;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Spring Boot application in this JVM, started as {@code SpringApplication.run} would with the
 * given command-line properties, reporting to a loopback receiver with its spool in a test folder.
 */
final class BootRun {
    private BootRun() {
    }

    static ConfigurableApplicationContext start(Class<?> app, TestReceiver receiver, Path spool, String... properties) {
        List<String> args = new ArrayList<>();
        args.add("--sentry.dsn=" + receiver.dsn());
        args.add("--sentry.cache-dir=" + spool);
        args.add("--spring.main.banner-mode=off");
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(app).web(WebApplicationType.NONE).run(args.toArray(new String[0]));
    }

    /** The Sentry appenders on any of Logback's loggers (none nested in this module's tests). */
    static List<SentryAppender> logbackSentryAppenders() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<SentryAppender> found = new ArrayList<>();
        for (Logger logger : context.getLoggerList()) {
            logger.iteratorForAppenders().forEachRemaining(appender -> {
                if (appender instanceof SentryAppender) {
                    found.add((SentryAppender) appender);
                }
            });
        }
        return found;
    }
}
