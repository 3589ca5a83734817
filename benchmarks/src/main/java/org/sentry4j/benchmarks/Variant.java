package org.sentry4j.benchmarks;

/** What sits behind the logger: nothing (the floor), sentry4j's appender, or io.sentry's. */
public enum Variant {
    FLOOR("floor"), SENTRY4J("sentry4j"), IO_SENTRY("iosentry");

    private final String id;

    Variant(String id) {
        this.id = id;
    }

    /** The name used in JMH parameters, command lines and resources. */
    public String id() {
        return id;
    }

    public static Variant of(String id) {
        for (Variant v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant " + id + " (floor, sentry4j, iosentry)");
    }
}
