package org.sentry4j.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One item of an envelope: its type, payload bytes and the rate-limit category it counts against. The
 * payload is held either as is, or compressed: a raw-deflate segment ending in a sync flush, with the
 * payload's length and CRC-32, which the sender splices into the gzipped request body as it is.
 */
public final class EnvelopeItem {
    private final String type;
    private final String contentType;
    private final byte[] payload;
    private final byte[] deflated;
    private final int length;
    private final int crc32;

    public EnvelopeItem(String type, String contentType, byte[] payload) {
        this(type, contentType, payload, null, payload.length, 0);
    }

    private EnvelopeItem(String type, String contentType, byte[] payload, byte[] deflated, int length, int crc32) {
        this.type = type;
        this.contentType = contentType;
        this.payload = payload;
        this.deflated = deflated;
        this.length = length;
        this.crc32 = crc32;
    }

    /**
     * An item whose payload of {@code length} bytes (CRC-32 {@code crc32}) is held as {@code segment}:
     * raw deflate (no zlib or gzip wrapper) from a fresh compressor, ending in a sync flush and never
     * finished (no final block), so that a sender can splice it into its gzip body as is. The SDK makes
     * these on its worker; the length and CRC must be the payload's, or the request body is corrupt.
     *
     * @throws IllegalArgumentException if the segment does not end in a sync flush, or the length is negative
     */
    public static EnvelopeItem deflated(String type, String contentType, byte[] segment, int length, int crc32) {
        int n = segment.length;
        if (n < 4 || segment[n - 4] != 0 || segment[n - 3] != 0 || segment[n - 2] != -1 || segment[n - 1] != -1) {
            throw new IllegalArgumentException("envelope item '" + type + "': a compressed payload must end in a"
                    + " sync flush (Deflater.SYNC_FLUSH, never finish())");
        }
        if (length < 0) {
            throw new IllegalArgumentException("envelope item '" + type + "': negative length " + length);
        }
        return new EnvelopeItem(type, contentType, null, segment, length, crc32);
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

    /** The payload; do not modify. A compressed item inflates it anew on every call. */
    public byte[] payload() {
        return deflated == null ? payload : inflate();
    }

    public String payloadAsString() {
        return new String(payload(), StandardCharsets.UTF_8);
    }

    /** The payload's length in bytes (what the item header's {@code length} says). */
    public int length() {
        return length;
    }

    /** The compressed payload (see {@link #deflated}), or null when the item holds it as is. */
    public byte[] deflatedPayload() {
        return deflated;
    }

    /** The CRC-32 of the payload, for a compressed item. */
    public int crc32() {
        return crc32;
    }

    /** Bytes this item keeps in memory. */
    public int heldBytes() {
        return deflated == null ? payload.length : deflated.length;
    }

    /**
     * Through direct buffers, as all of the SDK's zlib work: given heap arrays, zlib would hold the GC
     * locker, and a custom transport may call this on the SDK's minimum-priority worker.
     */
    private byte[] inflate() {
        Inflater inflater = new Inflater(true);
        try {
            ByteBuffer in = ByteBuffer.allocateDirect(deflated.length);
            in.put(deflated).flip();
            inflater.setInput(in);
            ByteBuffer out = ByteBuffer.allocateDirect(length);
            while (out.hasRemaining()) {
                int consumed = in.position();
                int got = inflater.inflate(out);
                if (got == 0 && (inflater.needsInput() || inflater.finished() || inflater.needsDictionary()
                        || in.position() == consumed)) {
                    throw new IllegalStateException("envelope item '" + type + "': compressed payload is short");
                }
            }
            byte[] bytes = new byte[length];
            out.flip();
            out.get(bytes);
            return bytes;
        } catch (DataFormatException e) {
            throw new IllegalStateException("envelope item '" + type + "': compressed payload is corrupt", e);
        } finally {
            inflater.end();
        }
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
