package org.sentry4j.benchmarks;

import org.apache.logging.log4j.core.Appender;

/** Builds sentry4j's Log4j2 appender (sentry-log4j2 is not merged yet). */
final class Sentry4jLog4j2 {
    static final boolean AVAILABLE = false;

    private Sentry4jLog4j2() {
    }

    static Appender appender(String name, Framework.Settings settings) {
        throw new UnsupportedOperationException("sentry4j's Log4j2 appender is not on this branch yet");
    }
}
