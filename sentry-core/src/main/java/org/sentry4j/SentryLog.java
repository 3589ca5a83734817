package org.sentry4j;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One structured log (Sentry Logs) as {@link BeforeSendLogCallback} sees it, made on the SDK's worker:
 * timestamp, level, body, the trace it belongs to, and typed attributes. Not thread-safe; the SDK hands
 * each log to one callback call and serializes it afterwards.
 *
 * <p>Attribute values are {@link String}, {@link Long}, {@link Double} or {@link Boolean} (sent as
 * {@code string}, {@code integer}, {@code double}, {@code boolean}); an {@code Integer}, {@code Short}
 * or {@code Byte} is sent as an integer and a {@code Float} as a double; anything else, and a
 * non-finite double, as its text.
 */
public final class SentryLog {
    private Instant timestamp;
    private SentryLogLevel level;
    private String body;
    private String traceId;
    private String spanId;
    private final Map<String, Object> attributes;

    /** A log with no attributes; the SDK fills in the trace of the scope it was made in. */
    public SentryLog(Instant timestamp, SentryLogLevel level, String body, String traceId, String spanId) {
        this.timestamp = timestamp;
        this.level = level;
        this.body = body;
        this.traceId = traceId;
        this.spanId = spanId;
        this.attributes = new LinkedHashMap<>();
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Instant timestamp) {
        this.timestamp = timestamp;
    }

    public SentryLogLevel getLevel() {
        return level;
    }

    /** Also sets the {@code severity_number} sent: the level's own. */
    public void setLevel(SentryLogLevel level) {
        this.level = level;
    }

    /** The formatted message. */
    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    /** 32 hex characters: the trace of the scope the log was made in. */
    public String getTraceId() {
        return traceId;
    }

    public void setTraceId(String traceId) {
        this.traceId = traceId;
    }

    /** 16 hex characters, or null. */
    public String getSpanId() {
        return spanId;
    }

    public void setSpanId(String spanId) {
        this.spanId = spanId;
    }

    /** The attributes by name, in the order they are sent; changes are sent (null values are not). */
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    /** Sets one attribute; a null value removes it. */
    public SentryLog setAttribute(String name, Object value) {
        if (name != null) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }
        return this;
    }

    /** One attribute's value, or null. */
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public String toString() {
        return "SentryLog{" + level + " " + body + ", " + attributes.size() + " attribute(s)}";
    }
}
