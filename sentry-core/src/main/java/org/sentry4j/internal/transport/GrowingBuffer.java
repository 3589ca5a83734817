package org.sentry4j.internal.transport;

import java.util.Arrays;

/**
 * Bytes appended into one reused array that grows as needed: a thread's request body, the worker's
 * compressed event. An array grown past 1 MiB is dropped when the buffer is cleared, so one huge
 * payload does not pin it for the thread's life.
 */
final class GrowingBuffer implements DirectDeflater.Sink {
    private static final int KEEP_AT_MOST = 1 << 20;

    private final int initialSize;
    private byte[] buf;
    private int count;

    GrowingBuffer(int initialSize) {
        this.initialSize = initialSize;
        this.buf = new byte[initialSize];
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (count + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Empties the buffer (and lets go of an array grown past 1 MiB). */
    void clear() {
        count = 0;
        if (buf.length > KEEP_AT_MOST) {
            buf = new byte[initialSize];
        }
    }

    /** The array holding the bytes, valid until the next write or clear. */
    byte[] array() {
        return buf;
    }

    int length() {
        return count;
    }

    byte[] copy() {
        return Arrays.copyOf(buf, count);
    }
}
