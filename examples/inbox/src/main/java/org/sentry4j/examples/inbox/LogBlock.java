package org.sentry4j.examples.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Renders the structured logs (Sentry Logs) of one {@code log} item, one line each: level and body, then
 * where it came from and the attributes a person filters by in Sentry's Logs view. The SDK's own
 * attributes every log carries (SDK, release, environment, server, thread, the parameters) are left to
 * the saved envelope.
 */
final class LogBlock {
    /** Shown first on the second line, in this order and under these labels, when present. */
    private static final Map<String, String> SHOWN_FIRST = new LinkedHashMap<>();

    static {
        SHOWN_FIRST.put("sentry.origin", "origin");
        SHOWN_FIRST.put("logger.name", "logger");
        SHOWN_FIRST.put("sentry.message.template", "template");
    }

    private static final Set<String> LEFT_OUT = Set.of("sentry.sdk.name", "sentry.sdk.version", "sentry.release",
            "sentry.environment", "server.address", "thread.name", "thread.id");

    private LogBlock() {
    }

    static String render(int firstNumber, List<JsonObject> logs, String savedAs) {
        StringBuilder out = new StringBuilder();
        out.append("== ").append(logs.size()).append(logs.size() == 1 ? " structured log" : " structured logs")
                .append(" (").append(firstNumber).append(logs.size() == 1 ? "" : "-" + (firstNumber + logs.size() - 1))
                .append("), saved as ").append(savedAs);
        for (JsonObject log : logs) {
            out.append("\n  ").append(String.format("%-5s", EventBlock.text(log, "level", "?")))
                    .append(' ').append(EventBlock.text(log, "body", ""));
            String details = details(EventBlock.object(log, "attributes"));
            if (!details.isEmpty()) {
                out.append("\n        ").append(details);
            }
        }
        return out.toString();
    }

    private static String details(JsonObject attributes) {
        if (attributes == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        SHOWN_FIRST.forEach((name, label) -> {
            String v = value(attributes.get(name));
            if (v != null) {
                parts.add(label + "=" + v);
            }
        });
        for (Map.Entry<String, JsonElement> a : attributes.entrySet()) {
            String name = a.getKey();
            if (!SHOWN_FIRST.containsKey(name) && !LEFT_OUT.contains(name)
                    && !name.startsWith("sentry.message.parameter.")) {
                parts.add(name + "=" + value(a.getValue()));
            }
        }
        return String.join("  ", parts);
    }

    /** An attribute's value ({@code {"value":…,"type":…}}) as text. */
    private static String value(JsonElement attribute) {
        if (attribute == null || !attribute.isJsonObject()) {
            return attribute == null || attribute.isJsonNull() ? null : attribute.toString();
        }
        return EventBlock.text(attribute.getAsJsonObject(), "value", null);
    }
}
