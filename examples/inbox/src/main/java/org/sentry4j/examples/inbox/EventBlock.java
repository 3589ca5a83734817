package org.sentry4j.examples.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Renders one event as a short, readable block: what a person looks at first in Sentry's UI, with the
 * raw envelope's file for everything else.
 */
final class EventBlock {
    private static final String INDENT = "              ";

    private EventBlock() {
    }

    static String render(int number, JsonObject event, String savedAs) {
        StringBuilder out = new StringBuilder();
        out.append("== event ").append(number).append(": ").append(text(event, "level", "?"))
                .append(" ==========================================\n");
        line(out, "logger", text(event, "logger", null));
        line(out, "message", message(event));
        exceptions(out, event);
        line(out, "tags", pairs(object(event, "tags")));
        line(out, "user", pairs(object(event, "user")));
        String release = text(event, "release", "-") + "   environment: " + text(event, "environment", "-");
        line(out, "release", release);
        line(out, "breadcrumbs", String.valueOf(breadcrumbCount(event)));
        line(out, "event id", text(event, "event_id", "?"));
        line(out, "saved as", savedAs);
        return out.toString();
    }

    static int breadcrumbCount(JsonObject event) {
        JsonElement crumbs = event.get("breadcrumbs");
        if (crumbs == null || crumbs.isJsonNull()) {
            return 0;
        }
        // The protocol allows both {"values": [...]} and a bare list.
        JsonElement values = crumbs.isJsonObject() ? crumbs.getAsJsonObject().get("values") : crumbs;
        return values != null && values.isJsonArray() ? values.getAsJsonArray().size() : 0;
    }

    /** The exception values, newest (the one captured) first, each with its top in-app frame. */
    private static void exceptions(StringBuilder out, JsonObject event) {
        JsonArray values = values(event.get("exception"));
        // Sentry lists the innermost cause first; people read a chain from the outside in.
        for (int i = values.size() - 1; i >= 0; i--) {
            JsonObject ex = values.get(i).getAsJsonObject();
            String label = i == values.size() - 1 ? "exception" : chainLabel(ex);
            String type = text(ex, "module", null) == null ? text(ex, "type", "?")
                    : text(ex, "module", "") + "." + text(ex, "type", "?");
            String value = text(ex, "value", null);
            line(out, label, value == null ? type : type + ": " + value);
            String frame = topFrame(ex);
            if (frame != null) {
                out.append(INDENT).append("  at ").append(frame).append('\n');
            }
        }
    }

    private static String chainLabel(JsonObject ex) {
        JsonObject mechanism = object(ex, "mechanism");
        String source = mechanism == null ? null : text(mechanism, "source", null);
        return source == null || source.equals("cause") ? "caused by" : source;
    }

    /** The innermost frame that is the application's own code, else the innermost frame. */
    private static String topFrame(JsonObject ex) {
        JsonObject stacktrace = object(ex, "stacktrace");
        JsonElement frames = stacktrace == null ? null : stacktrace.get("frames");
        if (frames == null || !frames.isJsonArray() || frames.getAsJsonArray().size() == 0) {
            return null;
        }
        JsonArray list = frames.getAsJsonArray();
        for (int i = list.size() - 1; i >= 0; i--) { // frames run from the outermost call inwards
            JsonObject frame = list.get(i).getAsJsonObject();
            JsonElement inApp = frame.get("in_app");
            if (inApp != null && inApp.getAsBoolean()) {
                return describe(frame) + "  (in-app)";
            }
        }
        return describe(list.get(list.size() - 1).getAsJsonObject()) + "  (no in-app frame)";
    }

    private static String describe(JsonObject frame) {
        String where = text(frame, "filename", "?") + (frame.has("lineno") ? ":" + frame.get("lineno") : "");
        return text(frame, "module", "?") + "." + text(frame, "function", "?") + "(" + where + ")";
    }

    private static String message(JsonObject event) {
        JsonObject logentry = object(event, "logentry");
        if (logentry != null) {
            return text(logentry, "formatted", text(logentry, "message", null));
        }
        JsonElement message = event.get("message");
        if (message != null && message.isJsonObject()) {
            return text(message.getAsJsonObject(), "formatted", null);
        }
        return message == null || message.isJsonNull() ? null : message.getAsString();
    }

    private static String pairs(JsonObject object) {
        if (object == null || object.size() == 0) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            JsonElement v = e.getValue();
            pairs.add(e.getKey() + "=" + (v.isJsonPrimitive() ? v.getAsString() : v.toString()));
        }
        return String.join(", ", pairs);
    }

    private static JsonArray values(JsonElement container) {
        if (container != null && container.isJsonObject()) {
            JsonElement values = container.getAsJsonObject().get("values");
            if (values != null && values.isJsonArray()) {
                return values.getAsJsonArray();
            }
        }
        return container != null && container.isJsonArray() ? container.getAsJsonArray() : new JsonArray();
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null) {
            out.append("  ").append(label).append(" ".repeat(Math.max(1, INDENT.length() - 2 - label.length())))
                    .append(value).append('\n');
        }
    }

    static JsonObject object(JsonObject parent, String name) {
        JsonElement v = parent.get(name);
        return v != null && v.isJsonObject() ? v.getAsJsonObject() : null;
    }

    static String text(JsonObject parent, String name, String fallback) {
        JsonElement v = parent.get(name);
        return v == null || v.isJsonNull() ? fallback : v.isJsonPrimitive() ? v.getAsString() : v.toString();
    }
}
