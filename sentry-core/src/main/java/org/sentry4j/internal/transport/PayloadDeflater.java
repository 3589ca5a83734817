package org.sentry4j.internal.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.sentry4j.transport.EnvelopeItem;

/**
 * Compresses an event's JSON into its envelope item on the worker, straight from the serializer's
 * reused buffer: the item then holds a few kilobytes instead of a copy of the ~20 KB JSON while it waits
 * to be sent, and the sender only splices it into the request body ({@link GzipBody}). The segment is
 * raw deflate ending in a sync flush (byte-aligned, not final), so segments made at different times
 * join into one valid stream. Compressed through direct buffers ({@link DirectDeflater}): the worker
 * runs at minimum priority and must not hold the GC locker.
 */
public final class PayloadDeflater {
    private final DirectDeflater deflater = new DirectDeflater();
    private final CRC32 crc = new CRC32();
    private final GrowingBuffer out = new GrowingBuffer(8192);
    private boolean closed;

    /** An item of {@code type} whose payload is {@code bytes[off, off + len)}, compressed. */
    public synchronized EnvelopeItem item(String type, String contentType, byte[] bytes, int off, int len) {
        if (closed) {
            return new EnvelopeItem(type, contentType, Arrays.copyOfRange(bytes, off, off + len));
        }
        deflater.reset();
        crc.reset();
        crc.update(bytes, off, len);
        out.clear();
        try {
            deflater.write(bytes, off, len, out);
            deflater.syncFlush(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a GrowingBuffer does not throw
        }
        byte[] segment = out.copy();
        out.clear(); // one huge event must not pin its buffer
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
