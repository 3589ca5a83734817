package org.sentry4j.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** One envelope as a receiver saw it: the request's headers, the raw (decompressed) body, parsed. */
public final class ReceivedEnvelope {
    /** One item: its header and payload. */
    public static final class Item {
        private final JsonObject header;
        private final byte[] payload;

        Item(JsonObject header, byte[] payload) {
            this.header = header;
            this.payload = payload;
        }

        public JsonObject header() {
            return header;
        }

        public String type() {
            return header.get("type").getAsString();
        }

        public byte[] payload() {
            return payload;
        }

        public JsonObject json() {
            return JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    private final Map<String, List<String>> requestHeaders;
    private final String path;
    private final byte[] body;
    private final JsonObject header;
    private final List<Item> items;
    private final int remotePort;
    private volatile JsonObject validated;

    ReceivedEnvelope(String path, Map<String, List<String>> requestHeaders, byte[] body, int remotePort) {
        this.path = path;
        this.requestHeaders = requestHeaders;
        this.body = body;
        this.remotePort = remotePort;
        int pos = 0;
        int nl = indexOf(body, 0);
        this.header = JsonParser.parseString(new String(body, 0, nl < 0 ? body.length : nl, StandardCharsets.UTF_8))
                .getAsJsonObject();
        pos = nl + 1;
        List<Item> parsed = new ArrayList<>();
        while (nl >= 0 && pos < body.length) {
            nl = indexOf(body, pos);
            if (nl < 0) {
                throw new IllegalStateException("item header without newline");
            }
            JsonObject itemHeader = JsonParser.parseString(new String(body, pos, nl - pos, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            pos = nl + 1;
            int length = itemHeader.get("length").getAsInt();
            if (pos + length > body.length) {
                throw new IllegalStateException("item payload shorter than its length");
            }
            byte[] payload = new byte[length];
            System.arraycopy(body, pos, payload, 0, length);
            parsed.add(new Item(itemHeader, payload));
            pos += length;
            if (pos < body.length) {
                if (body[pos] != '\n') {
                    throw new IllegalStateException("payload not followed by a newline");
                }
                pos++;
            }
        }
        this.items = List.copyOf(parsed);
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    public String path() {
        return path;
    }

    /** A request header's first value, case-insensitively; null if absent. */
    public String requestHeader(String name) {
        for (Map.Entry<String, List<String>> e : requestHeaders.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    public byte[] body() {
        return body;
    }

    public JsonObject header() {
        return header;
    }

    public List<Item> items() {
        return items;
    }

    /** The client port of the connection it came on; equal ports mean a reused connection. */
    public int remotePort() {
        return remotePort;
    }

    /** The event item's JSON, or null. Fails if the event does not match Sentry's schema. */
    public JsonObject event() {
        for (Item item : items) {
            if (item.type().equals("event")) {
                if (validated == null) {
                    validated = item.json();
                    EventSchema.assertValid(validated);
                }
                return validated.deepCopy();
            }
        }
        return null;
    }

    /**
     * The logs of the envelope's {@code log} item, in order (empty when it has none). Fails if the item
     * breaks the log protocol ({@link LogItemShape}), if there is more than one, or if the envelope
     * carries an event id or a trace header that does not fit every log.
     */
    public List<JsonObject> logs() {
        List<JsonObject> logs = new ArrayList<>();
        int logItems = 0;
        for (Item item : items) {
            if (item.type().equals("log")) {
                logItems++;
                JsonObject payload = item.json();
                LogItemShape.assertValid(item.header(), payload);
                payload.getAsJsonArray("items").forEach(l -> logs.add(l.getAsJsonObject()));
            }
        }
        if (logItems > 1) {
            throw new AssertionError("an envelope holds at most one log item, this one " + logItems);
        }
        if (logItems == 1) {
            if (header.has("event_id")) {
                throw new AssertionError("a log envelope has no event_id: " + header);
            }
            if (header.has("trace")) {
                String trace = header.getAsJsonObject("trace").get("trace_id").getAsString();
                for (JsonObject log : logs) {
                    if (!trace.equals(log.get("trace_id").getAsString())) {
                        throw new AssertionError("the envelope's trace header does not fit every log: " + header);
                    }
                }
            }
        }
        return logs;
    }

    /** The {@code log} item's header, or null. */
    public JsonObject logItemHeader() {
        for (Item item : items) {
            if (item.type().equals("log")) {
                return item.header();
            }
        }
        return null;
    }

    /** The client_report item's JSON, or null. */
    public JsonObject clientReport() {
        for (Item item : items) {
            if (item.type().equals("client_report")) {
                return item.json();
            }
        }
        return null;
    }

    /** Convenience: a string field of the event, or null. */
    public String eventString(String field) {
        JsonObject e = event();
        JsonElement v = e == null ? null : e.get(field);
        return v == null || v.isJsonNull() ? null : v.getAsString();
    }
}
