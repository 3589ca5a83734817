package org.sentry4j.internal;

import java.util.concurrent.ThreadLocalRandom;

/** Random v4 UUIDs as 32 lowercase hex characters, without SecureRandom's cost on the caller's thread. */
public final class EventIds {
    public static final String EMPTY = "00000000000000000000000000000000";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private EventIds() {
    }

    public static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        char[] out = new char[32];
        for (int i = 0; i < 16; i++) {
            out[i] = HEX[(int) (hi >>> (60 - 4 * i)) & 0xf];
            out[16 + i] = HEX[(int) (lo >>> (60 - 4 * i)) & 0xf];
        }
        return new String(out);
    }
}
