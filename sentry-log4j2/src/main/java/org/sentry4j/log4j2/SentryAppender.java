package org.sentry4j.log4j2;

import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.sentry4j.ClientLease;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.logging.LogFrontEnd;

/**
 * Sends Log4j2 events to Sentry: from {@code minimumEventLevel} (default ERROR) as events, from
 * {@code minimumBreadcrumbLevel} (default INFO) as breadcrumbs on the events that follow, and with
 * {@code logsEnabled} from {@code minimumLogLevel} (default INFO) as structured logs (Sentry Logs).
 *
 * <p>It uses the client the application started with {@code Sentry.init}, or else starts one from its
 * attributes, shared with other appenders; the last appender to stop closes a client an appender
 * started. On the logging thread it only checks levels and copies what the event holds; the event is
 * made, filtered and sent on the SDK's threads. Logs made on SDK threads or inside
 * {@code beforeSend}/{@code beforeBreadcrumb} are ignored, so the SDK cannot feed on itself.
 */
@Plugin(name = "Sentry", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class SentryAppender extends AbstractAppender {
    static final String FRAMEWORK = "log4j2";

    private final SentryOptions options;
    private final LogFrontEnd<LogEvent> frontEnd;
    private volatile ClientLease lease;

    SentryAppender(String name, Filter filter, boolean ignoreExceptions, Property[] properties,
                   SentryOptions options, LogFrontEnd.Builder<LogEvent> frontEnd) {
        super(name, filter, null, ignoreExceptions, properties);
        this.options = options;
        this.frontEnd = frontEnd.status((problem, cause) -> LOGGER.error("Sentry appender '{}' {}", name, problem, cause))
                .build();
    }

    @PluginBuilderFactory
    public static SentryAppenderBuilder newBuilder() {
        return new SentryAppenderBuilder();
    }

    /** The options of the client this appender starts when the application has none; never null. */
    public SentryOptions options() {
        return options;
    }

    @Override
    public void start() {
        synchronized (this) {
            if (lease == null) {
                try {
                    lease = Sentry.acquire(options, "Log4j2", "maven:org.sentry4j:sentry-log4j2");
                } catch (Throwable t) { // NOPMD: an Error too (a version conflict): never out of Log4j2's start
                    // Thrown on, it would fail Log4j2's configuration. Started without a client of its
                    // own, the appender acts as with no DSN (forwards to one Sentry.init starts); left
                    // unstarted, Log4j2 would report an error, or throw, at every log call.
                    LOGGER.error("Sentry appender '{}': {}; the appender starts no client of its own and only"
                            + " forwards to one the application starts with Sentry.init", getName(),
                            t instanceof IllegalStateException ? t.getMessage() : LogFrontEnd.describe(t), t);
                }
            }
        }
        super.start();
    }

    /** Flushes within the SDK's shutdown timeout (whatever Log4j2's) and gives up the client. */
    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        boolean stopped = super.stop(timeout, timeUnit, false);
        ClientLease held;
        synchronized (this) {
            held = lease;
            lease = null;
        }
        if (held != null) {
            try {
                // The SDK's own budget, not Log4j2's stop timeout (LogManager.shutdown() gives 50 ms): what
                // the application logged before stopping is delivered, however short the framework's wait.
                SentryOptions running = Sentry.options();
                held.release((running != null ? running : options).shutdownTimeout());
            } catch (Throwable t) { // NOPMD: Log4j2's shutdown must go on whatever happens here
                LOGGER.error("Sentry appender '{}' failed to stop cleanly: {}", getName(), LogFrontEnd.describe(t), t);
            }
        }
        setStopped();
        return stopped;
    }

    /**
     * Hands the event to the front-end, which decides what it becomes; it drops records the SDK made,
     * judged from the record, since behind {@code <Async>} or an async logger this runs on Log4j2's
     * thread, not the one that logged. Never throws: Log4j2 would pass an Error on to the application.
     */
    @Override
    public void append(LogEvent event) {
        frontEnd.append(event);
    }
}
