package org.sentry4j.logging;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.sentry4j.Breadcrumb;
import org.sentry4j.Hint;
import org.sentry4j.Sentry;
import org.sentry4j.SentryLevel;
import org.sentry4j.internal.CallbackGuard;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.FrontEndAccess;
import org.sentry4j.internal.SdkThread;

/**
 * What a logging framework's adapter hands its records to: one per appender (handler), built from its
 * settings, with one method per record, {@link #append}, that decides and does everything and says what
 * it did. For a record it
 * <ol>
 *   <li>compares its level with the thresholds ({@link #isLoggable} is that check alone, for a fast
 *       exit the JIT can inline into the logger's call);</li>
 *   <li>drops it when it was made by the SDK: on one of the SDK's threads (judged by the thread name
 *       the framework recorded, so also behind an async appender), inside a {@code beforeSend} or
 *       {@code beforeBreadcrumb} on this thread, or carrying the mark the front-end puts into the
 *       framework's context map while a {@code beforeBreadcrumb} runs (which follows a record through an
 *       async appender's queue);</li>
 *   <li>at or above {@code minimumEventLevel}: asks whether an event would be kept (the queue has room,
 *       the sample rate admits it; a "no" is counted in client reports) and only then copies the record
 *       ({@link LogEventReader#snapshot}) and queues it — the event is made, filtered and sent on the
 *       SDK's threads;</li>
 *   <li>at or above the running client's {@code minimumLogLevel}, when it has {@code logsEnabled}:
 *       queues it as a structured log (Sentry Logs), from the same copy of the record when it became an
 *       event, else from one taken for it; the log's attributes and JSON are made on the SDK's worker;</li>
 *   <li>at or above {@code minimumBreadcrumbLevel}: adds a breadcrumb, after the event so the event does
 *       not carry itself; without a {@code beforeBreadcrumb} its message is formatted only when an
 *       event carries it ({@link LogEventReader#line}).</li>
 * </ol>
 * It never throws: a failure costs that record only and is reported, at most three times, through the
 * {@link Status} the adapter gave (its framework's status system). It uses the client {@link Sentry}
 * runs, whoever started it; starting and stopping one ({@link Sentry#acquire}) is the adapter's
 * lifecycle. Thread-safe.
 *
 * @param <E> the framework's event type
 */
public final class LogFrontEnd<E> {
    /** Times a failing append is reported; later ones are silent. */
    static final int MAX_REPORTS = 3;
    private static final int OFF = Integer.MAX_VALUE;

    private final LogEventReader<E> reader;
    private final String origin;
    private final LogLevel eventThreshold;
    private final LogLevel breadcrumbThreshold;
    private final int eventLevel;
    private final int breadcrumbLevel;
    private final int lowestLevel;
    private final LogRecordMapper mapper;
    private final Status status;
    private final FrontEndAccess core;
    private final Lines lines;
    private int failuresReported; // racy on purpose: it only limits how often a failure is reported

    private LogFrontEnd(Builder<E> b) {
        this.reader = b.reader;
        this.origin = "auto.log." + b.framework;
        this.eventThreshold = b.eventLevel;
        this.breadcrumbThreshold = b.breadcrumbLevel;
        this.eventLevel = ordinal(b.eventLevel);
        this.breadcrumbLevel = ordinal(b.breadcrumbLevel);
        this.lowestLevel = Math.min(eventLevel, breadcrumbLevel);
        this.mapper = new LogRecordMapper(b.framework, b.contextTags);
        this.status = b.status;
        this.core = FrontEndAccess.current();
        this.lines = new Lines(core, reader.formatter());
    }

    private static int ordinal(LogLevel threshold) {
        return threshold == null ? OFF : threshold.ordinal();
    }

    /**
     * @param framework the framework's short name, lower case ({@code logback}, {@code log4j2},
     *                  {@code jul}): the events' mechanism and logger origin, and the records'
     *                  {@code sentry.origin} ({@code auto.log.<framework>})
     * @param reader    how to read the framework's events
     */
    public static <E> Builder<E> builder(String framework, LogEventReader<E> reader) {
        return new Builder<>(framework, reader);
    }

    /**
     * Whether a record at {@code level} reaches any threshold, the running client's
     * {@code minimumLogLevel} included when structured logs are on; nothing else is asked.
     */
    public boolean isLoggable(LogLevel level) {
        int l = level.ordinal();
        return l >= lowestLevel || l >= core.logThreshold();
    }

    /** The lowest level sent as an event; null for none (OFF). */
    public LogLevel minimumEventLevel() {
        return eventThreshold;
    }

    /** The lowest level kept as a breadcrumb; null for none (OFF). */
    public LogLevel minimumBreadcrumbLevel() {
        return breadcrumbThreshold;
    }

    /** The records' {@code sentry.origin}, e.g. {@code auto.log.logback}. */
    public String origin() {
        return origin;
    }

    /**
     * Captures one record as the thresholds say (see the class comment); returns what it became.
     * Never throws.
     */
    public Captured append(E event) {
        try {
            return appendUnguarded(event);
        } catch (Throwable t) { // NOPMD: an Error too: the SDK must not break the application's logging
            reportFailure(t);
            return Captured.NOTHING;
        }
    }

    private Captured appendUnguarded(E event) {
        LogLevel level = reader.level(event);
        int l = level.ordinal();
        boolean asLog = l >= core.logThreshold();
        if ((l < lowestLevel && !asLog) || !core.isEnabled() || CallbackGuard.isActive()
                || SdkThread.isSdkThreadName(reader.threadName(event))) {
            return Captured.NOTHING; // below the thresholds, no client, or made by the SDK on this or its own thread
        }
        // The context map is searched only while a beforeBreadcrumb could have put the mark, and for
        // events and logs (a mark left from one that has since gone must not become a tag).
        boolean throughCallback = core.hasBeforeBreadcrumb();
        if ((throughCallback || l >= eventLevel || asLog) && reader.hasContext(event, CallbackGuard.RECORD_MARK)) {
            return Captured.NOTHING; // logged inside a beforeBreadcrumb, then queued by an async appender
        }
        LogRecord record = null;
        boolean queued = false;
        if (l >= eventLevel && core.admitEvent()) { // else a storm or the sample rate drops it: copying it would be waste
            record = record(event, level, core.attachesStacktrace());
            queued = core.queueAdmitted(record, mapper);
        }
        boolean logged = false;
        if (asLog) {
            if (record == null) {
                record = record(event, level, false);
            }
            logged = core.captureLog(record);
        }
        if (l < breadcrumbLevel) {
            return Captured.of(queued, false, logged);
        }
        SentryLevel sentryLevel = level.sentryLevel();
        if (throughCallback) {
            Breadcrumb crumb = record != null
                    ? new Breadcrumb(record.timestamp(), sentryLevel, record.loggerName(), record.formattedMessage())
                    : new Breadcrumb(reader.timestamp(event), sentryLevel, reader.loggerName(event),
                            reader.formattedMessage(event));
            addMarked(crumb, record != null && record.original() != null ? mapper.hint(record)
                    : Hint.ofLogRecord(reader.original(event), reader.throwable(event)));
        } else if (record != null) {
            Sentry.addBreadcrumb(new Breadcrumb(record.timestamp(), sentryLevel, record.loggerName(),
                    record.formattedMessage()), null);
        } else {
            reader.line(event, level, lines);
        }
        return Captured.of(queued, true, logged);
    }

    private LogRecord record(E event, LogLevel level, boolean callerStack) {
        LogRecord.Builder b = LogRecord.builder()
                .level(level)
                .origin(origin)
                .timestamp(reader.timestamp(event))
                .loggerName(reader.loggerName(event));
        if (core.needsRecordHints()) {
            // Only then: the framework's record holds more than the event needs, and a pending event
            // would keep all of it in memory.
            b.original(reader.original(event));
        }
        reader.snapshot(event, b, callerStack);
        return b.build();
    }

    /**
     * Adds the breadcrumb through the {@code beforeBreadcrumb} with the mark in the framework's context
     * map, so that a log the callback makes carries it — also through an async queue, where the
     * thread-bound guard would not follow it — and comes back here only to be dropped.
     */
    private void addMarked(Breadcrumb breadcrumb, Hint hint) {
        reader.putContext(CallbackGuard.RECORD_MARK, "true");
        try {
            Sentry.addBreadcrumb(breadcrumb, hint);
        } finally {
            reader.removeContext(CallbackGuard.RECORD_MARK);
        }
    }

    private void reportFailure(Throwable t) {
        if (failuresReported < MAX_REPORTS) {
            failuresReported++;
            try {
                status.error("failed to append: " + describe(t), t);
            } catch (Throwable ignored) { // NOPMD: a status system that fails must not fail the logging call
                // nothing left to tell it with
            }
        }
    }

    /**
     * A throwable as one line for a status message: its class and message, and for a missing class or
     * method (a library of another version than sentry4j needs) the library found and the versions
     * supported. Never throws.
     */
    public static String describe(Throwable t) {
        return Diagnostics.describe(t) + Diagnostics.origin(t);
    }

    /** Where a front-end's problems go: its framework's status system. */
    @FunctionalInterface
    public interface Status {
        /** A problem, said without the appender's name (the adapter adds it); {@code cause} may be null. */
        void error(String problem, Throwable cause);
    }

    /** What {@link #append} did with a record. Constant instances; compare with {@code ==} or the getters. */
    public static final class Captured {
        public static final Captured NOTHING = new Captured(false, false, false);
        public static final Captured EVENT = new Captured(true, false, false);
        public static final Captured BREADCRUMB = new Captured(false, true, false);
        public static final Captured EVENT_AND_BREADCRUMB = new Captured(true, true, false);
        /** Each combination once, indexed by event, breadcrumb and log as bits 2, 1 and 0. */
        private static final Captured[] ALL = {
            NOTHING, new Captured(false, false, true), BREADCRUMB, new Captured(false, true, true),
            EVENT, new Captured(true, false, true), EVENT_AND_BREADCRUMB, new Captured(true, true, true),
        };

        private final boolean event;
        private final boolean breadcrumb;
        private final boolean log;

        private Captured(boolean event, boolean breadcrumb, boolean log) {
            this.event = event;
            this.breadcrumb = breadcrumb;
            this.log = log;
        }

        static Captured of(boolean event, boolean breadcrumb, boolean log) {
            return ALL[(event ? 4 : 0) | (breadcrumb ? 2 : 0) | (log ? 1 : 0)];
        }

        /** Whether an event was queued (it may still be filtered or dropped on the SDK's threads). */
        public boolean event() {
            return event;
        }

        /** Whether a breadcrumb was added (a {@code beforeBreadcrumb} may still drop it). */
        public boolean breadcrumb() {
            return breadcrumb;
        }

        /** Whether a structured log was queued (a {@code beforeSendLog} may still drop it). */
        public boolean log() {
            return log;
        }

        @Override
        public String toString() {
            String what = event ? (breadcrumb ? "event and breadcrumb" : "event") : breadcrumb ? "breadcrumb" : "";
            return log ? (what.isEmpty() ? "log" : what + " and log") : what.isEmpty() ? "nothing" : what;
        }
    }

    /** Where {@link LogEventReader#line} puts a breadcrumb's line; made by the front-end only. */
    public static final class Lines {
        private final FrontEndAccess core;
        private final LogMessageFormatter formatter;

        private Lines(FrontEndAccess core, LogMessageFormatter formatter) {
            this.core = core;
            this.formatter = formatter;
        }

        /**
         * Adds the line as a breadcrumb on the current scope.
         *
         * @param template  the message template, filled with {@code arguments} by the reader's
         *                  {@linkplain LogEventReader#formatter() formatter} when an event carries the
         *                  breadcrumb; or the formatted message, with {@code arguments} null
         * @param arguments null, the one argument (never itself an array), or an {@code Object[]} the
         *                  caller will not change (a copy: frameworks may reuse theirs) — only arguments
         *                  {@link LogArguments#allImmutable} accepts, since they are read later
         */
        public void add(long epochSecond, int nanoOfSecond, LogLevel level, String logger, String template,
                        Object arguments) {
            core.addLogLine(epochSecond, nanoOfSecond, level.sentryLevel(), logger, template, arguments, formatter);
        }
    }

    /** Settings of one front-end, checked when it is built. */
    public static final class Builder<E> {
        private final String framework;
        private final LogEventReader<E> reader;
        private LogLevel eventLevel = LogLevel.ERROR;
        private LogLevel breadcrumbLevel = LogLevel.INFO;
        private Set<String> contextTags = Set.of();
        private Status status = (problem, cause) -> { };

        private Builder(String framework, LogEventReader<E> reader) {
            this.framework = Objects.requireNonNull(framework, "framework");
            this.reader = Objects.requireNonNull(reader, "reader");
        }

        /** The lowest level sent as an event (default ERROR); null sends none (OFF). */
        public Builder<E> minimumEventLevel(LogLevel level) {
            this.eventLevel = level;
            return this;
        }

        /** The lowest level kept as a breadcrumb (default INFO); null keeps none (OFF). */
        public Builder<E> minimumBreadcrumbLevel(LogLevel level) {
            this.breadcrumbLevel = level;
            return this;
        }

        /** Context-map keys (MDC, ThreadContext) that become tags; empty (the default) means every key. */
        public Builder<E> contextTags(Collection<String> keys) {
            this.contextTags = new LinkedHashSet<>(keys);
            return this;
        }

        /** Where failures are reported (default: nowhere). */
        public Builder<E> status(Status status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        public LogFrontEnd<E> build() {
            return new LogFrontEnd<>(this);
        }
    }
}
