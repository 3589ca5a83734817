package org.sentry4j.spring.boot;

import org.springframework.boot.logging.LoggingSystem;

/**
 * Finds the logging framework Spring Boot runs (its {@link LoggingSystem}) and has the Sentry appender
 * added there. Each framework's code is in its own class, loaded only when that framework runs, so an
 * application without Log4j2 (or Logback) never loads a class naming it.
 */
final class LoggingFrameworks {
    private static final String LOGBACK_SYSTEM = "org.springframework.boot.logging.logback.LogbackLoggingSystem";
    private static final String LOG4J2_SYSTEM = "org.springframework.boot.logging.log4j2.Log4J2LoggingSystem";

    private LoggingFrameworks() {
    }

    static void addAppender(SentrySettings.Logging logging, ClassLoader classLoader, boolean debug) {
        LoggingSystem system = LoggingSystem.get(classLoader);
        if (is(system, LOGBACK_SYSTEM)) {
            LogbackAppender.ensure(logging, debug);
        } else if (is(system, LOG4J2_SYSTEM)) {
            Log4j2Appender.ensure(logging, debug);
        } else {
            Say.debug(debug, "Spring Boot's logging system is " + system.getClass().getName()
                    + ": no Sentry appender added (Logback and Log4j2 have one)");
        }
    }

    /** Whether {@code system} is, or extends, the class named {@code className} (never loading it). */
    private static boolean is(LoggingSystem system, String className) {
        for (Class<?> c = system.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
