package org.sentry4j.jul;

import java.util.Objects;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.sentry4j.ClientLease;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.logging.LogFrontEnd;

/**
 * Sends java.util.logging records to Sentry: from {@code minimumEventLevel} (default SEVERE) as events,
 * from {@code minimumBreadcrumbLevel} (default INFO) as breadcrumbs on the events that follow. SEVERE is
 * Sentry's error, WARNING warning, INFO info, CONFIG and below debug. The thresholds, like a custom level,
 * count by band on the SDK's common scale: SEVERE, WARNING, INFO, CONFIG with FINE (debug), FINER with
 * FINEST (trace) — a threshold of CONFIG takes FINE records too. The handler's own {@code level} is JUL's.
 *
 * <p>Named in {@code logging.properties} ({@code handlers = org.sentry4j.jul.SentryHandler}), it reads
 * its settings from there: {@code org.sentry4j.jul.SentryHandler.dsn}, {@code .minimumEventLevel},
 * {@code .minimumBreadcrumbLevel}, {@code .level}, {@code .filter}, {@code .printfStyle} and every core option under its
 * camel-case name ({@code .release}, {@code .sampleRate}, ...); in code, {@link #builder()} makes one.
 * It uses the client the application started with {@code Sentry.init}, or else starts one from its
 * settings, shared with other handlers and appenders; the last to close closes a client they started.
 *
 * <p>On the logging thread it only checks levels and copies what the record holds; the event is made,
 * filtered and sent on the SDK's threads. It never throws into the logging call: a problem is said
 * once through the handler's {@link ErrorManager}. Records logged on the SDK's threads or inside
 * {@code beforeSend}/{@code beforeBreadcrumb} are ignored, so the SDK cannot feed on itself.
 *
 * <p>With Log4j2's log4j-jul bridge, JUL records are Log4j2's: under its {@code LogManager} they never
 * reach JUL handlers, and behind its {@code Log4jBridgeHandler} this handler leaves to sentry-log4j2
 * (when that is on the class path) the records the bridge handler also receives, so each is reported once.
 */
public final class SentryHandler extends Handler {
    static final String FRAMEWORK = "jul";

    private final SentryOptions options;
    private final LogFrontEnd<LogRecord> frontEnd;
    private ClientLease lease; // guarded by this
    private volatile boolean closed;
    private volatile boolean bridgeSaid;

    /**
     * Configured from the LogManager's properties ({@code org.sentry4j.jul.SentryHandler.*}), as the
     * LogManager creates the handlers {@code logging.properties} names.
     */
    public SentryHandler() {
        this(Settings.fromLogManager(), null);
    }

    /** @param errors the ErrorManager to report to from the start (tests), or null for JUL's default */
    SentryHandler(Settings settings, ErrorManager errors) {
        if (errors != null) {
            setErrorManager(errors);
        }
        this.options = settings.options;
        this.frontEnd = LogFrontEnd.builder(FRAMEWORK, new JulEvents(settings.printfStyle))
                .minimumEventLevel(JulEvents.threshold(settings.eventLevel))
                .minimumBreadcrumbLevel(JulEvents.threshold(settings.breadcrumbLevel))
                .status((problem, cause) -> say(problem, cause, ErrorManager.WRITE_FAILURE))
                .build();
        setLevel(settings.level);
        setFilter(settings.filter);
        StringBuilder problems = new StringBuilder();
        for (String problem : settings.problems) {
            problems.append(problems.length() == 0 ? "" : "; ").append(problem);
        }
        if (!options.isEnabled() && !Sentry.isEnabled()) {
            problems.append(problems.length() == 0 ? "" : "; ").append(Settings.noDsn());
        }
        if (problems.length() > 0) {
            say(problems.toString(), null, ErrorManager.GENERIC_FAILURE);
        }
        try {
            lease = Sentry.acquire(options, "JUL", "maven:org.sentry4j:sentry-jul");
        } catch (Throwable t) { // NOPMD: an Error too (a version conflict): never out of the LogManager's setup
            say((t instanceof IllegalStateException ? t.getMessage() : LogFrontEnd.describe(t))
                    + "; the handler starts no Sentry client of its own and only forwards to one the application"
                    + " starts with Sentry.init", t, ErrorManager.OPEN_FAILURE);
        }
    }

    /** A handler configured in code. */
    public static Builder builder() {
        return new Builder();
    }

    /** The options of the client this handler starts when the application has none; never null. */
    public SentryOptions options() {
        return options;
    }

    /** The records' {@code sentry.origin}: {@code auto.log.jul}. */
    String origin() {
        return frontEnd.origin();
    }

    /**
     * Hands the record to the front-end, which decides what it becomes, after JUL's own checks (this
     * handler's level and filter) and the bridge's. Never throws into the logging call.
     */
    @Override
    public void publish(LogRecord record) {
        try {
            if (record == null || closed || !frontEnd.isLoggable(JulEvents.level(record.getLevel().intValue()))
                    || !isLoggable(record) || bridged(record)) {
                return;
            }
            frontEnd.append(record);
        } catch (Throwable t) { // NOPMD: an Error too (a filter's): the application's logging call must go on
            say("failed to publish a record: " + LogFrontEnd.describe(t), t, ErrorManager.WRITE_FAILURE);
        }
    }

    /** Whether log4j-jul hands the record to Log4j2 too, where sentry-log4j2 reports it; said once. */
    private boolean bridged(LogRecord record) {
        if (!Log4jBridge.forwards(record)) {
            return false;
        }
        if (!bridgeSaid) {
            bridgeSaid = true;
            say("log4j-jul forwards java.util.logging records to Log4j2, where sentry-log4j2 reports them;"
                    + " this handler leaves them to it, so each is reported once", null, ErrorManager.GENERIC_FAILURE);
        }
        return true;
    }

    /** Waits up to the SDK's shutdown timeout for what was captured to be delivered. */
    @Override
    public void flush() {
        try {
            SentryOptions running = Sentry.options();
            if (running != null) {
                Sentry.flush(running.shutdownTimeout());
            }
        } catch (Throwable t) { // NOPMD: never out of a flush
            say("failed to flush: " + LogFrontEnd.describe(t), t, ErrorManager.FLUSH_FAILURE);
        }
    }

    /**
     * Flushes within the SDK's shutdown timeout and gives up the client; the LogManager calls it when it
     * resets, at JVM exit included. Records published afterwards are ignored. Idempotent.
     */
    @Override
    public void close() {
        ClientLease held;
        synchronized (this) {
            closed = true;
            held = lease;
            lease = null;
        }
        if (held == null) {
            return;
        }
        try {
            SentryOptions running = Sentry.options();
            held.release((running != null ? running : options).shutdownTimeout());
        } catch (Throwable t) { // NOPMD: the LogManager's reset must go on whatever happens here
            say("failed to close cleanly: " + LogFrontEnd.describe(t), t, ErrorManager.CLOSE_FAILURE);
        }
    }

    /** JUL's status system: the handler's ErrorManager (by default, the first report on stderr). */
    private void say(String message, Throwable t, int code) {
        try {
            reportError("Sentry handler: " + message, t instanceof Exception ? (Exception) t : null, code);
        } catch (Throwable ignored) { // NOPMD: an ErrorManager that throws must not reach the logging call
            // nothing left to tell it with
        }
    }

    /** Settings for a handler made in code; the LogManager's properties are not read. */
    public static final class Builder {
        private SentryOptions options;
        private Level eventLevel = Settings.DEFAULT_EVENT_LEVEL;
        private Level breadcrumbLevel = Settings.DEFAULT_BREADCRUMB_LEVEL;
        private boolean printfStyle;

        private Builder() {
        }

        /**
         * The options of the client the handler starts when the application has none (default: from
         * {@code -Dsentry.*}, {@code SENTRY_*} and {@code sentry.properties} alone).
         */
        public Builder options(SentryOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The level from which records become events (default SEVERE). */
        public Builder minimumEventLevel(Level level) {
            this.eventLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /** The level from which records become breadcrumbs (default INFO). */
        public Builder minimumBreadcrumbLevel(Level level) {
            this.breadcrumbLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * Whether messages are {@link String#format} patterns ({@code "order %s failed"}) rather than
         * JUL's {@link java.text.MessageFormat} ones (default false).
         */
        public Builder printfStyle(boolean printfStyle) {
            this.printfStyle = printfStyle;
            return this;
        }

        public SentryHandler build() {
            return new SentryHandler(Settings.of(options, eventLevel, breadcrumbLevel, printfStyle), null);
        }
    }
}
