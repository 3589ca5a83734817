package org.sentry4j.jul;

import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.sentry4j.logging.CallerStack;
import org.sentry4j.logging.LogArguments;
import org.sentry4j.logging.LogEventReader;
import org.sentry4j.logging.LogFrontEnd;
import org.sentry4j.logging.LogLevel;
import org.sentry4j.logging.LogMessageFormatter;

/**
 * How the front-end reads a JUL {@link LogRecord}: the message as JUL formats it (or as
 * {@link String#format} with {@code printfStyle}), with its pattern and parameters (as text, taken
 * now) when JUL fills it with them; the exception; the logger; the thread; the sequence number as the
 * key-value {@value #SEQUENCE}. JUL has no context map, so the re-entry mark is the SDK's thread-bound
 * one alone (JUL's handlers run on the thread that logs).
 *
 * <p>JUL records a thread id, not a name. When the record's id is the current thread's (JUL's handlers
 * run on the thread that logs), the event names that thread (name and id); a record published on
 * another thread (handed over by the application) carries no thread.
 */
final class JulEvents implements LogEventReader<LogRecord> {
    static final String SEQUENCE = "jul.sequence";
    private static final String[] NO_PARAMS = new String[0];
    private static final int FINE = Level.FINE.intValue();

    private final boolean printfStyle;
    private final LogMessageFormatter formatter;

    JulEvents(boolean printfStyle) {
        this.printfStyle = printfStyle;
        this.formatter = printfStyle ? JulMessage::printf : JulMessage::format;
    }

    /**
     * A JUL level's {@link Level#intValue()} on the common scale; a custom level counts as the standard
     * level at or below it: from SEVERE error, from WARNING warn, from INFO info, CONFIG and FINE debug,
     * FINER and FINEST trace (whose events and breadcrumbs say debug, Sentry's lowest).
     */
    static LogLevel level(int intValue) {
        if (intValue >= Level.SEVERE.intValue()) {
            return LogLevel.ERROR;
        }
        if (intValue >= Level.WARNING.intValue()) {
            return LogLevel.WARN;
        }
        if (intValue >= Level.INFO.intValue()) {
            return LogLevel.INFO;
        }
        return intValue >= FINE ? LogLevel.DEBUG : LogLevel.TRACE;
    }

    /** A threshold: OFF is null (none), any other level its band. */
    static LogLevel threshold(Level level) {
        return level.intValue() == Level.OFF.intValue() ? null : level(level.intValue());
    }

    @Override
    public LogLevel level(LogRecord record) {
        return level(record.getLevel().intValue());
    }

    /** The current thread's name when the record was made on it; null when it is not known. */
    @Override
    public String threadName(LogRecord record) {
        Thread current = Thread.currentThread();
        return onThread(record, current) ? current.getName() : null;
    }

    @Override
    public Instant timestamp(LogRecord record) {
        return record.getInstant();
    }

    @Override
    public String loggerName(LogRecord record) {
        return record.getLoggerName();
    }

    @Override
    public String formattedMessage(LogRecord record) {
        String message = JulMessage.localized(record);
        Object[] parameters = record.getParameters();
        return JulMessage.fills(message, parameters, printfStyle) ? formatter.format(message, parameters) : message;
    }

    @Override
    public Throwable throwable(LogRecord record) {
        return record.getThrown();
    }

    /** The record itself: JUL makes one per logging call. */
    @Override
    public Object original(LogRecord record) {
        return record;
    }

    @Override
    public void snapshot(LogRecord record, org.sentry4j.logging.LogRecord.Builder out, boolean callerStack) {
        Thread current = Thread.currentThread();
        Throwable thrown = record.getThrown();
        out.throwable(thrown).keyValues(Map.of(SEQUENCE, record.getSequenceNumber()));
        if (onThread(record, current)) {
            out.thread(current.getName(), current.getId());
            if (thrown == null && callerStack) {
                out.callerStack(CallerStack.here());
            }
        }
        String message = JulMessage.localized(record);
        Object[] parameters = record.getParameters();
        if (!JulMessage.fills(message, parameters, printfStyle)) {
            out.message(message, null, NO_PARAMS);
            return;
        }
        String[] texts = new String[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            texts[i] = LogArguments.text(parameters[i]);
        }
        out.message(formatter.format(message, parameters), message, texts);
    }

    /**
     * The pattern and its parameters, formatted on the SDK's worker when an event carries the
     * breadcrumb, when the parameters cannot change meanwhile; otherwise the text JUL would show.
     */
    @Override
    public void line(LogRecord record, LogLevel level, LogFrontEnd.Lines lines) {
        Instant time = record.getInstant();
        String message = JulMessage.localized(record);
        Object[] parameters = record.getParameters();
        Object arguments = null;
        if (JulMessage.fills(message, parameters, printfStyle)) {
            if (!LogArguments.allImmutable(parameters)) {
                message = formatter.format(message, parameters);
            } else if (parameters.length == 1 && parameters[0] != null) {
                arguments = parameters[0]; // immutable, so never itself an array
            } else {
                arguments = parameters.clone();
            }
        }
        lines.add(time.getEpochSecond(), time.getNano(), level, record.getLoggerName(), message, arguments);
    }

    @Override
    public LogMessageFormatter formatter() {
        return formatter;
    }

    /**
     * JUL keeps a thread's id as an int: the id itself below {@code Integer.MAX_VALUE / 2}, a made-up one
     * beyond, where the thread counts as not known.
     */
    @SuppressWarnings("deprecation") // getThreadID: the one accessor Java 11 has
    private static boolean onThread(LogRecord record, Thread current) {
        return record.getThreadID() == (int) current.getId();
    }
}
