package org.sentry4j.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import org.sentry4j.internal.json.StringBuilderWriter;

/**
 * A Sentry envelope (protocol section 2): one header line, then items each with a header line
 * carrying {@code type} and {@code length}, and their payload. Immutable.
 *
 * <p>The header is kept without {@code sent_at}: that is stamped only by {@link #writeTo(OutputStream,
 * Instant)} when the envelope is actually sent, so an envelope that waited on disk never carries two.
 */
public final class Envelope {
    private final String eventId;
    private final String headerJson;
    private final List<EnvelopeItem> items;

    private Envelope(String eventId, String headerJson, List<EnvelopeItem> items) {
        this.eventId = eventId;
        this.headerJson = headerJson;
        this.items = List.copyOf(items);
    }

    /** An envelope whose header names the event id (may be null) and the SDK. */
    public static Envelope of(String eventId, String sdkName, String sdkVersion, List<EnvelopeItem> items) {
        return of(eventId, sdkName, sdkVersion, null, items);
    }

    /**
     * As {@link #of(String, String, String, List)}, with the trace's dynamic sampling context as the
     * {@code trace} header (null or empty: none).
     */
    public static Envelope of(String eventId, String sdkName, String sdkVersion, Map<String, String> trace,
                              List<EnvelopeItem> items) {
        StringBuilderWriter out = new StringBuilderWriter(96);
        try (JsonWriter json = new JsonWriter(out)) {
            json.beginObject();
            if (eventId != null) {
                json.name("event_id").value(eventId);
            }
            json.name("sdk").beginObject().name("name").value(sdkName).name("version").value(sdkVersion).endObject();
            if (trace != null && !trace.isEmpty()) {
                json.name("trace").beginObject();
                for (Map.Entry<String, String> entry : trace.entrySet()) {
                    json.name(entry.getKey()).value(entry.getValue());
                }
                json.endObject();
            }
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Envelope(eventId, out.toString(), items);
    }

    /** The event id from the header, or null. */
    public String eventId() {
        return eventId;
    }

    public List<EnvelopeItem> items() {
        return items;
    }

    /** The same header with other items (after rate-limit filtering, or with a client report added). */
    public Envelope withItems(List<EnvelopeItem> newItems) {
        return new Envelope(eventId, headerJson, newItems);
    }

    /** Bytes the envelope holds in memory; a cheap estimate for queue bounds. */
    public long payloadBytes() {
        long n = headerJson.length();
        for (EnvelopeItem item : items) {
            n += item.length() + 64;
        }
        return n;
    }

    /** Writes the envelope; {@code sentAt} null leaves {@code sent_at} out (for the disk spool). */
    public void writeTo(OutputStream out, Instant sentAt) throws IOException {
        String header = headerJson;
        if (sentAt != null) {
            String stamp = "\"sent_at\":\"" + sentAt + "\"";
            header = header.equals("{}") ? "{" + stamp + "}"
                    : header.substring(0, header.length() - 1) + "," + stamp + "}";
        }
        out.write(header.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        for (EnvelopeItem item : items) {
            StringBuilderWriter itemHeader = new StringBuilderWriter(64);
            try (JsonWriter json = new JsonWriter(itemHeader)) {
                json.beginObject().name("type").value(item.type());
                if (item.contentType() != null) {
                    json.name("content_type").value(item.contentType());
                }
                if (item.itemCount() > 0) {
                    json.name("item_count").value(item.itemCount());
                }
                json.name("length").value(item.length()).endObject();
            }
            out.write(itemHeader.toString().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.write(item.payload());
            out.write('\n');
        }
    }

    public byte[] toBytes(Instant sentAt) {
        long size = headerJson.length() + 256;
        for (EnvelopeItem item : items) {
            size += item.length() + 64;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, 1 << 20));
        try {
            writeTo(out, sentAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads an envelope as written by {@link #writeTo}; a {@code sent_at} in the header is dropped so the
     * envelope can be stamped again.
     *
     * @throws IllegalArgumentException when the bytes are not a complete envelope (a torn spool file)
     */
    public static Envelope parse(byte[] bytes) {
        try {
            int pos = 0;
            int nl = indexOf(bytes, pos);
            if (nl < 0) {
                nl = bytes.length;
            }
            JsonObject header = JsonParser.parseString(new String(bytes, 0, nl, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            header.remove("sent_at");
            String eventId = header.has("event_id") ? header.get("event_id").getAsString() : null;
            pos = nl + 1;
            List<EnvelopeItem> items = new ArrayList<>();
            while (pos < bytes.length) {
                nl = indexOf(bytes, pos);
                if (nl < 0) {
                    throw new IllegalArgumentException("envelope: item header without newline");
                }
                JsonObject itemHeader = JsonParser.parseString(new String(bytes, pos, nl - pos, StandardCharsets.UTF_8))
                        .getAsJsonObject();
                pos = nl + 1;
                String type = itemHeader.get("type").getAsString();
                String contentType = itemHeader.has("content_type") ? itemHeader.get("content_type").getAsString() : null;
                int length;
                if (itemHeader.has("length")) {
                    length = itemHeader.get("length").getAsInt();
                } else {
                    int end = indexOf(bytes, pos);
                    length = (end < 0 ? bytes.length : end) - pos;
                }
                if (length < 0 || pos + length > bytes.length) {
                    throw new IllegalArgumentException("envelope: item '" + type + "' is truncated");
                }
                byte[] payload = new byte[length];
                System.arraycopy(bytes, pos, payload, 0, length);
                EnvelopeItem item = new EnvelopeItem(type, contentType, payload);
                items.add(itemHeader.has("item_count") ? item.withItemCount(itemHeader.get("item_count").getAsInt()) : item);
                pos += length;
                if (pos < bytes.length) {
                    if (bytes[pos] != '\n') {
                        throw new IllegalArgumentException("envelope: no newline after item '" + type + "'");
                    }
                    pos++;
                }
            }
            return new Envelope(eventId, header.toString(), items);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("envelope: malformed: " + e.getMessage(), e);
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "Envelope{" + headerJson + ", " + items.size() + " item(s)}";
    }
}
