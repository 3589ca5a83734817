package org.sentry4j.testkit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Our own structural rules for the events we send, written from the protocol (event payload, exception,
 * stack trace, breadcrumb and SDK interfaces): the fields an event the SDK built must have, the type and
 * shape of every field, and no top-level field Sentry does not know. They run on every event, with or without Sentry's
 * own schema beside the clone ({@link EventSchema} adds that check when it is there), so a clone on its
 * own still catches a malformed event.
 */
public final class EventStructure {
    private static final Set<String> TOP_LEVEL = Set.of("event_id", "timestamp", "platform", "level", "logger",
            "transaction", "server_name", "release", "dist", "environment", "exception", "threads", "tags",
            "extra", "contexts", "fingerprint", "breadcrumbs", "modules", "sdk", "logentry", "user", "culprit",
            "type", "request", "stacktrace", "debug_meta", "errors", "received", "time_spent", "version",
            "transaction_info");
    private static final Set<String> LEVELS = Set.of("debug", "info", "warning", "error", "fatal");
    private static final Set<String> TOP_LEVEL_STRINGS = Set.of("logger", "transaction", "server_name", "release",
            "dist", "environment", "culprit");

    private EventStructure() {
    }

    /** Each rule {@code event} breaks, as "path: what is wrong"; empty when it has none. */
    public static List<String> violations(JsonObject event) {
        List<String> out = new ArrayList<>();
        for (String key : event.keySet()) {
            if (!TOP_LEVEL.contains(key)) {
                out.add(key + ": not a field of Sentry's event payload");
            }
        }
        JsonElement id = event.get("event_id");
        if (!isString(id) || !id.getAsString().matches("[0-9a-f]{32}")) {
            out.add("event_id: must be 32 lowercase hex characters, was " + id);
        }
        // An event the SDK built names its sdk and must say when and where it happened; the transport
        // tests' hand-made payloads (an id, a level, a message) only have to be well-formed.
        boolean builtBySdk = event.has("sdk");
        if (event.get("timestamp") != null) {
            timestamp(out, "timestamp", event.get("timestamp"));
        } else if (builtBySdk) {
            out.add("timestamp: required");
        }
        JsonElement platform = event.get("platform");
        if (builtBySdk ? !isString(platform) || !platform.getAsString().equals("java") : platform != null && !isString(platform)) {
            out.add("platform: must be \"java\", was " + platform);
        }
        optionalLevel(out, "level", event.get("level"));
        for (String key : TOP_LEVEL_STRINGS) {
            optionalString(out, key, event.get(key));
        }
        optional(event, "sdk", sdk -> sdk(out, sdk));
        optional(event, "exception", e -> values(out, "exception", e, EventStructure::exception));
        optional(event, "threads", t -> values(out, "threads", t, EventStructure::thread));
        optional(event, "breadcrumbs", b -> values(out, "breadcrumbs", b, EventStructure::breadcrumb));
        optional(event, "tags", t -> tags(out, t));
        optional(event, "extra", x -> object(out, "extra", x));
        optional(event, "contexts", c -> contexts(out, c));
        optional(event, "fingerprint", f -> stringArray(out, "fingerprint", f));
        optional(event, "modules", m -> stringMap(out, "modules", m));
        optional(event, "user", u -> user(out, u));
        optional(event, "logentry", l -> logentry(out, l));
        return out;
    }

    /** Fails with every broken rule listed when {@code event} is malformed. */
    public static void assertValid(JsonObject event) {
        List<String> v = violations(event);
        if (!v.isEmpty()) {
            throw new AssertionError("event breaks the event structure:\n  " + String.join("\n  ", v)
                    + "\nevent: " + event);
        }
    }

    private interface Check {
        void apply(List<String> out, String path, JsonObject value);
    }

    private interface FieldCheck {
        void apply(JsonElement value);
    }

    private static void optional(JsonObject parent, String key, FieldCheck check) {
        JsonElement value = parent.get(key);
        if (value != null && !value.isJsonNull()) {
            check.apply(value);
        }
    }

    /** The {@code {"values": [...]}} shape of exception, threads and breadcrumbs. */
    private static void values(List<String> out, String path, JsonElement holder, Check each) {
        if (!holder.isJsonObject() || !holder.getAsJsonObject().has("values")
                || !holder.getAsJsonObject().get("values").isJsonArray()) {
            out.add(path + ": must be an object with a \"values\" array, was " + holder);
            return;
        }
        JsonArray values = holder.getAsJsonObject().getAsJsonArray("values");
        for (int i = 0; i < values.size(); i++) {
            String at = path + ".values[" + i + "]";
            if (!values.get(i).isJsonObject()) {
                out.add(at + ": must be an object");
            } else {
                each.apply(out, at, values.get(i).getAsJsonObject());
            }
        }
    }

    private static void exception(List<String> out, String path, JsonObject ex) {
        if (!isString(ex.get("type")) && !isString(ex.get("value"))) {
            out.add(path + ": needs a type or a value");
        }
        optionalString(out, path + ".type", ex.get("type"));
        optionalString(out, path + ".value", ex.get("value"));
        optionalString(out, path + ".module", ex.get("module"));
        optionalIdentifier(out, path + ".thread_id", ex.get("thread_id"));
        optional(ex, "mechanism", m -> mechanism(out, path + ".mechanism", m));
        optional(ex, "stacktrace", s -> stacktrace(out, path + ".stacktrace", s));
    }

    private static void mechanism(List<String> out, String path, JsonElement m) {
        if (!m.isJsonObject()) {
            out.add(path + ": must be an object");
            return;
        }
        JsonObject o = m.getAsJsonObject();
        if (!isString(o.get("type")) || o.get("type").getAsString().isEmpty()) {
            out.add(path + ".type: required string");
        }
        optionalBoolean(out, path + ".handled", o.get("handled"));
        optionalBoolean(out, path + ".synthetic", o.get("synthetic"));
        optionalBoolean(out, path + ".is_exception_group", o.get("is_exception_group"));
        optionalString(out, path + ".source", o.get("source"));
        optionalCount(out, path + ".exception_id", o.get("exception_id"));
        optionalCount(out, path + ".parent_id", o.get("parent_id"));
        optional(o, "data", d -> object(out, path + ".data", d));
    }

    private static void stacktrace(List<String> out, String path, JsonElement s) {
        if (!s.isJsonObject() || !s.getAsJsonObject().has("frames") || !s.getAsJsonObject().get("frames").isJsonArray()) {
            out.add(path + ": must be an object with a \"frames\" array, was " + s);
            return;
        }
        JsonArray frames = s.getAsJsonObject().getAsJsonArray("frames");
        for (int i = 0; i < frames.size(); i++) {
            String at = path + ".frames[" + i + "]";
            if (!frames.get(i).isJsonObject()) {
                out.add(at + ": must be an object");
                continue;
            }
            JsonObject f = frames.get(i).getAsJsonObject();
            optionalString(out, at + ".module", f.get("module"));
            optionalString(out, at + ".function", f.get("function"));
            optionalString(out, at + ".filename", f.get("filename"));
            optionalString(out, at + ".abs_path", f.get("abs_path"));
            optionalCount(out, at + ".lineno", f.get("lineno"));
            optionalCount(out, at + ".colno", f.get("colno"));
            optionalBoolean(out, at + ".in_app", f.get("in_app"));
            optionalBoolean(out, at + ".native", f.get("native"));
        }
    }

    private static void thread(List<String> out, String path, JsonObject t) {
        optionalIdentifier(out, path + ".id", t.get("id"));
        optionalString(out, path + ".name", t.get("name"));
        optionalBoolean(out, path + ".current", t.get("current"));
        optionalBoolean(out, path + ".crashed", t.get("crashed"));
        optionalBoolean(out, path + ".main", t.get("main"));
        optional(t, "stacktrace", s -> stacktrace(out, path + ".stacktrace", s));
    }

    private static void breadcrumb(List<String> out, String path, JsonObject b) {
        if (b.get("timestamp") == null) {
            out.add(path + ".timestamp: required");
        } else {
            timestamp(out, path + ".timestamp", b.get("timestamp"));
        }
        optionalString(out, path + ".type", b.get("type"));
        optionalString(out, path + ".category", b.get("category"));
        optionalString(out, path + ".message", b.get("message"));
        optionalLevel(out, path + ".level", b.get("level"));
        optional(b, "data", d -> object(out, path + ".data", d));
    }

    private static void sdk(List<String> out, JsonElement sdk) {
        if (!sdk.isJsonObject()) {
            out.add("sdk: must be an object, was " + sdk);
            return;
        }
        JsonObject o = sdk.getAsJsonObject();
        for (String key : List.of("name", "version")) {
            if (!isString(o.get(key)) || o.get(key).getAsString().isEmpty()) {
                out.add("sdk." + key + ": required string");
            }
        }
        optional(o, "integrations", i -> stringArray(out, "sdk.integrations", i));
        optional(o, "packages", p -> {
            if (!p.isJsonArray()) {
                out.add("sdk.packages: must be an array");
                return;
            }
            for (JsonElement pkg : p.getAsJsonArray()) {
                if (!pkg.isJsonObject() || !isString(pkg.getAsJsonObject().get("name"))
                        || !isString(pkg.getAsJsonObject().get("version"))) {
                    out.add("sdk.packages: each must have a name and a version string, was " + pkg);
                }
            }
        });
    }

    private static void tags(List<String> out, JsonElement tags) {
        if (tags.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : tags.getAsJsonObject().entrySet()) {
                if (!e.getValue().isJsonNull() && !isString(e.getValue())) {
                    out.add("tags." + e.getKey() + ": must be a string, was " + e.getValue());
                }
            }
        } else if (tags.isJsonArray()) {
            for (JsonElement pair : tags.getAsJsonArray()) {
                if (!pair.isJsonArray() || pair.getAsJsonArray().size() != 2) {
                    out.add("tags: each pair must be [key, value], was " + pair);
                }
            }
        } else {
            out.add("tags: must be an object or an array of pairs, was " + tags);
        }
    }

    private static void contexts(List<String> out, JsonElement contexts) {
        if (!contexts.isJsonObject()) {
            out.add("contexts: must be an object");
            return;
        }
        for (Map.Entry<String, JsonElement> e : contexts.getAsJsonObject().entrySet()) {
            if (!e.getValue().isJsonNull() && !e.getValue().isJsonObject()) {
                out.add("contexts." + e.getKey() + ": each context must be an object, was " + e.getValue());
            } else if (e.getValue().isJsonObject()) {
                optionalString(out, "contexts." + e.getKey() + ".type", e.getValue().getAsJsonObject().get("type"));
            }
        }
    }

    private static void user(List<String> out, JsonElement user) {
        if (!user.isJsonObject()) {
            out.add("user: must be an object");
            return;
        }
        JsonObject u = user.getAsJsonObject();
        for (String key : List.of("id", "username", "email", "ip_address", "name", "segment")) {
            optionalString(out, "user." + key, u.get(key));
        }
        optional(u, "data", d -> object(out, "user.data", d));
    }

    private static void logentry(List<String> out, JsonElement entry) {
        if (!entry.isJsonObject()) {
            out.add("logentry: must be an object");
            return;
        }
        JsonObject l = entry.getAsJsonObject();
        if (!isString(l.get("message")) && !isString(l.get("formatted"))) {
            out.add("logentry: needs a message or a formatted string");
        }
        optionalString(out, "logentry.message", l.get("message"));
        optionalString(out, "logentry.formatted", l.get("formatted"));
        optional(l, "params", p -> {
            if (!p.isJsonArray() && !p.isJsonObject()) {
                out.add("logentry.params: must be an array or an object, was " + p);
            }
        });
    }

    /** An RFC 3339 string in UTC, or non-negative Unix seconds. */
    private static void timestamp(List<String> out, String path, JsonElement ts) {
        if (ts.isJsonPrimitive() && ts.getAsJsonPrimitive().isNumber()) {
            if (ts.getAsDouble() < 0) {
                out.add(path + ": must not be negative");
            }
        } else if (isString(ts)) {
            try {
                if (!OffsetDateTime.parse(ts.getAsString()).getOffset().equals(ZoneOffset.UTC)) {
                    out.add(path + ": must be UTC, was " + ts);
                }
            } catch (DateTimeParseException e) {
                out.add(path + ": not an RFC 3339 timestamp: " + ts);
            }
        } else {
            out.add(path + ": must be a number or a string, was " + ts);
        }
    }

    private static void object(List<String> out, String path, JsonElement value) {
        if (!value.isJsonObject()) {
            out.add(path + ": must be an object, was " + value);
        }
    }

    private static void stringArray(List<String> out, String path, JsonElement value) {
        if (!value.isJsonArray()) {
            out.add(path + ": must be an array of strings, was " + value);
            return;
        }
        for (JsonElement e : value.getAsJsonArray()) {
            if (!isString(e)) {
                out.add(path + ": must be an array of strings, has " + e);
            }
        }
    }

    private static void stringMap(List<String> out, String path, JsonElement value) {
        if (!value.isJsonObject()) {
            out.add(path + ": must be an object of strings, was " + value);
            return;
        }
        for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
            if (!e.getValue().isJsonNull() && !isString(e.getValue())) {
                out.add(path + "." + e.getKey() + ": must be a string, was " + e.getValue());
            }
        }
    }

    private static void optionalLevel(List<String> out, String path, JsonElement value) {
        if (value != null && !value.isJsonNull() && (!isString(value) || !LEVELS.contains(value.getAsString()))) {
            out.add(path + ": must be one of " + LEVELS + ", was " + value);
        }
    }

    private static void optionalString(List<String> out, String path, JsonElement value) {
        if (value != null && !value.isJsonNull() && !isString(value)) {
            out.add(path + ": must be a string, was " + value);
        }
    }

    private static void optionalBoolean(List<String> out, String path, JsonElement value) {
        if (value != null && !value.isJsonNull()
                && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean())) {
            out.add(path + ": must be a boolean, was " + value);
        }
    }

    /** A whole number, zero or more. */
    private static void optionalCount(List<String> out, String path, JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            out.add(path + ": must be a number, was " + value);
            return;
        }
        double d = value.getAsDouble();
        if (d < 0 || d != Math.rint(d)) {
            out.add(path + ": must be a whole number, zero or more, was " + value);
        }
    }

    /** A thread id: a number or a string. */
    private static void optionalIdentifier(List<String> out, String path, JsonElement value) {
        if (value != null && !value.isJsonNull()
                && !(value.isJsonPrimitive() && (value.getAsJsonPrimitive().isNumber() || isString(value)))) {
            out.add(path + ": must be a number or a string, was " + value);
        }
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && ((JsonPrimitive) e).isString();
    }
}
