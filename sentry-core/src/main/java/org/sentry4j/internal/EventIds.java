package org.sentry4j.internal;

import java.util.concurrent.ThreadLocalRandom;

/** Random v4 UUIDs as 32 lowercase hex characters, without SecureRandom's cost on the caller's thread. */
public final class EventIds {
    public static final String EMPTY = "00000000000000000000000000000000";

    private EventIds() {
    }

    public static String next() {
        return nextId().toString();
    }

    /** A fresh id whose text is made only when asked for. */
    public static EventId nextId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new EventId(hi, lo);
    }
}
