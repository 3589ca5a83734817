package org.sentry4j.internal.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/**
 * A request body buffer owned by one sender thread: the envelope is gzipped straight into it with a
 * reused {@link Deflater} (fast level: envelopes are small JSON, CPU matters more than bytes on the
 * wire), so sending allocates neither an uncompressed copy nor a new deflater per envelope.
 *
 * <p>An item compressed on the worker ({@link PayloadDeflater}) is spliced in as it is: the deflater
 * sync-flushes what it has (byte-aligned), the item's segment follows, and the deflater restarts
 * without history, so nothing after refers back across the segment. The gzip trailer's CRC-32 is
 * combined from the parts' ({@link Crc32Combine}).
 */
final class GzipBody extends OutputStream implements Envelope.SegmentSink {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 crc = new CRC32();
    private final byte[] chunk = new byte[8192];
    private byte[] buf = new byte[16384];
    private int count;
    /** CRC-32 and length of the uncompressed body before the run {@link #crc} is summing now. */
    private long crcBefore;
    private long lengthBefore;
    private long runLength;

    /** Fills the buffer with the gzipped envelope, stamped with {@code sentAt}. */
    void fill(Envelope envelope, Instant sentAt) throws IOException {
        if (buf.length > (1 << 20)) {
            buf = new byte[16384]; // one huge envelope must not pin its buffer forever
        }
        count = 0;
        crc.reset();
        crcBefore = 0;
        lengthBefore = 0;
        runLength = 0;
        deflater.reset();
        append(HEADER, 0, HEADER.length);
        envelope.writeTo(this, sentAt);
        deflater.finish();
        while (!deflater.finished()) {
            drainDeflater();
        }
        endRun();
        long crcValue = crcBefore;
        long size = lengthBefore;
        byte[] trailer = new byte[8];
        for (int i = 0; i < 4; i++) {
            trailer[i] = (byte) (crcValue >>> (8 * i));
            trailer[4 + i] = (byte) (size >>> (8 * i));
        }
        append(trailer, 0, 8);
    }

    /** A buffer of this thread's, free for other use once the body is filled (reading the answer). */
    byte[] scratch() {
        return chunk;
    }

    byte[] array() {
        return buf;
    }

    int length() {
        return count;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void writeDeflated(EnvelopeItem item) {
        int n;
        do { // a sync flush: everything written so far, byte-aligned, in a block that is not the last
            n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
            append(chunk, 0, n);
        } while (n == chunk.length);
        byte[] segment = item.deflatedPayload();
        append(segment, 0, segment.length);
        endRun();
        crcBefore = Crc32Combine.combine(crcBefore, item.crc32() & 0xffffffffL, item.length());
        lengthBefore += item.length();
        deflater.reset(); // what follows must not refer back across the segment
    }

    /** Folds the bytes written through the deflater since the last segment into the running CRC. */
    private void endRun() {
        crcBefore = Crc32Combine.combine(crcBefore, crc.getValue(), runLength);
        lengthBefore += runLength;
        crc.reset();
        runLength = 0;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        runLength += len;
        crc.update(b, off, len);
        deflater.setInput(b, off, len);
        while (!deflater.needsInput()) {
            drainDeflater();
        }
    }

    private void drainDeflater() {
        int n = deflater.deflate(chunk, 0, chunk.length, Deflater.NO_FLUSH);
        append(chunk, 0, n);
    }

    private void append(byte[] b, int off, int len) {
        if (count + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Frees the native deflater; the owning thread calls this when it ends. */
    void release() {
        deflater.end();
    }
}
