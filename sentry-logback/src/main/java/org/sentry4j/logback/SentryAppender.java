package org.sentry4j.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Duration;
import org.sentry4j.ClientLease;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.logging.LogFrontEnd;

/**
 * Sends Logback logs to Sentry: at or above {@code minimumEventLevel} (default ERROR) as events, at or above
 * {@code minimumBreadcrumbLevel} (default INFO) as breadcrumbs for later events, and with {@code logsEnabled}
 * at or above {@code minimumLogLevel} (default INFO) as structured logs (Sentry Logs).
 *
 * <pre>{@code
 * <appender name="SENTRY" class="org.sentry4j.logback.SentryAppender">
 *   <dsn>${SENTRY_DSN}</dsn>
 *   <environment>staging</environment>
 * </appender>
 * }</pre>
 *
 * Every core option is a child element ({@link SentryAppenderElements}), or one of the nested
 * {@code <options>}, as the official appender's configurations have it. The appender shares the one client of {@link Sentry}: the one the
 * application started with {@code Sentry.init}, whenever that happens, else one it starts from its own
 * settings and closes when its {@code LoggerContext} stops and nobody else holds it (a reconfiguration
 * keeps it, with its scope and pending events). Problems are reported through
 * Logback's status system; the appender then does nothing, and never affects the rest of logging.
 *
 * <p>On the logging thread it only compares levels, snapshots the thread-bound parts of the event and
 * hands them over; the event is made, filtered and sent on the SDK's threads.
 */
public class SentryAppender extends SentryAppenderElements {
    static final String FRAMEWORK = "logback";
    private static final int MAX_REPORTS = 3;

    /** Set in start(), read by append() on any thread; null until then. */
    private volatile LogFrontEnd<ILoggingEvent> frontEnd;
    private ClientLease lease; // guarded by this
    private final ThreadLocal<boolean[]> appending = ThreadLocal.withInitial(() -> new boolean[1]);
    // Racy on purpose: they only limit how often a problem is reported.
    private int notStartedReported;
    private int failuresReported;

    /**
     * Starts whatever happens: a problem (an invalid setting, a client that cannot start, a library of
     * another version than sentry4j needs) is reported on Logback's status and leaves an appender that
     * forwards to a client the application starts, never an exception for Logback's configuration.
     */
    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        try {
            startClient();
        } catch (Throwable t) { // NOPMD: a LinkageError too: the appender must never stop the application
            addError("Sentry appender [" + getName() + "] could not start: " + LogFrontEnd.describe(t)
                    + "; logging goes on without it", t);
        }
        super.start();
    }

    private void startClient() {
        AppenderSettings effective = new AppenderSettings();
        effective.mergeUnder(settings);
        effective.mergeUnder(nestedOptions);
        frontEnd = LogFrontEnd.builder(FRAMEWORK, new LogbackEvents(getContext()))
                .minimumEventLevel(LogbackEvents.threshold(minimumEventLevel))
                .minimumBreadcrumbLevel(LogbackEvents.threshold(minimumBreadcrumbLevel))
                .contextTags(effective.contextTags())
                .status((problem, cause) -> addError("Sentry appender [" + getName() + "] " + problem, cause))
                .build();
        ClientLease acquired = acquire(effective);
        synchronized (this) {
            lease = acquired;
        }
        if (acquired != null && getContext() instanceof LoggerContext) {
            // After a reconfiguration: this appender holds the client now, the old appenders' holds can go.
            ParkedLeases.of((LoggerContext) getContext()).releaseHeld();
        }
    }

    private ClientLease acquire(AppenderSettings effective) {
        SentryOptions options;
        try {
            SentryOptions.Builder builder = SentryOptions.builder();
            effective.applyTo(builder);
            options = builder.build();
            for (String problem : options.problems()) {
                addError("Sentry appender [" + getName() + "]: " + problem);
            }
        } catch (IllegalArgumentException e) { // a malformed DSN
            if (!Sentry.isEnabled()) {
                addError("Sentry appender [" + getName() + "] is inactive: invalid configuration: " + e.getMessage());
            } else {
                addError("Sentry appender [" + getName() + "] has an invalid setting (" + e.getMessage()
                        + "); it sends to the client the application started");
            }
            return null;
        }
        ClientLease acquired;
        try {
            acquired = Sentry.acquire(options, "Logback", "maven:org.sentry4j:sentry-logback");
        } catch (RuntimeException e) {
            addError("Sentry appender [" + getName() + "]: " + e.getMessage()
                    + "; it forwards to a client the application starts with Sentry.init", e);
            return null;
        }
        if (!Sentry.isEnabled()) {
            String why = effective.unresolvedDsn() != null
                    ? "the DSN variable is not defined (" + effective.unresolvedDsn() + ")"
                    : "no DSN is configured (set <dsn>, SENTRY_DSN or -Dsentry.dsn)";
            addWarn("Sentry appender [" + getName() + "] is inactive: " + why
                    + "; it sends nothing until the application calls Sentry.init");
        }
        return acquired;
    }

    /**
     * Flushes within the shutdown timeout while still started: Logback stops each appender before it
     * detaches them, so logs keep arriving here meanwhile and are queued, not dropped. Then, in a
     * started {@link LoggerContext}, the hold on the client is parked until the context stops ({@link ParkedLeases}):
     * a reconfiguration stops this appender too, and the client must outlive it. Elsewhere the hold is
     * released at once, which closes the client if this appender started it and was its last holder.
     * The flush and that close share one shutdown timeout.
     */
    @Override
    public void stop() {
        try {
            stopClient();
        } catch (Throwable t) { // NOPMD: stopping the logging context must go on whatever happens here
            addError("Sentry appender [" + getName() + "] failed to stop cleanly: " + LogFrontEnd.describe(t), t);
            super.stop();
        }
    }

    private void stopClient() {
        ClientLease held;
        synchronized (this) {
            if (!isStarted()) {
                return;
            }
            held = lease;
            lease = null;
        }
        SentryOptions running = Sentry.options();
        // One budget for the stop: closing the client after this flush gets only what the flush left
        // of the shutdown timeout, so a slow server does not cost it twice.
        Duration left = null; // null: nothing flushed here, a release gets the whole shutdown timeout
        if (held != null && running != null) {
            long flushStart = System.nanoTime();
            Sentry.flush(running.shutdownTimeout());
            left = running.shutdownTimeout().minusNanos(System.nanoTime() - flushStart);
            left = left.isNegative() ? Duration.ZERO : left;
        }
        super.stop();
        if (held == null) {
            return;
        }
        if (getContext() instanceof LoggerContext && ((LoggerContext) getContext()).isStarted()) {
            ParkedLeases.of((LoggerContext) getContext()).park(held, left);
        } else { // no context, or one already stopped: nothing would ever release a parked hold
            ParkedLeases.release(held, left);
        }
    }

    /**
     * Logs below both thresholds leave at once, kept this small so the JIT can inline it into the
     * logger's call. The rest does what Logback's base class does — a re-entry guard (a filter, or an
     * argument's {@code toString}, may log), the started check, the filter chain, failures contained
     * and reported a few times — but its guard is one thread-local read of a mutable flag, where the
     * base class's costs three thread-local lookups per log.
     */
    @Override
    public void doAppend(ILoggingEvent event) {
        LogFrontEnd<ILoggingEvent> f = frontEnd;
        if (f == null || f.isLoggable(LogbackEvents.level(event.getLevel().toInt()))) {
            guardedAppend(event);
        }
    }

    private void guardedAppend(ILoggingEvent event) {
        boolean[] inside = appending.get();
        if (inside[0]) {
            return; // logged from inside this appender on this thread
        }
        inside[0] = true;
        try {
            if (!isStarted()) {
                if (notStartedReported < MAX_REPORTS) {
                    notStartedReported++;
                    addWarn("Attempted to append to non started appender [" + getName() + "].");
                }
                return;
            }
            if (getFilterChainDecision(event) != FilterReply.DENY) {
                append(event);
            }
        } catch (Throwable t) { // NOPMD: an Error too: an appender must not break the application's logging
            if (failuresReported < MAX_REPORTS) {
                failuresReported++;
                addError("Sentry appender [" + getName() + "] failed to append: " + LogFrontEnd.describe(t), t);
            }
        } finally {
            inside[0] = false;
        }
    }

    /**
     * Hands the event to the front-end, which decides what it becomes: it drops records the SDK made,
     * judged from the record, since behind an {@code AsyncAppender} this runs on Logback's thread, not
     * the one that logged.
     */
    @Override
    protected void append(ILoggingEvent event) {
        LogFrontEnd<ILoggingEvent> f = frontEnd;
        if (f != null) {
            f.append(event);
        }
    }
}
