package org.sentry4j.internal.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/**
 * The server's rate limits for one DSN (protocol section 8): one deadline per data category plus one for
 * "all". Read on every response; overlapping limits keep the later deadline. Deadlines use the
 * options' clock so tests can move past them.
 */
final class RateLimits {
    static final String ALL = "";
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(60);
    private static final Set<String> KNOWN = Set.of("default", "error", "transaction", "monitor", "span",
            "log_item", "log_byte", "security", "attachment", "session", "profile", "profile_chunk", "replay",
            "feedback", "trace_metric", "trace_metric_byte", "internal", "metric_bucket");

    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> deadlines = new ConcurrentHashMap<>();
    /** Grows with every limit applied, so a sender can tell whether an answer brought one. */
    private final AtomicLong version = new AtomicLong();

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** Applies what a response said: {@code X-Sentry-Rate-Limits} first, else a 429's {@code Retry-After}. */
    void update(int status, String rateLimitsHeader, String retryAfterHeader) {
        Instant now = clock.instant();
        if (rateLimitsHeader != null && !rateLimitsHeader.isBlank()) {
            for (String limit : rateLimitsHeader.split(",")) {
                applyQuota(now, limit.trim());
            }
        } else if (status == 429) {
            Duration retry = parseSeconds(retryAfterHeader);
            extend(ALL, now.plus(retry == null ? DEFAULT_RETRY : retry));
        }
    }

    private void applyQuota(Instant now, String quota) {
        String[] fields = quota.split(":", -1);
        Duration retry = parseSeconds(fields[0]);
        if (retry == null) {
            return;
        }
        Instant until = now.plus(retry);
        String categories = fields.length > 1 ? fields[1].trim() : "";
        if (categories.isEmpty()) {
            extend(ALL, until);
            return;
        }
        for (String category : categories.split(";")) {
            String c = category.trim();
            if (KNOWN.contains(c) && !"internal".equals(c)) {
                extend(c, until);
            }
        }
    }

    private void extend(String category, Instant until) {
        deadlines.merge(category, until, (old, neu) -> neu.isAfter(old) ? neu : old);
        version.incrementAndGet();
    }

    long version() {
        return version.get();
    }

    private static Duration parseSeconds(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(text.trim());
            if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                return null;
            }
            return Duration.ofMillis((long) Math.ceil(seconds * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether items of {@code category} must be dropped now; client reports only by the "all" limit. */
    boolean isLimited(String category) {
        if (deadlines.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        if (active(ALL, now)) {
            return true;
        }
        return !"internal".equals(category) && active(category, now);
    }

    /**
     * The envelope without the items that are limited now (each counted as {@code ratelimit_backoff});
     * null when nothing is left.
     */
    Envelope filter(Envelope envelope, ClientReports reports) {
        List<EnvelopeItem> kept = null;
        List<EnvelopeItem> items = envelope.items();
        for (int i = 0; i < items.size(); i++) {
            EnvelopeItem item = items.get(i);
            if (isLimited(item.category())) {
                if (kept == null) {
                    kept = new ArrayList<>(items.subList(0, i));
                }
                if (!"internal".equals(item.category())) {
                    reports.recordItem(DiscardReason.RATELIMIT_BACKOFF, item);
                }
            } else if (kept != null) {
                kept.add(item);
            }
        }
        if (kept == null) {
            return envelope;
        }
        return kept.isEmpty() ? null : envelope.withItems(kept);
    }

    boolean allLimited() {
        return !deadlines.isEmpty() && active(ALL, clock.instant());
    }

    private boolean active(String category, Instant now) {
        Instant until = deadlines.get(category);
        return until != null && now.isBefore(until);
    }
}
