package org.sentry4j.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sentry4j.LogCapture;
import org.sentry4j.SentryLevel;
import org.sentry4j.logging.CallerStack;
import org.sentry4j.logging.LogArguments;
import org.sentry4j.logging.LogRecord;
import org.sentry4j.protocol.Mechanism;
import org.slf4j.Marker;

/**
 * Takes what a Logback event knows into a {@link LogRecord} on the logging thread: references where
 * Logback's values are already immutable (formatted message, MDC snapshot, throwable), strings where they
 * are the caller's objects (arguments, key-values). Everything else happens on the SDK's worker.
 */
final class RecordSnapshot {
    private static final int MAX_MARKER_DEPTH = 8;

    private RecordSnapshot() {
    }

    static SentryLevel level(int levelInt) {
        if (levelInt >= Level.ERROR_INT) {
            return SentryLevel.ERROR;
        }
        if (levelInt >= Level.WARN_INT) {
            return SentryLevel.WARNING;
        }
        return levelInt >= Level.INFO_INT ? SentryLevel.INFO : SentryLevel.DEBUG;
    }

    /**
     * @param keepOriginal whether the event itself goes along, for a callback's hint; otherwise it (and
     *                     its throwable proxy, several KB) need not live while the capture waits
     */
    static LogRecord of(ILoggingEvent event, SentryLevel level, Mechanism mechanism, boolean keepOriginal) {
        String threadName = event.getThreadName();
        long threadId = threadIdOf(threadName);
        LogRecord.Builder b = LogRecord.builder()
                .timestamp(LogbackApi.instant(event))
                .level(level)
                .loggerName(event.getLoggerName())
                .thread(threadName, threadId)
                .contextData(event.getMDCPropertyMap())
                .original(keepOriginal ? event : null);
        String formatted = event.getFormattedMessage();
        String template = event.getMessage();
        b.message(formatted, template, params(event.getArgumentArray()));
        IThrowableProxy proxy = event.getThrowableProxy();
        if (proxy instanceof ThrowableProxy) {
            b.throwable(((ThrowableProxy) proxy).getThrowable());
        } else if (proxy != null) {
            b.exceptions(ProxyExceptions.convert(proxy, mechanism,
                    threadId == LogRecord.UNKNOWN_THREAD_ID ? null : threadId));
        } else if (LogCapture.attachesStacktrace()) {
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
        if (keepOriginal) {
            // Makes the event itself safe to read on the worker (in beforeSend): it caches what is thread-bound.
            event.prepareForDeferredProcessing();
        }
        return b.build();
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

    /** The caught throwable, when the event still has it. */
    static Throwable throwable(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        return proxy instanceof ThrowableProxy ? ((ThrowableProxy) proxy).getThrowable() : null;
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
            out[i] = text(args[i]);
        }
        return out;
    }

    private static String text(Object value) {
        return LogArguments.text(value); // a broken toString() must not break logging
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
                    items.add(text(item));
                }
            } catch (RuntimeException e) { // concurrently modified by the application
                return text(value);
            }
            return items;
        }
        return text(value);
    }
}
