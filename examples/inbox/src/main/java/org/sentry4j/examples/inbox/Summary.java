package org.sentry4j.examples.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Running totals over the events and structured logs received, rendered as the inbox's last line. Thread-safe. */
final class Summary {
    private int events;
    private int breadcrumbs;
    private int refused;
    private int logs;
    private final Map<String, Integer> logLevels = new TreeMap<>();
    private final Map<String, Integer> levels = new TreeMap<>();
    private final Map<String, Integer> tags = new TreeMap<>();

    synchronized void add(JsonObject event) {
        events++;
        breadcrumbs += EventBlock.breadcrumbCount(event);
        levels.merge(EventBlock.text(event, "level", "?"), 1, Integer::sum);
        JsonObject eventTags = EventBlock.object(event, "tags");
        if (eventTags != null) {
            for (Map.Entry<String, JsonElement> tag : eventTags.entrySet()) {
                tags.merge(tag.getKey() + "=" + tag.getValue().getAsString(), 1, Integer::sum);
            }
        }
    }

    synchronized void addLogs(List<JsonObject> received) {
        for (JsonObject log : received) {
            logs++;
            logLevels.merge(EventBlock.text(log, "level", "?"), 1, Integer::sum);
        }
    }

    synchronized void refusedOne() {
        refused++;
    }

    /**
     * E.g. {@code 4 events (2 error, 1 info, 1 warning), 7 breadcrumbs, tags: app=shop x4, order=A-3 x1; 9
     * structured logs (2 error, 7 info)}.
     */
    synchronized String render() {
        List<String> byLevel = new ArrayList<>();
        levels.forEach((level, n) -> byLevel.add(n + " " + level));
        List<String> byTag = new ArrayList<>();
        tags.forEach((tag, n) -> byTag.add(tag + " x" + n));
        return count(events, "event") + (byLevel.isEmpty() ? "" : " (" + String.join(", ", byLevel) + ")")
                + ", " + count(breadcrumbs, "breadcrumb")
                + ", tags: " + (byTag.isEmpty() ? "none" : String.join(", ", byTag))
                + (logs == 0 ? "" : "; " + count(logs, "structured log") + " (" + byLogLevel() + ")")
                + (refused == 0 ? "" : ", " + count(refused, "request") + " refused on purpose");
    }

    private String byLogLevel() {
        List<String> parts = new ArrayList<>();
        logLevels.forEach((level, n) -> parts.add(n + " " + level));
        return String.join(", ", parts);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
