package org.sentry4j.examples.inbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One envelope split into its header and items. The format is newline-separated: a JSON header line,
 * then per item a JSON header line and a payload that is either {@code length} bytes long or runs to
 * the next newline.
 */
public final class ParsedEnvelope {
    /** One item: its header and its payload bytes. */
    public static final class Item {
        private final JsonObject header;
        private final byte[] payload;

        Item(JsonObject header, byte[] payload) {
            this.header = header;
            this.payload = payload;
        }

        public String type() {
            return header.has("type") ? header.get("type").getAsString() : "";
        }

        public JsonObject header() {
            return header;
        }

        public JsonObject json() {
            return JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    private final JsonObject header;
    private final List<Item> items;

    private ParsedEnvelope(JsonObject header, List<Item> items) {
        this.header = header;
        this.items = List.copyOf(items);
    }

    /** @throws IllegalArgumentException when the bytes are not an envelope */
    public static ParsedEnvelope parse(byte[] body) {
        try {
            int end = lineEnd(body, 0);
            JsonObject header = parseJson(body, 0, end);
            List<Item> items = new ArrayList<>();
            int pos = end + 1;
            while (pos < body.length) {
                end = lineEnd(body, pos);
                if (end == pos) { // a blank line, e.g. a trailing newline
                    pos++;
                    continue;
                }
                JsonObject itemHeader = parseJson(body, pos, end);
                pos = end + 1;
                int payloadEnd = itemHeader.has("length")
                        ? pos + itemHeader.get("length").getAsInt()
                        : lineEnd(body, pos);
                if (payloadEnd > body.length) {
                    throw new IllegalArgumentException("an item is shorter than its declared length");
                }
                byte[] payload = new byte[payloadEnd - pos];
                System.arraycopy(body, pos, payload, 0, payload.length);
                items.add(new Item(itemHeader, payload));
                pos = payloadEnd + 1;
            }
            return new ParsedEnvelope(header, items);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a Sentry envelope: " + e.getMessage(), e);
        }
    }

    private static int lineEnd(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return b.length;
    }

    private static JsonObject parseJson(byte[] b, int from, int to) {
        return JsonParser.parseString(new String(b, from, to - from, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    public JsonObject header() {
        return header;
    }

    public List<Item> items() {
        return items;
    }

    /** The event item's JSON, or null when the envelope carries no event (e.g. a client report). */
    public JsonObject event() {
        for (Item item : items) {
            if (item.type().equals("event")) {
                return item.json();
            }
        }
        return null;
    }

    /** The structured logs of the envelope's {@code log} items, in order; empty when it has none. */
    public List<JsonObject> logs() {
        List<JsonObject> logs = new ArrayList<>();
        for (Item item : items) {
            if (item.type().equals("log")) {
                item.json().getAsJsonArray("items").forEach(l -> logs.add(l.getAsJsonObject()));
            }
        }
        return logs;
    }

    /** The item types, e.g. {@code [event]} or {@code [client_report]}. */
    public List<String> itemTypes() {
        List<String> types = new ArrayList<>();
        for (Item item : items) {
            types.add(item.type());
        }
        return types;
    }
}
