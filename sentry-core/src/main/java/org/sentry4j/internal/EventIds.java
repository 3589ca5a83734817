package org.sentry4j.internal;

import java.util.concurrent.ThreadLocalRandom;

/** Random v4 UUIDs as 32 lowercase hex characters, without SecureRandom's cost on the caller's thread. */
public final class EventIds {
    public static final String EMPTY = "00000000000000000000000000000000";

    private EventIds() {
    }

    /**
     * An id a caller set on an event, in lowercase, when it is one: 32 hex characters and not
     * {@link #EMPTY} (which means "nothing captured"). Null otherwise, and the capture makes its own.
     */
    public static String validOrNull(String id) {
        if (id == null || id.length() != 32 || id.equals(EMPTY)) {
            return null;
        }
        for (int i = 0; i < 32; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return null;
            }
        }
        return id.toLowerCase(java.util.Locale.ROOT);
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
