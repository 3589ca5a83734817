package org.sentry4j.transport;

import java.nio.charset.StandardCharsets;

/**
 * One item of an envelope: its type, payload bytes and the rate-limit category it counts against. The
 * payload is held as is; the transport compresses the whole envelope once, as it sends it.
 */
public final class EnvelopeItem {
    private final String type;
    private final String contentType;
    private final byte[] payload;
    private final int itemCount;

    public EnvelopeItem(String type, String contentType, byte[] payload) {
        this(type, contentType, payload, 0);
    }

    private EnvelopeItem(String type, String contentType, byte[] payload, int itemCount) {
        this.type = type;
        this.contentType = contentType;
        this.payload = payload;
        this.itemCount = itemCount;
    }

    /**
     * The same item with the header's {@code item_count}: how many records a batch item holds (a
     * {@code log} item's logs), which its client reports and rate limits count.
     */
    public EnvelopeItem withItemCount(int count) {
        return new EnvelopeItem(type, contentType, payload, count);
    }

    /** The header's {@code item_count}, or 0 when the item has none (an item that is one record). */
    public int itemCount() {
        return itemCount;
    }

    /** How many records of {@link #category()} the item holds: its {@code item_count}, else 1. */
    public long quantity() {
        return itemCount > 0 ? itemCount : 1;
    }

    public static EnvelopeItem event(byte[] json) {
        return new EnvelopeItem("event", "application/json", json);
    }

    public static EnvelopeItem clientReport(byte[] json) {
        return new EnvelopeItem("client_report", "application/json", json);
    }

    public String type() {
        return type;
    }

    public String contentType() {
        return contentType;
    }

    /** The payload; do not modify. */
    public byte[] payload() {
        return payload;
    }

    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The payload's length in bytes (what the item header's {@code length} says). */
    public int length() {
        return payload.length;
    }

    /** The rate-limit data category (protocol section 8): events count as {@code error}. */
    public String category() {
        switch (type) {
            case "event":
                return "error";
            case "client_report":
                return "internal";
            case "session":
            case "sessions":
                return "session";
            case "log":
                return "log_item";
            case "check_in":
                return "monitor";
            default:
                return type;
        }
    }
}
