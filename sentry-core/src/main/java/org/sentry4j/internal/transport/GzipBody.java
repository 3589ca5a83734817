package org.sentry4j.internal.transport;

import java.io.IOException;
import java.time.Instant;
import org.sentry4j.transport.Envelope;

/**
 * A request body buffer owned by one sender thread: the envelope is gzipped straight into it by a
 * reused {@link GzipWriter} (fast level: envelopes are small JSON, CPU matters more than bytes on the
 * wire), so sending allocates neither an uncompressed copy nor a new compressor per envelope. This is
 * the only place an envelope is compressed for sending.
 */
final class GzipBody {
    private final GzipWriter gzip = new GzipWriter();
    private final GrowingBuffer body = new GrowingBuffer(16384);
    private final byte[] scratch = new byte[8192];

    /** Fills the buffer with the gzipped envelope, stamped with {@code sentAt}. */
    void fill(Envelope envelope, Instant sentAt) throws IOException {
        body.clear();
        gzip.start(body);
        envelope.writeTo(gzip, sentAt);
        gzip.end();
    }

    /** A buffer of this thread's, free for other use (reading the answer). */
    byte[] scratch() {
        return scratch;
    }

    byte[] array() {
        return body.array();
    }

    int length() {
        return body.length();
    }

    /** Frees the native compressor; the owning thread calls this when it ends. */
    void release() {
        gzip.release();
    }
}
