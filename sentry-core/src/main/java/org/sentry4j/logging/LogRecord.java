package org.sentry4j.logging;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.sentry4j.SentryLevel;
import org.sentry4j.protocol.ExceptionValue;

/**
 * A logging framework's record, reduced to what an event, a breadcrumb or a structured log needs and
 * safe to hand to another thread: everything thread-bound (thread, context map) is captured by value
 * when the front-end builds it ({@link LogFrontEnd}, {@link LogEventReader#snapshot}). Immutable once
 * built.
 */
public final class LogRecord {
    /** The thread id of a record whose logging thread is not known (e.g. one handed over by an async appender). */
    public static final long UNKNOWN_THREAD_ID = -1L;

    private final Instant timestamp;
    private final SentryLevel level;
    private final LogLevel logLevel;
    private final String origin;
    private final String loggerName;
    private final String formattedMessage;
    private final String template;
    /** Null when there are none; a list view is made only when asked (on the worker). */
    private final String[] params;
    private final Throwable throwable;
    private final List<ExceptionValue> exceptions;
    private final Object describedThrowable;
    private final ThrowableReader<Object> throwableReader;
    private final String threadName;
    private final long threadId;
    private final Map<String, String> contextData;
    private final List<String> markers;
    private final Map<String, Object> keyValues;
    private final Object original;
    private final StackTraceElement[] callerStack;

    private LogRecord(Builder b) {
        this.timestamp = b.timestamp != null ? b.timestamp : Instant.now();
        this.logLevel = b.logLevel != null ? b.logLevel : logLevel(b.level);
        this.level = b.level != null ? b.level : this.logLevel.sentryLevel();
        this.origin = b.origin;
        this.loggerName = b.loggerName;
        this.formattedMessage = b.formattedMessage;
        this.template = b.template;
        if (b.ownedParams != null) {
            this.params = b.ownedParams;
        } else {
            this.params = b.params == null || b.params.isEmpty() ? null : b.params.toArray(new String[0]);
        }
        this.throwable = b.throwable;
        this.exceptions = b.exceptions == null ? List.of() : List.copyOf(b.exceptions);
        this.describedThrowable = b.describedThrowable;
        this.throwableReader = b.throwableReader;
        this.threadName = b.threadName;
        this.threadId = b.threadId;
        this.contextData = b.contextData == null ? Map.of() : b.contextData;
        this.markers = b.markers == null ? List.of() : List.copyOf(b.markers);
        this.keyValues = b.keyValues == null ? Map.of() : b.keyValues;
        this.original = b.original;
        this.callerStack = b.callerStack;
    }

    private static LogLevel logLevel(SentryLevel level) {
        if (level == null) {
            return LogLevel.ERROR;
        }
        switch (level) {
            case DEBUG:
                return LogLevel.DEBUG;
            case INFO:
                return LogLevel.INFO;
            case WARNING:
                return LogLevel.WARN;
            case FATAL:
                return LogLevel.FATAL;
            default:
                return LogLevel.ERROR;
        }
    }

    /** The logging call's stack ({@link CallerStack}) for a record without an exception, or null. */
    public StackTraceElement[] callerStack() {
        return callerStack;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Instant timestamp() {
        return timestamp;
    }

    /** The level of an event or breadcrumb made from the record. */
    public SentryLevel level() {
        return level;
    }

    /** The record's own level (trace included, which Sentry's event levels lack). */
    public LogLevel logLevel() {
        return logLevel;
    }

    /** Which front-end made the record, as Sentry's {@code sentry.origin} says it, e.g. {@code auto.log.logback}; or null. */
    public String origin() {
        return origin;
    }

    public String loggerName() {
        return loggerName;
    }

    public String formattedMessage() {
        return formattedMessage;
    }

    /** The message template ({@code "order {} failed"}) or null. */
    public String template() {
        return template;
    }

    /** Parameters as strings, in position; elements may be null. */
    public List<String> params() {
        return params == null ? List.of() : Collections.unmodifiableList(Arrays.asList(params));
    }

    public Throwable throwable() {
        return throwable;
    }

    /**
     * An exception chain the appender built itself, for records whose throwable arrived only as a
     * description (a serialized Logback event); empty otherwise.
     */
    public List<ExceptionValue> exceptions() {
        return exceptions;
    }

    /**
     * A throwable the record only describes (a deserialized Logback event), with {@link #throwableReader()};
     * null otherwise. Turned into the exception chain on the SDK's worker.
     */
    public Object describedThrowable() {
        return describedThrowable;
    }

    /** How to read {@link #describedThrowable()}; null when there is none. */
    public ThrowableReader<Object> throwableReader() {
        return throwableReader;
    }

    public String threadName() {
        return threadName;
    }

    /** The logging thread's id, or {@link #UNKNOWN_THREAD_ID} when the framework did not record it. */
    public long threadId() {
        return threadId;
    }

    /** MDC / ThreadContext, as captured; values may be null. Do not modify. */
    public Map<String, String> contextData() {
        return contextData;
    }

    /** Marker names, parents included. */
    public List<String> markers() {
        return markers;
    }

    /** Structured fields: SLF4J 2 key-value pairs, Log4j2 map-message fields. Do not modify. */
    public Map<String, Object> keyValues() {
        return keyValues;
    }

    /** The framework's own record (an immutable copy where the framework reuses records). */
    public Object original() {
        return original;
    }

    public static final class Builder {
        private Instant timestamp;
        private SentryLevel level;
        private LogLevel logLevel;
        private String origin;
        private String loggerName;
        private String formattedMessage;
        private String template;
        private List<String> params;
        private String[] ownedParams;
        private Throwable throwable;
        private List<ExceptionValue> exceptions;
        private Object describedThrowable;
        private ThrowableReader<Object> throwableReader;
        private String threadName;
        private long threadId = UNKNOWN_THREAD_ID;
        private Map<String, String> contextData;
        private List<String> markers;
        private Map<String, Object> keyValues;
        private Object original;
        private StackTraceElement[] callerStack;

        private Builder() {
        }

        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /** The event's level; the record's own is derived from it unless {@link #level(LogLevel)} sets it. */
        public Builder level(SentryLevel level) {
            this.level = level;
            return this;
        }

        /** The record's level; the event's is derived from it ({@link LogLevel#sentryLevel()}). */
        public Builder level(LogLevel level) {
            this.logLevel = level;
            this.level = level == null ? null : level.sentryLevel();
            return this;
        }

        /** Which front-end made it, e.g. {@code auto.log.logback}. */
        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        public Builder loggerName(String loggerName) {
            this.loggerName = loggerName;
            return this;
        }

        public Builder message(String formatted, String template, List<String> params) {
            this.formattedMessage = formatted;
            this.template = template;
            this.params = params;
            this.ownedParams = null;
            return this;
        }

        /**
         * Like {@link #message(String, String, List)}, taking ownership of {@code params} without a copy:
         * the caller must not change the array afterwards. Elements may be null.
         */
        public Builder message(String formatted, String template, String[] params) {
            this.formattedMessage = formatted;
            this.template = template;
            this.params = null;
            this.ownedParams = params;
            return this;
        }

        public Builder throwable(Throwable throwable) {
            this.throwable = throwable;
            return this;
        }

        public Builder exceptions(List<ExceptionValue> exceptions) {
            this.exceptions = exceptions;
            return this;
        }

        /**
         * A throwable the framework only describes (no {@link Throwable} object: a deserialized or
         * remote event), read through {@code reader} into the exception chain on the SDK's worker: the
         * description must not change afterwards.
         */
        @SuppressWarnings("unchecked")
        public <T> Builder describedThrowable(T root, ThrowableReader<T> reader) {
            this.describedThrowable = root;
            this.throwableReader = root == null ? null : (ThrowableReader<Object>) reader;
            return this;
        }

        public Builder thread(String name, long id) {
            this.threadName = name;
            this.threadId = id;
            return this;
        }

        /** Takes the map as is: pass an immutable snapshot (Logback's and Log4j2's context maps are). */
        public Builder contextData(Map<String, String> contextData) {
            this.contextData = contextData;
            return this;
        }

        public Builder markers(List<String> markers) {
            this.markers = markers;
            return this;
        }

        /** Takes the map as is: pass a snapshot. */
        public Builder keyValues(Map<String, Object> keyValues) {
            this.keyValues = keyValues;
            return this;
        }

        public Builder original(Object original) {
            this.original = original;
            return this;
        }

        /** The logging call's stack, innermost first (see {@link CallerStack#here()}); taken as is. */
        public Builder callerStack(StackTraceElement[] callerStack) {
            this.callerStack = callerStack;
            return this;
        }

        public LogRecord build() {
            return new LogRecord(this);
        }
    }
}
