package org.sentry4j.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The shape of a {@code log} envelope item, written from Sentry's log protocol (there is no schema for
 * it): the item header ({@code content_type}, {@code item_count} equal to the logs it holds, at most 100),
 * the payload ({@code {"items":[…]}}), and each log's fields — {@code timestamp} (seconds, a number),
 * {@code trace_id} (32 hex), {@code span_id} (16 hex), {@code level} (trace … fatal, {@code warn} not
 * {@code warning}), {@code severity_number} within its level's range, {@code body} — and typed
 * attributes ({@code {"value", "type"}} whose value matches its type); no template without a parameter;
 * nothing else.
 */
public final class LogItemShape {
    public static final String CONTENT_TYPE = "application/vnd.sentry.items.log+json";
    private static final Set<String> FIELDS = Set.of("timestamp", "trace_id", "span_id", "level", "body",
            "severity_number", "attributes");
    private static final Map<String, Integer> LOWEST_SEVERITY = Map.of("trace", 1, "debug", 5, "info", 9,
            "warn", 13, "error", 17, "fatal", 21);
    private static final Set<String> TYPES = Set.of("string", "boolean", "integer", "double", "string[]",
            "boolean[]", "integer[]", "double[]");

    private LogItemShape() {
    }

    /** A log's attribute value as text; null when the log has no such attribute. */
    public static String attribute(JsonObject log, String name) {
        JsonObject a = log.getAsJsonObject("attributes").getAsJsonObject(name);
        return a == null ? null : a.get("value").getAsString();
    }

    /** Each rule the item breaks, as "path: what is wrong"; empty when it has none. */
    public static List<String> violations(JsonObject itemHeader, JsonObject payload) {
        List<String> out = new ArrayList<>();
        if (!"log".equals(string(itemHeader.get("type")))) {
            out.add("header.type: must be \"log\", was " + itemHeader.get("type"));
        }
        if (!CONTENT_TYPE.equals(string(itemHeader.get("content_type")))) {
            out.add("header.content_type: must be " + CONTENT_TYPE + ", was " + itemHeader.get("content_type"));
        }
        for (String key : payload.keySet()) {
            if (!key.equals("items")) {
                out.add(key + ": not a field of a log item's payload");
            }
        }
        JsonElement items = payload.get("items");
        if (items == null || !items.isJsonArray()) {
            out.add("items: required array");
            return out;
        }
        JsonArray logs = items.getAsJsonArray();
        JsonElement count = itemHeader.get("item_count");
        if (!isInteger(count) || count.getAsLong() != logs.size()) {
            out.add("header.item_count: must be the number of logs (" + logs.size() + "), was " + count);
        }
        if (logs.size() < 1 || logs.size() > 100) {
            out.add("items: 1 to 100 logs per item, was " + logs.size());
        }
        for (int i = 0; i < logs.size(); i++) {
            String path = "items[" + i + "]";
            if (!logs.get(i).isJsonObject()) {
                out.add(path + ": must be an object");
            } else {
                log(out, path, logs.get(i).getAsJsonObject());
            }
        }
        return out;
    }

    /** Fails with every violation. */
    public static void assertValid(JsonObject itemHeader, JsonObject payload) {
        List<String> v = violations(itemHeader, payload);
        if (!v.isEmpty()) {
            throw new AssertionError("log item breaks the log protocol:\n  " + String.join("\n  ", v)
                    + "\nheader: " + itemHeader + "\npayload: " + payload);
        }
    }

    private static void log(List<String> out, String path, JsonObject log) {
        for (String key : log.keySet()) {
            if (!FIELDS.contains(key)) {
                out.add(path + "." + key + ": not a field of a log");
            }
        }
        JsonElement timestamp = log.get("timestamp");
        if (!(timestamp instanceof JsonPrimitive && ((JsonPrimitive) timestamp).isNumber())
                || timestamp.getAsDouble() <= 0) {
            out.add(path + ".timestamp: required, seconds since the epoch as a number, was " + timestamp);
        }
        hex(out, path + ".trace_id", log.get("trace_id"), 32, true);
        hex(out, path + ".span_id", log.get("span_id"), 16, false);
        String level = string(log.get("level"));
        if (level == null || !LOWEST_SEVERITY.containsKey(level)) {
            out.add(path + ".level: one of trace, debug, info, warn, error, fatal; was " + log.get("level"));
        }
        JsonElement severity = log.get("severity_number");
        if (severity != null) {
            long lowest = level != null && LOWEST_SEVERITY.containsKey(level) ? LOWEST_SEVERITY.get(level) : 1;
            if (!isInteger(severity) || severity.getAsLong() < lowest || severity.getAsLong() > lowest + 3) {
                out.add(path + ".severity_number: within " + lowest + "-" + (lowest + 3) + " for " + level
                        + ", was " + severity);
            }
        }
        if (string(log.get("body")) == null) {
            out.add(path + ".body: required string, was " + log.get("body"));
        }
        JsonElement attributes = log.get("attributes");
        if (attributes == null) {
            return;
        }
        if (!attributes.isJsonObject()) {
            out.add(path + ".attributes: must be an object");
            return;
        }
        Set<String> names = new HashSet<>(attributes.getAsJsonObject().keySet());
        for (Map.Entry<String, JsonElement> a : attributes.getAsJsonObject().entrySet()) {
            attribute(out, path + ".attributes." + a.getKey(), a.getValue());
        }
        if (names.contains("sentry.message.template")
                && names.stream().noneMatch(n -> n.startsWith("sentry.message.parameter."))) {
            out.add(path + ".attributes.sentry.message.template: must not be sent without a parameter");
        }
    }

    private static void attribute(List<String> out, String path, JsonElement attribute) {
        if (!attribute.isJsonObject()) {
            out.add(path + ": must be {\"value\", \"type\"}, was " + attribute);
            return;
        }
        JsonObject a = attribute.getAsJsonObject();
        for (String key : a.keySet()) {
            if (!key.equals("value") && !key.equals("type") && !key.equals("unit")) {
                out.add(path + "." + key + ": not a field of an attribute");
            }
        }
        String type = string(a.get("type"));
        JsonElement value = a.get("value");
        if (type == null || !TYPES.contains(type)) {
            out.add(path + ".type: one of " + TYPES + ", was " + a.get("type"));
            return;
        }
        if (value == null || value.isJsonNull()) {
            out.add(path + ".value: required");
            return;
        }
        if (type.endsWith("[]")) {
            if (!value.isJsonArray()) {
                out.add(path + ".value: an array for " + type + ", was " + value);
                return;
            }
            for (JsonElement v : value.getAsJsonArray()) {
                scalar(out, path + ".value[]", type.substring(0, type.length() - 2), v);
            }
        } else {
            scalar(out, path + ".value", type, value);
        }
    }

    private static void scalar(List<String> out, String path, String type, JsonElement v) {
        boolean ok;
        switch (type) {
            case "string":
                ok = string(v) != null;
                break;
            case "boolean":
                ok = v instanceof JsonPrimitive && ((JsonPrimitive) v).isBoolean();
                break;
            case "integer":
                ok = isInteger(v);
                break;
            default: // double
                ok = v instanceof JsonPrimitive && ((JsonPrimitive) v).isNumber();
                break;
        }
        if (!ok) {
            out.add(path + ": not a " + type + ": " + v);
        }
    }

    private static void hex(List<String> out, String path, JsonElement v, int length, boolean required) {
        String s = string(v);
        if (v == null && !required) {
            return;
        }
        if (s == null || !s.matches("[0-9a-f]{" + length + "}")) {
            out.add(path + ": " + (required ? "required, " : "") + length + " lowercase hex characters, was " + v);
        }
    }

    private static boolean isInteger(JsonElement v) {
        if (!(v instanceof JsonPrimitive) || !((JsonPrimitive) v).isNumber()) {
            return false;
        }
        String text = v.getAsString();
        return text.matches("-?[0-9]+");
    }

    private static String string(JsonElement v) {
        return v instanceof JsonPrimitive && ((JsonPrimitive) v).isString() ? v.getAsString() : null;
    }
}
