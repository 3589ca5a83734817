package org.sentry4j;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sentry4j.internal.EpochNanos;

/**
 * Something that happened before an event: a log line, an HTTP call, a user action. Immutable; the
 * scope keeps the newest {@code maxBreadcrumbs} of them and every event carries a copy.
 */
public final class Breadcrumb {
    /** Nanoseconds since the epoch: a long instead of an {@code Instant} saves an object per breadcrumb. */
    private final long epochNanos;
    private final String type;
    private final String category;
    private final SentryLevel level;
    private final Map<String, Object> data;
    private final String message;

    private Breadcrumb(Builder b) {
        this.epochNanos = epochNanos(b.timestamp);
        this.type = b.type;
        this.category = b.category;
        this.message = b.message;
        this.level = b.level;
        this.data = b.data.isEmpty() ? Map.of() : Map.copyOf(b.data);
    }

    /** Fast path for the logging appenders: no builder, no map. */
    public Breadcrumb(Instant timestamp, SentryLevel level, String category, String message) {
        this(epochNanos(timestamp), level, category, message);
    }

    /**
     * Fast path for appenders whose framework keeps time as numbers (Log4j2 reuses its {@code Instant}):
     * no {@code Instant} is made on the logging thread.
     */
    public Breadcrumb(long epochSecond, int nanoOfSecond, SentryLevel level, String category, String message) {
        this(EpochNanos.of(epochSecond, nanoOfSecond), level, category, message);
    }

    private Breadcrumb(long epochNanos, SentryLevel level, String category, String message) {
        this.epochNanos = epochNanos;
        this.type = null;
        this.category = category;
        this.message = message;
        this.level = level;
        this.data = Map.of();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A plain breadcrumb with a message, stamped now. */
    public static Breadcrumb of(String message) {
        return builder().message(message).build();
    }

    public Instant timestamp() {
        return Instant.ofEpochSecond(0, epochNanos);
    }

    /** Null means now; beyond what a long of nanoseconds holds (years 1678 to 2262) is clamped. */
    private static long epochNanos(Instant t) {
        return t == null ? epochNanos(Instant.now()) : EpochNanos.of(t.getEpochSecond(), t.getNano());
    }

    /** {@code default}, {@code http}, {@code navigation}, …; null means {@code default}. */
    public String type() {
        return type;
    }

    public String category() {
        return category;
    }

    public String message() {
        return message;
    }

    /** Null means Sentry's default, {@code info}. */
    public SentryLevel level() {
        return level;
    }

    /** Never null, immutable. */
    public Map<String, Object> data() {
        return data;
    }

    public Builder toBuilder() {
        Builder b = builder().timestamp(timestamp()).type(type).category(category).message(message).level(level);
        b.data.putAll(data);
        return b;
    }

    @Override
    public String toString() {
        return "Breadcrumb{" + timestamp() + " " + level + " " + category + ": " + message + "}";
    }

    public static final class Builder {
        private Instant timestamp;
        private String type;
        private String category;
        private String message;
        private SentryLevel level;
        private final Map<String, Object> data = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder level(SentryLevel level) {
            this.level = level;
            return this;
        }

        /** Null keys and values are ignored. */
        public Builder data(String key, Object value) {
            if (key != null && value != null) {
                data.put(key, value);
            }
            return this;
        }

        public Breadcrumb build() {
            return new Breadcrumb(this);
        }
    }
}
