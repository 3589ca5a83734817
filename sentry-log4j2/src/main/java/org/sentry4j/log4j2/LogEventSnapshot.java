package org.sentry4j.log4j2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.sentry4j.SentryLevel;
import org.sentry4j.logging.LogRecord;

/**
 * Copies what a {@link LogEvent} holds into a {@link LogRecord} on the logging thread. Log4j2 may reuse
 * the event and its message once {@code append} returns (garbage-free mode), and its parameters and
 * map-message values may be mutable objects: everything is turned into strings or copied here.
 */
final class LogEventSnapshot {
    private LogEventSnapshot() {
    }

    /** The event's own timestamp, to the nanosecond where Log4j2 has it. */
    static Instant timestamp(LogEvent event) {
        org.apache.logging.log4j.core.time.Instant t = event.getInstant();
        return Instant.ofEpochSecond(t.getEpochSecond(), t.getNanoOfSecond());
    }

    /**
     * @param event    an immutable event ({@link LogEvent#toImmutable()}), kept as the record's original
     * @param level    the Sentry level already derived from the event's level
     */
    static LogRecord of(LogEvent event, SentryLevel level) {
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
                .original(event);
        if (message == null) {
            return record.build();
        }
        String formatted = message.getFormattedMessage();
        if (message instanceof MapMessage) {
            // The fields are the content: they become extras (and fingerprint / tags), not parameters.
            return record.message(formatted, null, List.of()).keyValues(fields((MapMessage<?, ?>) message)).build();
        }
        List<String> params = params(message, thrown);
        return record.message(formatted, params.isEmpty() ? null : message.getFormat(), params).build();
    }

    /** Parameters as text, null kept; a trailing throwable that is the event's exception is not one. */
    private static List<String> params(Message message, Throwable thrown) {
        Object[] params = message.getParameters();
        if (params == null || params.length == 0) {
            return List.of();
        }
        int n = params.length;
        if (thrown != null && params[n - 1] == thrown) {
            n--; // Log4j2 took the extra trailing argument as the event's throwable
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(params[i] == null ? null : String.valueOf(params[i]));
        }
        return out;
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
        return String.valueOf(value);
    }
}
