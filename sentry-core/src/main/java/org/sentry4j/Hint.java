package org.sentry4j;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an event or breadcrumb came from, handed to {@code beforeSend} / {@code beforeBreadcrumb} so they
 * can look at the original objects: the throwable ({@code exc_info} in other SDKs), the framework's log
 * record ({@code log_record}), an HTTP request, or anything else under a name of your choice.
 * Immutable; never sent to Sentry.
 */
public final class Hint {
    /** Well-known key for the original log record (a Logback {@code ILoggingEvent}, a Log4j2 {@code LogEvent}). */
    public static final String LOG_RECORD = "log_record";
    /** Well-known key for an HTTP request object (for HTTP breadcrumbs). */
    public static final String HTTP_REQUEST = "http_request";
    /** Well-known key for an HTTP response object (for HTTP breadcrumbs). */
    public static final String HTTP_RESPONSE = "http_response";

    private static final Hint EMPTY = new Hint(null, Map.of());

    private final Throwable throwable;
    private final Map<String, Object> values;

    private Hint(Throwable throwable, Map<String, Object> values) {
        this.throwable = throwable;
        this.values = values;
    }

    public static Hint empty() {
        return EMPTY;
    }

    public static Hint ofThrowable(Throwable throwable) {
        return throwable == null ? EMPTY : new Hint(throwable, Map.of());
    }

    public static Hint ofLogRecord(Object logRecord, Throwable throwable) {
        return new Hint(throwable, logRecord == null ? Map.of() : Map.of(LOG_RECORD, logRecord));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The throwable the event was made from, or null. */
    public Throwable throwable() {
        return throwable;
    }

    /** The original log record, or null when the event did not come from a logging framework. */
    public Object logRecord() {
        return values.get(LOG_RECORD);
    }

    public Object get(String key) {
        return values.get(key);
    }

    /** The value under {@code key} if it is a {@code type}, else null. */
    public <T> T get(String key, Class<T> type) {
        Object v = values.get(key);
        return type.isInstance(v) ? type.cast(v) : null;
    }

    /** Never null, immutable. */
    public Map<String, Object> values() {
        return values;
    }

    /** This hint with the throwable set, when it has none yet. */
    Hint withThrowableIfAbsent(Throwable t) {
        if (throwable != null || t == null) {
            return this;
        }
        return new Hint(t, values);
    }

    @Override
    public String toString() {
        return "Hint{throwable=" + throwable + ", keys=" + values.keySet() + "}";
    }

    public static final class Builder {
        private Throwable throwable;
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder throwable(Throwable throwable) {
            this.throwable = throwable;
            return this;
        }

        public Builder logRecord(Object record) {
            return put(LOG_RECORD, record);
        }

        /** Null keys and values are ignored. */
        public Builder put(String key, Object value) {
            if (key != null && value != null) {
                values.put(key, value);
            }
            return this;
        }

        public Hint build() {
            return throwable == null && values.isEmpty() ? EMPTY : new Hint(throwable, Map.copyOf(values));
        }
    }
}
