package org.sentry4j.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.Context;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sentry4j.logging.CallerStack;
import org.sentry4j.logging.LogArguments;
import org.sentry4j.logging.LogEventReader;
import org.sentry4j.logging.LogFrontEnd;
import org.sentry4j.logging.LogLevel;
import org.sentry4j.logging.LogMessageFormatter;
import org.sentry4j.logging.LogRecord;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;

/**
 * How the front-end reads a Logback event. The snapshot takes references where Logback's values are
 * already immutable (formatted message, MDC snapshot, throwable), strings where they are the caller's
 * objects (arguments, key-values). One per appender: the context map it marks is its context's MDC.
 */
final class LogbackEvents implements LogEventReader<ILoggingEvent> {
    private static final int MAX_MARKER_DEPTH = 8;
    /** {@code arrayFormat}: the formatter SLF4J 1.7 and 2.0 both have (Logback has taken any throwable out). */
    private static final LogMessageFormatter FORMATTER = (template, args) -> MessageFormatter.arrayFormat(template, args).getMessage();

    private final Context context;

    LogbackEvents(Context context) {
        this.context = context;
    }

    static LogLevel level(int levelInt) {
        if (levelInt >= Level.ERROR_INT) {
            return LogLevel.ERROR;
        }
        if (levelInt >= Level.WARN_INT) {
            return LogLevel.WARN;
        }
        if (levelInt >= Level.INFO_INT) {
            return LogLevel.INFO;
        }
        return levelInt >= Level.DEBUG_INT ? LogLevel.DEBUG : LogLevel.TRACE;
    }

    /** A threshold: OFF is null, ALL is TRACE. */
    static LogLevel threshold(Level level) {
        return level.toInt() == Level.OFF_INT ? null : level(level.toInt());
    }

    @Override
    public LogLevel level(ILoggingEvent event) {
        return level(event.getLevel().toInt());
    }

    @Override
    public String threadName(ILoggingEvent event) {
        return event.getThreadName();
    }

    @Override
    public Instant timestamp(ILoggingEvent event) {
        return LogbackApi.instant(event);
    }

    @Override
    public String loggerName(ILoggingEvent event) {
        return event.getLoggerName();
    }

    @Override
    public String formattedMessage(ILoggingEvent event) {
        return event.getFormattedMessage();
    }

    /** The caught throwable, when the event still has it (not one that arrived as a description). */
    @Override
    public Throwable throwable(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        return proxy instanceof ThrowableProxy ? ((ThrowableProxy) proxy).getThrowable() : null;
    }

    /** The event itself, made safe to read on the worker (in beforeSend): it caches what is thread-bound. */
    @Override
    public Object original(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        return event;
    }

    @Override
    public void snapshot(ILoggingEvent event, LogRecord.Builder b, boolean callerStack) {
        String threadName = event.getThreadName();
        long threadId = threadIdOf(threadName);
        b.thread(threadName, threadId)
                .contextData(event.getMDCPropertyMap())
                .message(event.getFormattedMessage(), event.getMessage(), params(event.getArgumentArray()));
        IThrowableProxy proxy = event.getThrowableProxy();
        if (proxy instanceof ThrowableProxy) {
            b.throwable(((ThrowableProxy) proxy).getThrowable());
        } else if (proxy != null) {
            b.describedThrowable(proxy, ProxyExceptions.READER); // a deserialized event: its description is fixed
        } else if (callerStack) {
            b.callerStack(callerStack(event, threadId != LogRecord.UNKNOWN_THREAD_ID));
        }
        List<Marker> markers = LogbackApi.markers(event);
        if (markers != null && !markers.isEmpty()) {
            b.markers(markerNames(markers));
        }
        Map<String, Object> keyValues = LogbackApi.keyValues(event);
        if (keyValues != null) {
            b.keyValues(keyValues);
        }
    }

    /**
     * The message is formatted when an event carries the breadcrumb, on the worker, from the template and
     * the arguments (Logback has already taken a throwable out of them) — unless an argument could
     * change meanwhile. The breadcrumb does not keep the event: a pending event's trail stays small.
     * Nor does it keep the event's argument array, which may be the caller's own (SLF4J passes an
     * explicit {@code Object[]} through, whatever its length) and reused after the call: one argument
     * is kept by itself, more in a copy.
     */
    @Override
    public void line(ILoggingEvent event, LogLevel level, LogFrontEnd.Lines lines) {
        Instant time = LogbackApi.instant(event);
        String template = event.getMessage();
        Object[] args = event.getArgumentArray();
        Object kept = null;
        if (args != null && args.length > 0) {
            if (!LogArguments.allImmutable(args)) {
                template = event.getFormattedMessage();
            } else if (args.length == 1 && args[0] != null) {
                kept = args[0]; // immutable, so never itself an array
            } else {
                kept = args.clone();
            }
        }
        lines.add(time.getEpochSecond(), time.getNano(), level, event.getLoggerName(), template, kept);
    }

    @Override
    public LogMessageFormatter formatter() {
        return FORMATTER;
    }

    @Override
    public boolean hasContext(ILoggingEvent event, String key) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        return mdc != null && mdc.containsKey(key);
    }

    @Override
    public void putContext(String key, String value) {
        MDCAdapter mdc = mdc();
        if (mdc != null) {
            mdc.put(key, value);
        }
    }

    @Override
    public void removeContext(String key) {
        MDCAdapter mdc = mdc();
        if (mdc != null) {
            mdc.remove(key);
        }
    }

    /** The MDC this appender's records are made from; none outside a {@link LoggerContext}. */
    private MDCAdapter mdc() {
        return context instanceof LoggerContext ? LogbackApi.mdc((LoggerContext) context) : null;
    }

    /**
     * Where a record without an exception was logged: walked here on the logging thread; behind an
     * {@code AsyncAppender}, the caller data it kept ({@code includeCallerData}), else none.
     */
    private static StackTraceElement[] callerStack(ILoggingEvent event, boolean onLoggingThread) {
        if (onLoggingThread) {
            return CallerStack.here();
        }
        StackTraceElement[] callerData = event.hasCallerData() ? event.getCallerData() : null;
        return callerData == null || callerData.length == 0 ? null : callerData;
    }

    /**
     * Logback records the thread's name, not its id. The current thread is the logging thread unless an
     * async appender handed the event over, which shows as a different name; then the id is unknown.
     */
    private static long threadIdOf(String threadName) {
        Thread current = Thread.currentThread();
        String currentName = current.getName();
        // Identity first: Logback stored the very string Thread.getName() returned.
        return threadName == currentName || (threadName != null && threadName.equals(currentName))
                ? current.getId() : LogRecord.UNKNOWN_THREAD_ID;
    }

    /**
     * The arguments as text, only when all are of immutable types (whose {@code toString()} is cheap and
     * fixed): another argument's text is in the formatted message, which Logback makes once per event and
     * keeps, and a second {@code toString()} on the logging thread would double its cost (one that blocks,
     * or logs, would do so twice).
     */
    private static String[] params(Object[] args) {
        if (args == null || args.length == 0 || !LogArguments.allImmutable(args)) {
            return null;
        }
        String[] out = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = LogArguments.text(args[i]); // a broken toString() must not break logging
        }
        return out;
    }

    private static List<String> markerNames(List<Marker> markers) {
        List<String> names = new ArrayList<>(markers.size());
        for (Marker m : markers) {
            addMarker(m, names, 0);
        }
        return names;
    }

    private static void addMarker(Marker marker, List<String> names, int depth) {
        if (marker == null || depth > MAX_MARKER_DEPTH || names.contains(marker.getName())) {
            return;
        }
        names.add(marker.getName());
        if (marker.hasReferences()) {
            Iterator<Marker> it = marker.iterator();
            while (it.hasNext()) {
                addMarker(it.next(), names, depth + 1);
            }
        }
    }

    /** Immutable values as they are; collections as lists of strings; anything else as its text. */
    static Object snapshot(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Float
                || value instanceof Short || value instanceof Byte || value instanceof BigDecimal
                || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Collection) {
            List<String> items = new ArrayList<>();
            try {
                for (Object item : (Collection<?>) value) {
                    items.add(LogArguments.text(item));
                }
            } catch (RuntimeException e) { // concurrently modified by the application
                return LogArguments.text(value);
            }
            return items;
        }
        return LogArguments.text(value);
    }
}
