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
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.sentry4j.logging.CallerStack;
import org.sentry4j.logging.LogArguments;
import org.sentry4j.logging.LogEventReader;
import org.sentry4j.logging.LogFrontEnd;
import org.sentry4j.logging.LogLevel;
import org.sentry4j.logging.LogMessageFormatter;
import org.sentry4j.logging.LogRecord;

/**
 * How the front-end reads a Log4j2 event. Log4j2 may reuse the event and its message once
 * {@code append} returns (garbage-free mode), and its parameters and map-message values may be mutable
 * objects: everything kept is turned into strings or copied here, on the logging thread. Stateless.
 */
final class Log4j2Events implements LogEventReader<LogEvent> {
    static final Log4j2Events INSTANCE = new Log4j2Events();
    private static final String[] NO_PARAMS = new String[0];
    private static final PlaceholderCounts PLACEHOLDERS = new PlaceholderCounts();
    private static final LogMessageFormatter FORMATTER = ParameterizedMessage::format;
    private static final ParameterConsumer<Object[]> FIRST_PARAMETER = (parameter, index, into) -> {
        if (index == 0) {
            into[0] = parameter;
        }
    };

    private Log4j2Events() {
    }

    @Override
    public LogLevel level(LogEvent event) {
        return Severity.toLogLevel(event.getLevel().intLevel());
    }

    @Override
    public String threadName(LogEvent event) {
        return event.getThreadName();
    }

    /** The event's own timestamp, to the nanosecond where Log4j2 has it. */
    @Override
    public Instant timestamp(LogEvent event) {
        org.apache.logging.log4j.core.time.Instant t = event.getInstant();
        return Instant.ofEpochSecond(t.getEpochSecond(), t.getNanoOfSecond());
    }

    @Override
    public String loggerName(LogEvent event) {
        return event.getLoggerName();
    }

    @Override
    public String formattedMessage(LogEvent event) {
        Message message = event.getMessage();
        return message == null ? null : message.getFormattedMessage();
    }

    @Override
    public Throwable throwable(LogEvent event) {
        return event.getThrown();
    }

    /**
     * An immutable copy: Log4j2 may reuse the event. Only for a callback's hint: making it computes the
     * log statement's location (a stack walk), the biggest cost an event had on the logging thread.
     */
    @Override
    public Object original(LogEvent event) {
        return event.toImmutable();
    }

    @Override
    public LogMessageFormatter formatter() {
        return FORMATTER;
    }

    @Override
    public boolean hasContext(LogEvent event, String key) {
        ReadOnlyStringMap context = event.getContextData();
        return context != null && context.containsKey(key);
    }

    @Override
    public void putContext(String key, String value) {
        ThreadContext.put(key, value);
    }

    @Override
    public void removeContext(String key) {
        ThreadContext.remove(key);
    }

    /** Everything kept is copied or turned into text here: the event may be reused afterwards. */
    @Override
    public void snapshot(LogEvent event, LogRecord.Builder record, boolean callerStack) {
        Message message = event.getMessage();
        Throwable thrown = event.getThrown();
        record.throwable(thrown)
                .thread(event.getThreadName(), event.getThreadId())
                .contextData(contextData(event.getContextData()))
                .markers(markerNames(event.getMarker()));
        if (thrown == null && callerStack) {
            record.callerStack(callerStack(event));
        }
        if (message == null) {
            return;
        }
        if (message instanceof MapMessage) {
            // The fields are the content: they become extras (and fingerprint / tags), not parameters.
            record.message(message.getFormattedMessage(), null, List.of()).keyValues(fields((MapMessage<?, ?>) message));
            return;
        }
        Object[] args = message.getParameters();
        String[] params = params(args, thrown);
        if (params.length == 0) {
            record.message(message.getFormattedMessage(), null, List.of());
            return;
        }
        String format = message.getFormat();
        // Behind <Async> or an async logger Log4j2 formatted the message on the logging thread and keeps
        // that text; formatting it again here, later, could show an argument's later state.
        boolean onLoggingThread = event.getThreadId() == Thread.currentThread().getId();
        String text = onLoggingThread ? formatted(message, format, args, params) : message.getFormattedMessage();
        record.message(text, format, params);
    }

    @Override
    public void line(LogEvent event, LogLevel level, LogFrontEnd.Lines lines) {
        org.apache.logging.log4j.core.time.Instant time = event.getInstant(); // reused by Log4j2: read now
        Message message = event.getMessage();
        String template = null;
        Object args = deferrableArguments(message);
        if (args != null) {
            template = message.getFormat();
        } else if (message != null) {
            template = message.getFormattedMessage();
        }
        lines.add(time.getEpochSecond(), time.getNanoOfSecond(), level, event.getLoggerName(), template, args);
    }

    /**
     * The arguments of a {@code {}}-template message (the one argument itself when there is one), when
     * they may be formatted later: a template and its arguments cost less on the logging thread than the
     * formatted text, which the worker makes when an event carries the breadcrumb. A garbage-free
     * {@link MutableLogEvent} is its own message; its one argument is read without copying its
     * parameters. It no longer says which message it was made from: a reusable object message (its
     * object is both format and only parameter) or a custom reusable message whose format is not a
     * {@code {}} template (its placeholders do not match its parameters) is formatted at once.
     */
    private static Object deferrableArguments(Message message) {
        if (message instanceof MutableLogEvent) {
            MutableLogEvent event = (MutableLogEvent) message;
            String format = event.getFormat();
            int count = event.getParameterCount();
            if (format == null || count == 0 || PLACEHOLDERS.of(format) != count) {
                return null; // no arguments, or not a {} template (a custom reusable message)
            }
            if (count > 1) {
                return immutableOrNull(message.getParameters()); // a copy of the event's reused array
            }
            Object[] only = new Object[1]; // stays in registers once forEachParameter is inlined
            event.forEachParameter(FIRST_PARAMETER, only);
            Object arg = only[0];
            return arg == format || !LogArguments.isImmutable(arg) ? null : arg; // an object message, or mutable
        }
        if (!(message instanceof ParameterizedMessage || message instanceof ReusableParameterizedMessage)
                || message.getFormat() == null) {
            return null;
        }
        // These return the caller's own array, which it may reuse and change: the trail keeps a copy.
        Object[] params = message.getParameters();
        if (params != null && params.length == 1) {
            return LogArguments.isImmutable(params[0]) ? params[0] : null;
        }
        Object[] kept = immutableOrNull(params);
        return kept == null ? null : kept.clone();
    }

    private static Object[] immutableOrNull(Object[] params) {
        return params == null || params.length == 0 || !LogArguments.allImmutable(params) ? null : params;
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
