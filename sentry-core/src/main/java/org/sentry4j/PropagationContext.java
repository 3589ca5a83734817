package org.sentry4j;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The trace an event belongs to when the SDK does no performance tracing ("tracing without
 * performance"): a trace id and this process's span id, and, for a trace continued from an incoming
 * request, the caller's span id, its sampling decision and the Sentry entries of its {@code baggage}
 * (the dynamic sampling context, kept as received). Every event carries it as {@code contexts.trace};
 * its envelope carries the dynamic sampling context as the {@code trace} header. Immutable.
 *
 * <p>One is made per client (per process); {@link Sentry#continueTrace} puts a continued one on the
 * current scope; an OpenTelemetry span current on the capturing thread takes precedence over both.
 */
public final class PropagationContext {
    private static final Pattern SENTRY_TRACE = Pattern.compile("^\\s*([0-9a-f]{32})-([0-9a-f]{16})(?:-([01]))?\\s*$");
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");

    private final String traceId;
    private final String spanId;
    private final String parentSpanId;
    private final Boolean sampled;
    /** The incoming baggage's {@code sentry-*} entries, without the prefix; empty when not continued. */
    private final Map<String, String> frozenDsc;
    /** The incoming baggage's other vendors' entries, passed on as they came; empty string for none. */
    private final String thirdPartyBaggage;

    private PropagationContext(String traceId, String spanId, String parentSpanId, Boolean sampled,
                               Map<String, String> frozenDsc, String thirdPartyBaggage) {
        this.traceId = traceId;
        this.spanId = spanId;
        this.parentSpanId = parentSpanId;
        this.sampled = sampled;
        this.frozenDsc = frozenDsc;
        this.thirdPartyBaggage = thirdPartyBaggage;
    }

    /** A new trace: random trace and span ids. */
    public static PropagationContext create(Random random) {
        return new PropagationContext(hex(random, 32), hex(random, 16), null, null, Map.of(), "");
    }

    /**
     * The trace of an incoming request: its {@code sentry-trace} header ({@code <trace_id>-<span_id>[-<sampled>]})
     * and W3C {@code baggage}. The trace id comes from the header, its span id becomes the parent, a
     * new span id is made for this process. A missing or malformed {@code sentry-trace} starts a new
     * trace (the baggage then describes another trace and is not kept).
     */
    public static PropagationContext fromHeaders(String sentryTrace, String baggage, Random random) {
        java.util.regex.Matcher m = sentryTrace == null ? null : SENTRY_TRACE.matcher(sentryTrace);
        if (m == null || !m.matches()) {
            return create(random);
        }
        Boolean sampled = m.group(3) == null ? null : "1".equals(m.group(3));
        Map<String, String> dsc = new LinkedHashMap<>();
        StringBuilder others = new StringBuilder();
        if (baggage != null) {
            for (String entry : baggage.split(",")) {
                String e = entry.trim();
                int eq = e.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = e.substring(0, eq).trim();
                if (key.startsWith("sentry-")) {
                    dsc.put(key.substring("sentry-".length()), decode(e.substring(eq + 1).trim()));
                } else {
                    others.append(others.length() == 0 ? "" : ",").append(e);
                }
            }
        }
        return new PropagationContext(m.group(1), hex(random, 16), m.group(2), sampled,
                Collections.unmodifiableMap(dsc), others.toString());
    }

    /** Ids taken from elsewhere (an OpenTelemetry span, a log record's MDC); null if they are not valid. */
    public static PropagationContext ofIds(String traceId, String spanId, Boolean sampled) {
        if (traceId == null || spanId == null || !TRACE_ID.matcher(traceId).matches()
                || !SPAN_ID.matcher(spanId).matches() || traceId.equals("0".repeat(32))) {
            return null;
        }
        return new PropagationContext(traceId, spanId, null, sampled, Map.of(), "");
    }

    public String traceId() {
        return traceId;
    }

    public String spanId() {
        return spanId;
    }

    /** The span of the caller a trace was continued from, or null. */
    public String parentSpanId() {
        return parentSpanId;
    }

    /** The caller's sampling decision, or null when none was received. */
    public Boolean sampled() {
        return sampled;
    }

    /**
     * An event's {@code contexts.trace} for this trace: trace and span id, the parent span of a continued
     * trace, {@code op} {@code default}; a new mutable map, for the caller to add to.
     */
    public Map<String, Object> traceContext() {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("trace_id", traceId);
        trace.put("span_id", spanId);
        if (parentSpanId != null) {
            trace.put("parent_span_id", parentSpanId);
        }
        trace.put("op", "default");
        return trace;
    }

    /** The value of a {@code sentry-trace} header for an outgoing request. */
    public String sentryTrace() {
        return traceId + "-" + spanId + (sampled == null ? "" : sampled ? "-1" : "-0");
    }

    /**
     * The dynamic sampling context of this trace: the one received with it, or else one made from
     * this SDK's public key, release and environment.
     */
    public Map<String, String> dynamicSamplingContext(String publicKey, String release, String environment) {
        if (!frozenDsc.isEmpty()) {
            return frozenDsc;
        }
        Map<String, String> dsc = new LinkedHashMap<>();
        dsc.put("trace_id", traceId);
        if (publicKey != null) {
            dsc.put("public_key", publicKey);
        }
        if (release != null) {
            dsc.put("release", release);
        }
        if (environment != null) {
            dsc.put("environment", environment);
        }
        if (sampled != null) {
            dsc.put("sampled", sampled.toString());
        }
        return dsc;
    }

    /** The value of a {@code baggage} header for an outgoing request: the DSC, then other vendors' entries. */
    public String baggage(String publicKey, String release, String environment) {
        StringBuilder out = new StringBuilder();
        dynamicSamplingContext(publicKey, release, environment).forEach((k, v) ->
                out.append(out.length() == 0 ? "" : ",").append("sentry-").append(k).append('=').append(encode(v)));
        if (!thirdPartyBaggage.isEmpty()) {
            out.append(out.length() == 0 ? "" : ",").append(thirdPartyBaggage);
        }
        return out.toString();
    }

    private static String hex(Random random, int digits) {
        StringBuilder s = new StringBuilder(digits);
        while (s.length() < digits) {
            String chunk = Long.toHexString(random.nextLong());
            s.append("0".repeat(16 - chunk.length())).append(chunk);
        }
        String id = s.substring(0, digits).toLowerCase(Locale.ROOT);
        return id.chars().allMatch(c -> c == '0') ? hex(random, digits) : id; // all zeros is "invalid"
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    @Override
    public String toString() {
        return "PropagationContext{" + sentryTrace() + (parentSpanId == null ? "" : ", parent " + parentSpanId) + "}";
    }
}
