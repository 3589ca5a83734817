package org.sentry4j.logging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sentry4j.Hint;
import org.sentry4j.PropagationContext;
import org.sentry4j.SentryEvent;
import org.sentry4j.internal.EventLimits;
import org.sentry4j.internal.ExceptionConverter;
import org.sentry4j.internal.FrameConverter;
import org.sentry4j.protocol.Mechanism;
import org.sentry4j.protocol.Message;
import org.sentry4j.protocol.ThreadValue;

/**
 * Decides what a log record becomes, for every appender alike:
 * <ul>
 *   <li>level, logger, the record's own timestamp, message with template and parameters;</li>
 *   <li>the throwable as the exception chain, mechanism = the framework's name, handled;</li>
 *   <li>the logging thread as the event's thread;</li>
 *   <li>context data (MDC / ThreadContext) as tags — all keys, or only {@code contextTags} when set —
 *       and everything else, including values that cannot be tags, in {@code contexts.mdc}; the special
 *       keys below (fingerprint, {@code sentry.tag.*}) count there too, whatever {@code contextTags}
 *       says, since Log4j2's SLF4J 2 binding turns key-values into ThreadContext entries;</li>
 *   <li>markers as the {@code marker} tag; structured key-values as extras, except
 *       {@code sentry.fingerprint} (comma-separated, sets the fingerprint) and
 *       {@code sentry.tag.<name>} (sets a tag; a value that cannot be a tag stays an extra). A marker
 *       named {@code sentry.fingerprint:a,b} also sets the fingerprint.</li>
 *   <li>a record without a known thread id ({@link LogRecord#UNKNOWN_THREAD_ID}) names its thread
 *       without an id.</li>
 * </ul>
 */
public final class LogRecordMapper {
    private static final java.util.Set<String> OTEL_KEYS = java.util.Set.of("trace_id", "span_id", "trace_flags");
    public static final String FINGERPRINT_KEY = "sentry.fingerprint";
    public static final String TAG_PREFIX = "sentry.tag.";
    public static final String MDC_CONTEXT = "mdc";

    /** {@code in_app} left undecided: the client's rules settle it on the worker. */
    private static final ExceptionConverter DESCRIBED = new ExceptionConverter(FrameConverter.undecided());

    private final String framework;
    private final Mechanism mechanism;
    private final Set<String> contextTags;

    /**
     * @param framework   the mechanism type and origin, e.g. {@code logback}
     * @param contextTags context keys that become tags; empty means all keys do
     */
    public LogRecordMapper(String framework, Set<String> contextTags) {
        this.framework = framework;
        this.mechanism = Mechanism.of(framework, true);
        this.contextTags = Set.copyOf(contextTags);
    }

    public String framework() {
        return framework;
    }

    /** The same instance every time: every capture of a log record holds it. */
    public Mechanism mechanism() {
        return mechanism;
    }

    public Hint hint(LogRecord record) {
        return Hint.ofLogRecord(record.original(), record.throwable());
    }

    public SentryEvent toEvent(LogRecord r, String eventId) {
        SentryEvent e = new SentryEvent(r.throwable());
        e.setEventId(eventId);
        e.setTimestamp(r.timestamp());
        e.setLevel(r.level());
        e.setLogger(r.loggerName());
        if (r.formattedMessage() != null || r.template() != null) {
            e.setMessage(new Message(r.formattedMessage(), r.template(), r.params()));
        }
        if (r.throwable() == null && !r.exceptions().isEmpty()) {
            e.setExceptions(r.exceptions());
        } else if (r.throwable() == null && r.describedThrowable() != null) {
            e.setExceptions(DESCRIBED.convert(r.describedThrowable(), r.throwableReader(), mechanism,
                    r.threadId() == LogRecord.UNKNOWN_THREAD_ID ? null : r.threadId()));
        }
        if (r.threadName() != null && r.callerStack() == null) { // with a stack, the preparer adds the thread
            List<ThreadValue> threads = new ArrayList<>(1);
            threads.add(new ThreadValue(r.threadId(), r.threadName(), true, true, List.of())); // where it happened
            e.setThreads(threads);
        }
        mapContextData(r.contextData(), e);
        mapMarkers(r.markers(), e);
        mapKeyValues(r.keyValues(), e);
        return e;
    }

    private void mapContextData(Map<String, String> data, SentryEvent e) {
        if (data.isEmpty()) {
            return;
        }
        boolean otelTrace = mapOpenTelemetryTrace(data, e);
        Map<String, Object> mdc = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : data.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (key == null || special(key, value, e) || (otelTrace && OTEL_KEYS.contains(key))) {
                continue;
            }
            boolean wanted = contextTags.isEmpty() || contextTags.contains(key);
            if (wanted && EventLimits.isValidTag(key, value)) {
                e.setTag(key, value);
            } else {
                mdc.put(key, value == null ? "null" : value);
            }
        }
        if (!mdc.isEmpty()) {
            e.setContext(MDC_CONTEXT, mdc);
        }
    }

    /**
     * The OpenTelemetry agent (and its Logback/Log4j2 MDC instrumentation) puts the current span into
     * the logging context as {@code trace_id}, {@code span_id} and {@code trace_flags}: the event then
     * belongs to that trace ({@code contexts.trace}), and those keys, which differ on every request,
     * are not made tags. Returns whether they named a valid span.
     */
    private static boolean mapOpenTelemetryTrace(Map<String, String> data, SentryEvent e) {
        String flags = data.get("trace_flags");
        PropagationContext span = PropagationContext.ofIds(data.get("trace_id"), data.get("span_id"),
                flags == null ? null : flags.endsWith("1"));
        if (span == null) {
            return false;
        }
        e.getContexts().putIfAbsent("trace", span.traceContext());
        return true;
    }

    /**
     * The special keys ({@code sentry.fingerprint}, {@code sentry.tag.<name>}), in key-values and in
     * context data alike: Log4j2's SLF4J 2 binding hands SLF4J's {@code addKeyValue} pairs over as
     * ThreadContext entries. Returns whether the entry was taken; a tag value that cannot be one is left
     * to the ordinary rules.
     */
    private static boolean special(String key, Object value, SentryEvent e) {
        if (value == null) {
            return false;
        }
        if (key.equals(FINGERPRINT_KEY)) {
            e.setFingerprint(value instanceof List ? stringList((List<?>) value) : splitFingerprint(String.valueOf(value)));
            return true;
        }
        if (key.startsWith(TAG_PREFIX) && isValidTag(key.substring(TAG_PREFIX.length()), value)) {
            e.setTag(key.substring(TAG_PREFIX.length()), String.valueOf(value));
            return true;
        }
        return false;
    }

    private static void mapMarkers(List<String> markers, SentryEvent e) {
        if (markers.isEmpty()) {
            return;
        }
        List<String> plain = new ArrayList<>(markers.size());
        for (String marker : markers) {
            if (marker.startsWith(FINGERPRINT_KEY + ":")) {
                e.setFingerprint(splitFingerprint(marker.substring(FINGERPRINT_KEY.length() + 1)));
            } else {
                plain.add(marker);
            }
        }
        if (!plain.isEmpty()) {
            String joined = String.join(",", plain);
            if (EventLimits.isValidTag("marker", joined)) {
                e.setTag("marker", joined);
            } else {
                e.setExtra("markers", plain);
            }
        }
    }

    private static void mapKeyValues(Map<String, Object> keyValues, SentryEvent e) {
        for (Map.Entry<String, Object> kv : keyValues.entrySet()) {
            String key = kv.getKey();
            Object value = kv.getValue();
            if (key != null && !special(key, value, e)) {
                e.setExtra(key, value == null ? "null" : value);
            }
        }
    }

    private static boolean isValidTag(String name, Object value) {
        return value != null && EventLimits.isValidTag(name, String.valueOf(value));
    }

    private static List<String> splitFingerprint(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : text.split(",")) {
            if (!p.isBlank()) {
                parts.add(p.trim());
            }
        }
        return parts;
    }

    private static List<String> stringList(List<?> values) {
        List<String> out = new ArrayList<>(values.size());
        for (Object v : values) {
            if (v != null) {
                out.add(String.valueOf(v));
            }
        }
        return out;
    }
}
