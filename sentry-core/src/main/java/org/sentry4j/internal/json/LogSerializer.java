package org.sentry4j.internal.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.sentry4j.SentryLog;
import org.sentry4j.SentryLogLevel;

/**
 * Writes structured logs as the payload of one {@code log} envelope item (Sentry's log protocol):
 * {@code {"items":[…]}}, each log with {@code timestamp} (seconds, microsecond precision),
 * {@code trace_id}, {@code span_id}, {@code level}, {@code severity_number}, {@code body} and typed
 * {@code attributes} ({@code {"value":…,"type":"string|integer|double|boolean"}}).
 */
public final class LogSerializer {
    private static final int KEPT_BUFFER_BYTES = 256 * 1024;

    /** One buffer reused from batch to batch (the worker writes one batch at a time). */
    private final AtomicReference<JsonOut> spare = new AtomicReference<>();

    /** Writes {@code logs} and hands the bytes to {@code output} without a copy. */
    public <T> T serialize(List<SentryLog> logs, EventSerializer.Output<T> output) {
        JsonOut taken = spare.getAndSet(null);
        JsonOut out = taken != null ? taken : new JsonOut(16_384);
        try {
            out.beginObject().name("items").beginArray();
            for (SentryLog log : logs) {
                write(out, log);
            }
            out.endArray().endObject();
            return output.take(out.array(), 0, out.size());
        } finally {
            if (out.capacity() <= KEPT_BUFFER_BYTES) {
                out.reset();
                spare.set(out);
            }
        }
    }

    /** As {@link #serialize(List, EventSerializer.Output)}, into a new array. */
    public byte[] serialize(List<SentryLog> logs) {
        return serialize(logs, (bytes, offset, length) -> java.util.Arrays.copyOfRange(bytes, offset, offset + length));
    }

    private static void write(JsonOut out, SentryLog log) {
        SentryLogLevel level = log.getLevel() != null ? log.getLevel() : SentryLogLevel.INFO;
        out.beginObject();
        out.name("timestamp").number(seconds(log.getTimestamp()));
        out.name("trace_id").value(log.getTraceId());
        if (log.getSpanId() != null) {
            out.name("span_id").value(log.getSpanId());
        }
        out.name("level").value(level.wireName());
        out.name("severity_number").value(level.severityNumber());
        out.name("body").value(log.getBody() != null ? log.getBody() : "");
        Map<String, Object> attributes = log.getAttributes();
        if (!attributes.isEmpty()) {
            out.name("attributes").beginObject();
            for (Map.Entry<String, Object> a : attributes.entrySet()) {
                if (a.getKey() != null && a.getValue() != null) {
                    out.name(a.getKey());
                    attribute(out, a.getValue());
                }
            }
            out.endObject();
        }
        out.endObject();
    }

    private static void attribute(JsonOut out, Object v) {
        out.beginObject();
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.name("value").value(((Number) v).longValue()).name("type").value("integer");
        } else if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            out.name("value").value(((Number) v).doubleValue()).name("type").value("double");
        } else if (v instanceof Boolean) {
            out.name("value").value((boolean) (Boolean) v).name("type").value("boolean");
        } else {
            out.name("value").value(v instanceof String ? (String) v : JsonValues.safeToString(v))
                    .name("type").value("string");
        }
        out.endObject();
    }

    /** Seconds since the epoch with six decimals, as Sentry's log protocol's float {@code timestamp}. */
    static String seconds(Instant t) {
        Instant at = t != null ? t : Instant.EPOCH;
        long micros = at.getNano() / 1000;
        String fraction = Long.toString(1_000_000 + micros).substring(1);
        return at.getEpochSecond() + "." + fraction;
    }
}
