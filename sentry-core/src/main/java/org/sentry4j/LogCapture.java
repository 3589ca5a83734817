package org.sentry4j;

import java.time.Instant;
import java.util.List;
import org.sentry4j.internal.BreadcrumbTrail;
import org.sentry4j.internal.CallbackGuard;
import org.sentry4j.internal.Capture;
import org.sentry4j.internal.EventId;
import org.sentry4j.internal.EventIds;
import org.sentry4j.internal.FrontEndAccess;
import org.sentry4j.internal.LastEvent;
import org.sentry4j.internal.logs.LogEntry;
import org.sentry4j.logging.LogArguments;
import org.sentry4j.logging.LogLevel;
import org.sentry4j.logging.LogMessageFormatter;
import org.sentry4j.logging.LogRecord;
import org.sentry4j.logging.LogRecordMapper;

/**
 * The running client's side of {@link org.sentry4j.logging.LogFrontEnd}, which front-ends use (this
 * class is not API): a log record queued as an event, a log line kept as a breadcrumb, and the questions
 * the front-end asks first so the logging thread copies nothing it would not need. Uses the client
 * {@link Sentry} runs; static and thread-safe, and, like {@link Sentry}, it never throws into the
 * logging call.
 */
final class LogCapture {
    /** What {@link org.sentry4j.logging.LogFrontEnd} uses; {@link Sentry} installs it. */
    static final FrontEndAccess ACCESS = new FrontEndAccess() {
        @Override
        public boolean isEnabled() {
            return Sentry.hub().isEnabled();
        }

        @Override
        public boolean hasBeforeBreadcrumb() {
            return LogCapture.hasBeforeBreadcrumb();
        }

        @Override
        public boolean admitEvent() {
            return LogCapture.admitEvent();
        }

        @Override
        public boolean needsRecordHints() {
            return LogCapture.needsRecordHints();
        }

        @Override
        public boolean attachesStacktrace() {
            return LogCapture.attachesStacktrace();
        }

        @Override
        public boolean queueAdmitted(LogRecord record, LogRecordMapper mapper) {
            return LogCapture.queueAdmitted(record, mapper);
        }

        @Override
        public void addLogLine(long epochSecond, int nanoOfSecond, SentryLevel level, String logger, String template,
                               Object arguments, LogMessageFormatter formatter) {
            LogCapture.addBreadcrumb(epochSecond, nanoOfSecond, level, logger, template, arguments, formatter);
        }

        @Override
        public int logThreshold() {
            return Sentry.hub().logThreshold;
        }

        @Override
        public boolean captureLog(LogRecord record) {
            return LogCapture.captureLog(record);
        }
    };

    private LogCapture() {
    }

    /**
     * Queues a record {@link #admitEvent} has just admitted (the sample rate had its one draw there);
     * the mapper turns it into an event on the worker. Returns whether it was queued.
     */
    static boolean queueAdmitted(LogRecord record, LogRecordMapper mapper) {
        Hub h = Sentry.hub();
        if (!h.isEnabled() || record == null || CallbackGuard.mustDrop()) {
            return false;
        }
        try {
            EventId id = EventIds.nextId();
            LastEvent last = Sentry.lastEvent();
            if (!h.client.submit(Capture.ofLog(id, record, mapper, h.scopes.snapshot()).origin(last))) {
                return false;
            }
            last.submitted(id);
            return true;
        } catch (Throwable t) { // NOPMD: logging must never break the application
            h.client.diagnostics().debug("log capture failed", t);
            return false;
        }
    }

    /**
     * Queues a front-end's record as a structured log: its message, template and parameters, logger,
     * thread, origin, context map and key-values, with the trace (and, with sendDefaultPii, the user) of
     * this thread's scope. The record's level was checked against {@code minimumLogLevel} already.
     */
    static boolean captureLog(LogRecord record) {
        Hub h = Sentry.hub();
        if (!h.isEnabled() || record == null || CallbackGuard.mustDrop()) {
            return false;
        }
        try {
            Instant t = record.timestamp();
            LogLevel level = record.logLevel();
            List<String> params = record.params();
            LogEntry.Builder entry = LogEntry.builder()
                    .timestamp(t.getEpochSecond(), t.getNano())
                    .level(level != null ? level.logLevel() : SentryLogLevel.INFO)
                    .body(record.formattedMessage())
                    .template(record.template(), params.isEmpty() ? null : params.toArray(), null)
                    .logger(record.loggerName())
                    .thread(record.threadName(), record.threadId())
                    .origin(record.origin())
                    .context(record.contextData())
                    .keyValues(record.keyValues());
            SentryLogger.scope(h, entry);
            return h.client.captureLog(entry.build());
        } catch (Throwable t) { // NOPMD: logging must never break the application
            h.client.diagnostics().debug("log capture failed", t);
            return false;
        }
    }

    /**
     * Records a log line as a breadcrumb on the current scope: the message is
     * {@code template} filled with {@code arguments} by the framework's {@code formatter}, formatted
     * only when an event carries the breadcrumb, on the SDK's worker. {@code arguments} is null, the
     * one argument (not an array), or an {@code Object[]} of them — only arguments that
     * {@link LogArguments#allImmutable} accepts; otherwise pass the formatted message as
     * {@code template} and null. With a {@code beforeBreadcrumb} set, the line is formatted now and
     * goes through it with an empty hint (the front-end, which has a log record to offer as the hint,
     * calls {@link Sentry#addBreadcrumb(Breadcrumb, Hint)} instead then, see {@link #hasBeforeBreadcrumb()}).
     */
    static void addBreadcrumb(long epochSecond, int nanoOfSecond, SentryLevel level, String logger,
                              String template, Object arguments, LogMessageFormatter formatter) {
        Hub h = Sentry.hub();
        if (!h.isEnabled() || CallbackGuard.mustDrop()) {
            return;
        }
        if (h.client.options().beforeBreadcrumb() == null) {
            h.scopes.current().addLogLine(epochSecond, nanoOfSecond, level, logger, template, arguments, formatter);
            return;
        }
        String message = BreadcrumbTrail.format(template, arguments, formatter);
        Sentry.addBreadcrumb(new Breadcrumb(epochSecond, nanoOfSecond, level, logger, message), null);
    }

    /**
     * Whether an event captured now would be kept: the queue has room (in an error storm it fills) and
     * the sample rate lets it through (its one draw for this event). The front-end asks first, so an
     * event that a storm or the sample rate drops costs the logging thread no copy of its record. A "no"
     * is counted ({@code queue_overflow} or {@code sample_rate}); a "yes" is followed by
     * {@link #queueAdmitted}.
     */
    static boolean admitEvent() {
        Hub h = Sentry.hub();
        if (!h.isEnabled()) {
            return false;
        }
        try {
            return h.client.hasRoom() && h.client.sampledIn();
        } catch (RuntimeException e) { // a user's Random, say: logging must never break
            h.client.diagnostics().debug("sampling failed", e);
            return false;
        }
    }

    /**
     * Whether anything will read a hint's original log record: a {@code beforeSend}, a
     * {@code beforeBreadcrumb}, or an event processor of an integration the application added. Front-ends
     * keep (Logback) or copy (Log4j2) their framework's record for the hint only then: the
     * record holds more than the event needs, and a pending event would keep all of it in memory.
     */
    static boolean needsRecordHints() {
        Hub h = Sentry.hub();
        if (!h.isEnabled()) {
            return false;
        }
        SentryOptions o = h.client.options();
        return o.beforeSend() != null || o.beforeBreadcrumb() != null || !o.integrations().isEmpty();
    }

    /**
     * Whether an event without an exception should carry the stack of the logging call
     * ({@code attachStacktrace}, on by default): a front-end then takes it on the logging thread
     * ({@link org.sentry4j.logging.CallerStack#here()}) or from the framework's caller data.
     */
    static boolean attachesStacktrace() {
        Hub h = Sentry.hub();
        return h.isEnabled() && h.client.options().attachStacktrace();
    }

    /**
     * Whether a breadcrumb would be recorded with a hint at all; the front-end uses it to skip
     * building a hint when no {@code beforeBreadcrumb} is set.
     */
    static boolean hasBeforeBreadcrumb() {
        Hub h = Sentry.hub();
        return h.isEnabled() && h.client.options().beforeBreadcrumb() != null;
    }
}
