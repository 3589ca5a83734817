package org.sentry4j.internal.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/**
 * Writes one gzip stream at a time into a {@link DirectDeflater.Sink}: what is written is compressed
 * here, and an item compressed on the worker ({@link PayloadDeflater}) is spliced in as it is. The
 * compressor sync-flushes what it has (byte-aligned), the item's segment follows, and the compressor
 * restarts without history, so nothing after refers back across the segment. The trailer's CRC-32 is
 * combined from the parts' ({@link Crc32Combine}). The request body and the spool files both use it.
 *
 * <p>Reused by one owner; {@link #release} frees the native compressor.
 */
final class GzipWriter extends OutputStream implements Envelope.SegmentSink {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final DirectDeflater deflater = new DirectDeflater();
    private final CRC32 crc = new CRC32();
    private final byte[] one = new byte[1];
    private DirectDeflater.Sink target;
    /** CRC-32 and length of the uncompressed stream before the run {@link #crc} is summing now. */
    private long crcBefore;
    private long lengthBefore;
    private long runLength;

    /** Starts a stream into {@code target}, writing the gzip header. */
    void start(DirectDeflater.Sink target) throws IOException {
        this.target = target;
        crc.reset();
        crcBefore = 0;
        lengthBefore = 0;
        runLength = 0;
        deflater.reset();
        target.write(HEADER, 0, HEADER.length);
    }

    /** Ends the stream: its last block and the trailer (CRC-32 and length of what was written). */
    void end() throws IOException {
        deflater.finish(target);
        endRun();
        byte[] trailer = new byte[8];
        for (int i = 0; i < 4; i++) {
            trailer[i] = (byte) (crcBefore >>> (8 * i));
            trailer[4 + i] = (byte) (lengthBefore >>> (8 * i));
        }
        target.write(trailer, 0, 8);
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b; // Envelope.writeTo writes each line's '\n' alone
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        runLength += len;
        crc.update(b, off, len);
        deflater.write(b, off, len, target);
    }

    @Override
    public void writeDeflated(EnvelopeItem item) throws IOException {
        deflater.syncFlush(target);
        byte[] segment = item.deflatedPayload();
        target.write(segment, 0, segment.length);
        endRun();
        crcBefore = Crc32Combine.combine(crcBefore, item.crc32() & 0xffffffffL, item.length());
        lengthBefore += item.length();
        deflater.reset(); // what follows must not refer back across the segment
    }

    /** Folds the bytes compressed here since the last segment into the running CRC. */
    private void endRun() {
        crcBefore = Crc32Combine.combine(crcBefore, crc.getValue(), runLength);
        lengthBefore += runLength;
        crc.reset();
        runLength = 0;
    }

    /** Frees the native compressor. */
    void release() {
        deflater.end();
    }
}
