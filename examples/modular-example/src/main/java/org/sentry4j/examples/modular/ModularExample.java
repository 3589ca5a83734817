package org.sentry4j.examples.modular;

import ch.qos.logback.classic.LoggerContext;
import java.time.Duration;
import org.sentry4j.Sentry;
import org.sentry4j.SentryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends two events from the module path: a warning through {@code Sentry.captureMessage} and an error
 * with an exception through SLF4J and the Logback appender (configured in logback.xml, the DSN from
 * {@code SENTRY_DSN}). The JVM needs {@code --add-modules com.google.gson}: the SDK's jars are
 * automatic modules, which cannot declare that they need Gson, so nothing else puts it in the graph
 * ({@code java.net.http} too, for Spotlight or {@code SentryHttpClient}; the integration test adds both).
 */
public final class ModularExample {
    private static final Logger log = LoggerFactory.getLogger(ModularExample.class);

    private ModularExample() {
    }

    public static void main(String[] args) {
        try {
            log.info("running in module {}", ModularExample.class.getModule().getName());
            Sentry.captureMessage("modular-example: a message through the core API", SentryLevel.WARNING);
            // Waits for its answer, so the log's event goes out on a connection the JDK client has already
            // opened: on a loaded machine a first request may take long enough that close, hurried, would
            // spool the second to disk for the next start instead of sending it.
            Sentry.flush(Duration.ofSeconds(10));
            log.error("modular-example: an error through Logback", new IllegalStateException("from a named module"));
        } finally {
            // Stops the appenders: the Sentry appender delivers what is queued and closes its client.
            ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        }
        System.out.println("modular-example: done, 2 events sent");
    }
}
