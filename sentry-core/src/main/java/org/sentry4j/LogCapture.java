package org.sentry4j;

import org.sentry4j.internal.BreadcrumbTrail;
import org.sentry4j.internal.CallbackGuard;
import org.sentry4j.internal.Capture;
import org.sentry4j.internal.EventId;
import org.sentry4j.internal.EventIds;
import org.sentry4j.internal.FrontEndAccess;
import org.sentry4j.internal.LastEvent;
import org.sentry4j.logging.LogArguments;
import org.sentry4j.logging.LogMessageFormatter;
import org.sentry4j.logging.LogRecord;
import org.sentry4j.logging.LogRecordMapper;

/**
 * What logging appenders call, beside {@link Sentry}'s application API: a log record queued as an
 * event, a log line kept as a breadcrumb, and the questions an appender asks first so the logging thread
 * copies nothing it would not need. Uses the client {@link Sentry} runs; static and thread-safe, and,
 * like {@link Sentry}, it never throws into the logging call.
 */
public final class LogCapture {
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
    };

    private LogCapture() {
    }

    /**
     * Captures a log record as an event; the mapper turns it into one on the worker. For logging
     * appenders, which have already checked level and recursion. Returns the event id.
     */
    public static String capture(LogRecord record, LogRecordMapper mapper) {
        EventId id = submit(record, mapper, true);
        return id == null ? Sentry.EMPTY_ID : id.toString();
    }

    /**
     * As {@link #capture}, without making the id's text on the calling thread (the appenders do not
     * use it; {@link Sentry#lastEventId()} still can). Returns whether the record was queued.
     */
    public static boolean queue(LogRecord record, LogRecordMapper mapper) {
        return submit(record, mapper, true) != null;
    }

    /**
     * As {@link #queue}, for a record {@link #admitEvent} has just admitted: the sample rate had its one
     * draw there, so it has none here.
     */
    public static boolean queueAdmitted(LogRecord record, LogRecordMapper mapper) {
        return submit(record, mapper, false) != null;
    }

    private static EventId submit(LogRecord record, LogRecordMapper mapper, boolean sample) {
        Hub h = Sentry.hub();
        if (!h.isEnabled() || record == null || CallbackGuard.mustDrop()) {
            return null;
        }
        try {
            if (sample && !h.client.sampledIn()) {
                return null;
            }
            EventId id = EventIds.nextId();
            LastEvent last = Sentry.lastEvent();
            if (!h.client.submit(Capture.ofLog(id, record, mapper, h.scopes.snapshot()).origin(last))) {
                return null;
            }
            last.submitted(id);
            return id;
        } catch (Throwable t) { // NOPMD: logging must never break the application
            h.client.diagnostics().debug("log capture failed", t);
            return null;
        }
    }

    /**
     * Records a log line as a breadcrumb on the current scope, for logging appenders: the message is
     * {@code template} filled with {@code arguments} by the framework's {@code formatter}, formatted
     * only when an event carries the breadcrumb, on the SDK's worker. {@code arguments} is null, the
     * one argument (not an array), or an {@code Object[]} of them — only arguments that
     * {@link LogArguments#allImmutable} accepts; otherwise pass the formatted message as
     * {@code template} and null. With a {@code beforeBreadcrumb} set, the line is formatted now and
     * goes through it with an empty hint (appenders that have a log record to offer as the hint call
     * {@link Sentry#addBreadcrumb(Breadcrumb, Hint)} instead, see {@link #hasBeforeBreadcrumb()}).
     */
    public static void addBreadcrumb(long epochSecond, int nanoOfSecond, SentryLevel level, String logger,
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
     * Whether an event captured now would be queued. In an error storm the queue fills and captures are
     * dropped; a logging appender asks first, so the logging thread does not copy a record only to
     * drop it. A "no" counts the drop (client report {@code queue_overflow}) and is not followed by a
     * capture; a "yes" is a moment's answer, and the capture may still be dropped (counted once).
     */
    public static boolean hasRoomForEvent() {
        Hub h = Sentry.hub();
        return h.isEnabled() && h.client.hasRoom();
    }

    /**
     * Whether an event captured now would be kept: the queue has room (see {@link #hasRoomForEvent}) and
     * the sample rate lets it through (its one draw for this event). A logging appender asks first, so an
     * event that a storm or the sample rate drops costs the logging thread no copy of its record. A "no"
     * is counted ({@code queue_overflow} or {@code sample_rate}); a "yes" is followed by
     * {@link #queueAdmitted}.
     */
    public static boolean admitEvent() {
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
     * {@code beforeBreadcrumb}, or an event processor of an integration the application added. Logging
     * appenders keep (Logback) or copy (Log4j2) their framework's record for the hint only then: the
     * record holds more than the event needs, and a pending event would keep all of it in memory.
     */
    public static boolean needsRecordHints() {
        Hub h = Sentry.hub();
        if (!h.isEnabled()) {
            return false;
        }
        SentryOptions o = h.client.options();
        return o.beforeSend() != null || o.beforeBreadcrumb() != null || !o.integrations().isEmpty();
    }

    /**
     * Whether an event without an exception should carry the stack of the logging call
     * ({@code attachStacktrace}, on by default): an appender then takes it on the logging thread
     * ({@link org.sentry4j.logging.CallerStack#here()}) or from the framework's caller data.
     */
    public static boolean attachesStacktrace() {
        Hub h = Sentry.hub();
        return h.isEnabled() && h.client.options().attachStacktrace();
    }

    /**
     * Whether a breadcrumb would be recorded with a hint at all; logging appenders use it to skip
     * building a hint when no {@code beforeBreadcrumb} is set.
     */
    public static boolean hasBeforeBreadcrumb() {
        Hub h = Sentry.hub();
        return h.isEnabled() && h.client.options().beforeBreadcrumb() != null;
    }
}
