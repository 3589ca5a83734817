package org.sentry4j.internal;

/**
 * A random v4 UUID kept as two longs; its 32-character text is made when first asked for. A log capture
 * takes one on the logging thread, and the text is made on the worker, where the event is built.
 */
public final class EventId {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long hi;
    private final long lo;
    private String text; // racy but idempotent: every thread computes the same string

    EventId(long hi, long lo) {
        this.hi = hi;
        this.lo = lo;
    }

    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            char[] out = new char[32];
            for (int i = 0; i < 16; i++) {
                out[i] = HEX[(int) (hi >>> (60 - 4 * i)) & 0xf];
                out[16 + i] = HEX[(int) (lo >>> (60 - 4 * i)) & 0xf];
            }
            t = new String(out);
            text = t;
        }
        return t;
    }
}
