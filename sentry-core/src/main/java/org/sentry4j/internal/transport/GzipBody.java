package org.sentry4j.internal.transport;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import org.sentry4j.transport.Envelope;

/**
 * A request body buffer owned by one sender thread: the envelope is gzipped straight into it by a
 * reused {@link GzipWriter} (fast level: envelopes are small JSON, CPU matters more than bytes on the
 * wire), so sending allocates neither an uncompressed copy nor a new compressor per envelope, and items
 * the worker compressed are spliced in as they are.
 */
final class GzipBody {
    private final GzipWriter gzip = new GzipWriter();
    private final DirectDeflater.Sink append = this::append;
    private final byte[] scratch = new byte[8192];
    private byte[] buf = new byte[16384];
    private int count;

    /** Fills the buffer with the gzipped envelope, stamped with {@code sentAt}. */
    void fill(Envelope envelope, Instant sentAt) throws IOException {
        if (buf.length > (1 << 20)) {
            buf = new byte[16384]; // one huge envelope must not pin its buffer forever
        }
        count = 0;
        gzip.start(append);
        envelope.writeTo(gzip, sentAt);
        gzip.end();
    }

    /** A buffer of this thread's, free for other use (reading the answer). */
    byte[] scratch() {
        return scratch;
    }

    byte[] array() {
        return buf;
    }

    int length() {
        return count;
    }

    private void append(byte[] b, int off, int len) {
        if (count + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Frees the native compressor; the owning thread calls this when it ends. */
    void release() {
        gzip.release();
    }
}
