package org.sentry4j.internal.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/**
 * A raw-deflate compressor (no zlib or gzip wrapper) fed and drained through direct buffers.
 *
 * <p>Why not heap arrays: given arrays, the JDK's zlib binding pins them in a JNI critical section, and
 * on JDK 17's collectors a collection falling due meanwhile waits for the section to end (the GC
 * locker), and so does every thread that needs memory. The SDK's threads run at minimum priority, so a
 * section lasts as long as the scheduler keeps this thread off a core: the benchmarks' logging threads
 * stalled 10–100 ms at a time. Direct buffers are native memory, so zlib works on them with no section
 * held; the price is a memory copy in and out. (The CRC-32s are summed over heap arrays: HotSpot
 * computes them in compiled code of its own on x86_64 and aarch64, with no critical section.)
 *
 * <p>One owner at a time; {@link #end} frees the native compressor.
 */
final class DirectDeflater {
    static final int CHUNK = 8192;

    /** Where compressed bytes go; the array is reused after the call returns. */
    interface Sink {
        void write(byte[] b, int off, int len) throws IOException;
    }

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final ByteBuffer in = ByteBuffer.allocateDirect(CHUNK);
    private final ByteBuffer out = ByteBuffer.allocateDirect(CHUNK);
    private final byte[] chunk = new byte[CHUNK];

    /** Compresses {@code b[off, off + len)}, handing what the compressor lets out to {@code sink}. */
    void write(byte[] b, int off, int len, Sink sink) throws IOException {
        int pos = off;
        int left = len;
        while (left > 0) {
            int n = Math.min(left, CHUNK);
            in.clear();
            in.put(b, pos, n).flip();
            deflater.setInput(in);
            while (!deflater.needsInput()) {
                drain(Deflater.NO_FLUSH, sink);
            }
            pos += n;
            left -= n;
        }
    }

    /** Ends the stream with its last block. */
    void finish(Sink sink) throws IOException {
        deflater.finish();
        while (!deflater.finished()) {
            drain(Deflater.NO_FLUSH, sink);
        }
    }

    /** Starts a new stream with no history. */
    void reset() {
        deflater.reset();
    }

    /** Frees the native compressor; the deflater is unusable afterwards. */
    void end() {
        deflater.end();
    }

    private int drain(int flush, Sink sink) throws IOException {
        out.clear();
        int n = deflater.deflate(out, flush);
        out.flip();
        out.get(chunk, 0, n);
        sink.write(chunk, 0, n);
        return n;
    }
}
