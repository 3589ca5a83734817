package org.sentry4j.lifecycle;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import org.sentry4j.Sentry;
import org.sentry4j.SentryLevel;
import org.sentry4j.testkit.SlowClientBuild;

/**
 * Run in a child JVM: logs two errors (one with an exception, one message only) through a front-end,
 * then ends as {@code args[0]} says. {@code args[1]} marks this run's events. The SDK's settings come
 * from {@code -Dsentry.*}. With {@code -Dlifecycle.slowClientBuild=<ms>}, the SDK's HTTP client build
 * for an {@code https://} DSN takes that long longer ({@link SlowClientBuild}), as on a cold, busy JVM.
 */
public final class ShortLivedProgram {
    private ShortLivedProgram() {
    }

    /** The ways a program ends, each with the front-end it logs through. */
    public enum Ending {
        LOGBACK_MAIN_RETURNS, LOGBACK_CONTEXT_STOP, LOG4J2_MAIN_RETURNS, LOG4J2_SHUTDOWN, CORE_WITHOUT_CLOSE,
        CORE_CLOSE, EXIT_1_AFTER_LOG, THROWN_OUT_OF_MAIN;

        boolean logback() {
            return this == LOGBACK_MAIN_RETURNS || this == LOGBACK_CONTEXT_STOP || this == EXIT_1_AFTER_LOG
                    || this == THROWN_OUT_OF_MAIN;
        }

        boolean log4j2() {
            return this == LOG4J2_MAIN_RETURNS || this == LOG4J2_SHUTDOWN;
        }
    }

    public static void main(String[] args) throws Exception {
        Ending ending = Ending.valueOf(args[0]);
        String marker = args[1];
        long slowBuild = Long.getLong("lifecycle.slowClientBuild", 0);
        if (slowBuild > 0) {
            SSLContext.setDefault(SlowClientBuild.sslContext(new CountDownLatch(1), new CountDownLatch(1),
                    Duration.ofMillis(slowBuild)));
        }
        IllegalStateException failure = new IllegalStateException("boom " + marker);
        if (ending.logback()) {
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ShortLivedProgram.class);
            log.error("first-" + marker, failure);
            log.error("second-" + marker);
        } else if (ending.log4j2()) {
            org.apache.logging.log4j.Logger log = org.apache.logging.log4j.LogManager.getLogger(ShortLivedProgram.class);
            log.error("first-" + marker, failure);
            log.error("second-" + marker);
        } else {
            Sentry.init(options -> { }); // everything from -Dsentry.*
            Sentry.captureException(new IllegalStateException("first-" + marker));
            Sentry.captureMessage("second-" + marker, SentryLevel.ERROR);
        }
        switch (ending) {
            case LOGBACK_CONTEXT_STOP:
                ((ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory()).stop();
                break;
            case LOG4J2_SHUTDOWN:
                org.apache.logging.log4j.LogManager.shutdown(); // no pause before it
                break;
            case CORE_CLOSE:
                Sentry.close();
                break;
            case EXIT_1_AFTER_LOG:
                System.exit(1);
                break;
            case THROWN_OUT_OF_MAIN:
                throw new IllegalArgumentException("third-" + marker);
            default:
                break; // main returns
        }
    }
}
