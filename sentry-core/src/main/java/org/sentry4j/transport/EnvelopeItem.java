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

    public EnvelopeItem(String type, String contentType, byte[] payload) {
        this.type = type;
        this.contentType = contentType;
        this.payload = payload;
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
