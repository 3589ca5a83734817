package org.sentry4j.log4j2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.sentry4j.LogCapture;
import org.sentry4j.SentryLevel;
import org.sentry4j.logging.CallerStack;
import org.sentry4j.logging.LogArguments;
import org.sentry4j.logging.LogRecord;

/**
 * Copies what a {@link LogEvent} holds into a {@link LogRecord} on the logging thread. Log4j2 may reuse
 * the event and its message once {@code append} returns (garbage-free mode), and its parameters and
 * map-message values may be mutable objects: everything is turned into strings or copied here.
 */
final class LogEventSnapshot {
    private static final String[] NO_PARAMS = new String[0];

    private LogEventSnapshot() {
    }

    /** The event's own timestamp, to the nanosecond where Log4j2 has it. */
    static Instant timestamp(LogEvent event) {
        org.apache.logging.log4j.core.time.Instant t = event.getInstant();
        return Instant.ofEpochSecond(t.getEpochSecond(), t.getNanoOfSecond());
    }

    /**
     * @param event    the event being appended; may be mutable and reused afterwards, so everything kept
     *                 is copied or turned into text here
     * @param level    the Sentry level already derived from the event's level
     * @param original an immutable copy for the hint ({@link LogEvent#toImmutable()}), or null when no
     *                 callback will read it
     */
    static LogRecord of(LogEvent event, SentryLevel level, LogEvent original) {
        Message message = event.getMessage();
        Throwable thrown = event.getThrown();
        LogRecord.Builder record = LogRecord.builder()
                .timestamp(timestamp(event))
                .level(level)
                .loggerName(event.getLoggerName())
                .throwable(thrown)
                .thread(event.getThreadName(), event.getThreadId())
                .contextData(contextData(event.getContextData()))
                .markers(markerNames(event.getMarker()))
                .original(original);
        if (thrown == null && LogCapture.attachesStacktrace()) {
            record.callerStack(callerStack(event));
        }
        if (message == null) {
            return record.build();
        }
        if (message instanceof MapMessage) {
            // The fields are the content: they become extras (and fingerprint / tags), not parameters.
            return record.message(message.getFormattedMessage(), null, List.of())
                    .keyValues(fields((MapMessage<?, ?>) message)).build();
        }
        Object[] args = message.getParameters();
        String[] params = params(args, thrown);
        if (params.length == 0) {
            return record.message(message.getFormattedMessage(), null, List.of()).build();
        }
        String format = message.getFormat();
        // Behind <Async> or an async logger Log4j2 formatted the message on the logging thread and keeps
        // that text; formatting it again here, later, could show an argument's later state.
        boolean onLoggingThread = event.getThreadId() == Thread.currentThread().getId();
        String text = onLoggingThread ? formatted(message, format, args, params) : message.getFormattedMessage();
        return record.message(text, format, params).build();
    }

    /**
     * Where a record without an exception was logged: walked here on the logging thread; behind
     * {@code <Async>} or an async logger, the location Log4j2 kept ({@code includeLocation}), else none.
     */
    private static StackTraceElement[] callerStack(LogEvent event) {
        if (event.getThreadId() == Thread.currentThread().getId()) {
            return CallerStack.here();
        }
        StackTraceElement source = event.isIncludeLocation() ? event.getSource() : null;
        return source == null ? null : new StackTraceElement[] {source};
    }

    /** Parameters as text, null kept; a trailing throwable that is the event's exception is not one. */
    private static String[] params(Object[] args, Throwable thrown) {
        if (args == null || args.length == 0) {
            return NO_PARAMS;
        }
        int n = args.length;
        if (thrown != null && args[n - 1] == thrown) {
            n--; // Log4j2 took the extra trailing argument as the event's throwable
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = LogArguments.text(args[i]);
        }
        return out;
    }

    /**
     * The message's text. A {@code {}}-template message whose arguments all print as their
     * {@code toString()} is formatted from the texts just taken, so no argument's {@code toString()} runs
     * twice where Log4j2 left formatting to the appenders (thread-locals off, as in web applications;
     * otherwise Log4j2 formatted the message before any appender ran, and a garbage-free event is no
     * template message here). Log4j2 prints arrays, collections, maps, dates and its formattable values
     * its own way: with any of those the message formats itself.
     */
    private static String formatted(Message message, String format, Object[] args, String[] params) {
        if (format == null
                || !(message instanceof ParameterizedMessage || message instanceof ReusableParameterizedMessage)) {
            return message.getFormattedMessage();
        }
        for (int i = 0; i < params.length; i++) {
            if (!printsAsToString(args[i])) {
                return message.getFormattedMessage();
            }
        }
        Object[] texts = params;
        if (args.length > params.length) { // the event's throwable; printed only if a placeholder is left for it
            texts = Arrays.copyOf(params, args.length, Object[].class);
            texts[params.length] = args[params.length];
        }
        return ParameterizedMessage.format(format, texts);
    }

    private static boolean printsAsToString(Object arg) {
        return arg == null || !(arg.getClass().isArray() || arg instanceof Collection || arg instanceof Map
                || arg instanceof Date || arg instanceof StringBuilderFormattable);
    }

    private static Map<String, String> contextData(ReadOnlyStringMap data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        return Collections.unmodifiableMap(data.toMap()); // toMap is a fresh copy
    }

    /** The marker's name, then its ancestors', depth first, each once. */
    static List<String> markerNames(Marker marker) {
        if (marker == null) {
            return null;
        }
        List<String> names = new ArrayList<>(2);
        collect(marker, names);
        return names;
    }

    private static void collect(Marker marker, List<String> names) {
        if (names.contains(marker.getName())) {
            return;
        }
        names.add(marker.getName());
        if (marker.hasParents()) {
            for (Marker parent : marker.getParents()) {
                collect(parent, names);
            }
        }
    }

    private static Map<String, Object> fields(MapMessage<?, ?> message) {
        if (message.getIndexedReadOnlyStringMap().isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        message.forEach((key, value) -> out.put(key, plain(value)));
        return Collections.unmodifiableMap(out);
    }

    /** Values the event serializer writes as JSON scalars stay as they are; anything else becomes text now. */
    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Float) {
            return value;
        }
        return LogArguments.text(value);
    }
}
