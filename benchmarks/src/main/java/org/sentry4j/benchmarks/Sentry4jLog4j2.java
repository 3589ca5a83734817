package org.sentry4j.benchmarks;

import org.apache.logging.log4j.core.Appender;
import org.sentry4j.log4j2.SentryAppender;

/** Builds sentry4j's Log4j2 appender with the attributes its {@code <Sentry>} element would have. */
final class Sentry4jLog4j2 {
    private Sentry4jLog4j2() {
    }

    static Appender appender(String name, Framework.Settings settings) {
        return SentryAppender.newBuilder()
                .setName(name)
                .setDsn(settings.dsn)
                .setCacheDir(settings.cacheDir)
                .setContextTags(Framework.CONTEXT_TAGS)
                .setMinimumEventLevel("ERROR")
                .setMinimumBreadcrumbLevel("INFO")
                .build();
    }
}
