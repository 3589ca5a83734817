package org.sentry4j.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sentry4j.Breadcrumb;
import org.sentry4j.PropagationContext;
import org.sentry4j.SentryLevel;
import org.sentry4j.User;

/** What a scope held at the moment of a capture; applied to the event later, on the worker. Immutable. */
public final class ScopeSnapshot {
    public static final ScopeSnapshot EMPTY =
            new ScopeSnapshot(null, Map.of(), Map.of(), null, List.of(), Map.of(), null, 0, null);

    private final User user;
    private final Map<String, String> tags;
    private final Map<String, Object> extras;
    private final SentryLevel level;
    private final List<String> fingerprint;
    private final Map<String, Map<String, Object>> contexts;
    private final BreadcrumbTrail.Link trail;
    private final BreadcrumbTrail.Link baseTrail;
    private final int maxBreadcrumbs;
    private final String transaction;
    private final PropagationContext propagation;

    public ScopeSnapshot(User user, Map<String, String> tags, Map<String, Object> extras, SentryLevel level,
                         List<String> fingerprint, Map<String, Map<String, Object>> contexts,
                         BreadcrumbTrail.Link trail, int maxBreadcrumbs, String transaction) {
        this(user, tags, extras, level, fingerprint, contexts, trail, null, maxBreadcrumbs, transaction, null);
    }

    /** As the other constructor, with the trace the capture belongs to (null: the client's own). */
    public ScopeSnapshot(User user, Map<String, String> tags, Map<String, Object> extras, SentryLevel level,
                         List<String> fingerprint, Map<String, Map<String, Object>> contexts,
                         BreadcrumbTrail.Link trail, int maxBreadcrumbs, String transaction,
                         PropagationContext propagation) {
        this(user, tags, extras, level, fingerprint, contexts, trail, null, maxBreadcrumbs, transaction,
                propagation);
    }

    /** A scope over a base (the global scope): {@code baseTrail} holds the base's breadcrumbs, merged by time. */
    public ScopeSnapshot(User user, Map<String, String> tags, Map<String, Object> extras, SentryLevel level,
                         List<String> fingerprint, Map<String, Map<String, Object>> contexts,
                         BreadcrumbTrail.Link trail, BreadcrumbTrail.Link baseTrail, int maxBreadcrumbs,
                         String transaction, PropagationContext propagation) {
        this.user = user;
        this.tags = tags;
        this.extras = extras;
        this.level = level;
        this.fingerprint = fingerprint;
        this.contexts = contexts;
        this.trail = trail;
        this.baseTrail = baseTrail;
        this.maxBreadcrumbs = maxBreadcrumbs;
        this.transaction = transaction;
        this.propagation = propagation;
    }

    public User user() {
        return user;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public Map<String, Object> extras() {
        return extras;
    }

    public SentryLevel level() {
        return level;
    }

    public List<String> fingerprint() {
        return fingerprint;
    }

    public Map<String, Map<String, Object>> contexts() {
        return contexts;
    }

    /**
     * Oldest first, the newest {@code maxBreadcrumbs} of the scope's and its base's (the global
     * scope's) merged by time; made when asked (on the worker), not when the snapshot is taken.
     */
    public List<Breadcrumb> breadcrumbs() {
        List<Breadcrumb> own = BreadcrumbTrail.toList(trail, maxBreadcrumbs);
        if (baseTrail == null) {
            return own;
        }
        List<Breadcrumb> base = BreadcrumbTrail.toList(baseTrail, maxBreadcrumbs);
        if (base.isEmpty()) {
            return own;
        }
        if (own.isEmpty()) {
            return base;
        }
        List<Breadcrumb> all = new ArrayList<>(own.size() + base.size());
        int i = 0;
        int j = 0;
        while (i < base.size() || j < own.size()) {
            boolean takeBase = j == own.size()
                    || (i < base.size() && !base.get(i).timestamp().isAfter(own.get(j).timestamp()));
            all.add(takeBase ? base.get(i++) : own.get(j++));
        }
        return all.size() <= maxBreadcrumbs ? all : all.subList(all.size() - maxBreadcrumbs, all.size());
    }

    public String transaction() {
        return transaction;
    }

    /** The trace at capture time (an OpenTelemetry span's, or the scope's continued one), or null. */
    public PropagationContext propagation() {
        return propagation;
    }
}
