package org.sentry4j.internal;

import org.sentry4j.PropagationContext;

import java.util.List;
import java.util.Map;
import org.sentry4j.Breadcrumb;
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
    private final int maxBreadcrumbs;
    private final String transaction;
    private final PropagationContext propagation;

    public ScopeSnapshot(User user, Map<String, String> tags, Map<String, Object> extras, SentryLevel level,
                         List<String> fingerprint, Map<String, Map<String, Object>> contexts,
                         BreadcrumbTrail.Link trail, int maxBreadcrumbs, String transaction) {
        this.user = user;
        this.tags = tags;
        this.extras = extras;
        this.level = level;
        this.fingerprint = fingerprint;
        this.contexts = contexts;
        this.trail = trail;
        this.maxBreadcrumbs = maxBreadcrumbs;
        this.transaction = transaction;
        this.propagation = null;
    }

    /** As the other constructor, with the trace the capture belongs to (null: the client's own). */
    public ScopeSnapshot(User user, Map<String, String> tags, Map<String, Object> extras, SentryLevel level,
                         List<String> fingerprint, Map<String, Map<String, Object>> contexts,
                         BreadcrumbTrail.Link trail, int maxBreadcrumbs, String transaction,
                         PropagationContext propagation) {
        this.user = user;
        this.tags = tags;
        this.extras = extras;
        this.level = level;
        this.fingerprint = fingerprint;
        this.contexts = contexts;
        this.trail = trail;
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

    /** Oldest first; made from the trail when asked (on the worker), not when the snapshot is taken. */
    public List<Breadcrumb> breadcrumbs() {
        return BreadcrumbTrail.toList(trail, maxBreadcrumbs);
    }

    public String transaction() {
        return transaction;
    }

    /** The trace at capture time (an OpenTelemetry span's, or the scope's continued one), or null. */
    public PropagationContext propagation() {
        return propagation;
    }
}
