package org.sentry4j.internal.transport;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.sentry4j.transport.EnvelopeItem;

/**
 * Compresses an event's JSON into its envelope item on the worker, straight from the serializer's
 * reused buffer: the item then holds a few kilobytes instead of a copy of the ~20 KB JSON while it waits
 * to be sent, and the sender only splices it into the request body ({@link GzipBody}). The segment is
 * raw deflate ending in a sync flush (byte-aligned, not final), so segments made at different times
 * join into one valid stream.
 */
public final class PayloadDeflater {
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 crc = new CRC32();
    private byte[] out = new byte[8192];
    private boolean closed;

    /** An item of {@code type} whose payload is {@code bytes[off, off + len)}, compressed. */
    public synchronized EnvelopeItem item(String type, String contentType, byte[] bytes, int off, int len) {
        if (closed) {
            return new EnvelopeItem(type, contentType, Arrays.copyOfRange(bytes, off, off + len));
        }
        deflater.reset();
        crc.reset();
        crc.update(bytes, off, len);
        deflater.setInput(bytes, off, len);
        int count = 0;
        while (true) {
            count += deflater.deflate(out, count, out.length - count, Deflater.SYNC_FLUSH);
            if (count < out.length) {
                break; // room left after a sync flush: everything is out
            }
            out = Arrays.copyOf(out, out.length * 2);
        }
        byte[] segment = Arrays.copyOf(out, count);
        if (out.length > (1 << 20)) {
            out = new byte[8192]; // one huge event must not pin its buffer
        }
        return EnvelopeItem.deflated(type, contentType, segment, len, (int) crc.getValue());
    }

    /** Frees the native deflater; the client calls this when it closes. */
    public synchronized void close() {
        if (!closed) {
            closed = true;
            deflater.end();
        }
    }
}
