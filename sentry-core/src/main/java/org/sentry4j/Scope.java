package org.sentry4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sentry4j.internal.BreadcrumbTrail;
import org.sentry4j.internal.OpenTelemetryTrace;
import org.sentry4j.internal.ScopeSnapshot;
import org.sentry4j.logging.LogMessageFormatter;

/**
 * Data applied to every event captured while this scope is current: user, tags, extras, level,
 * fingerprint, contexts and breadcrumbs. Thread-safe.
 *
 * <p>There is one global scope ({@link Sentry#configureGlobalScope}), one scope per thread layered over
 * it ({@link Sentry#configureScope}), and scopes pushed over that ({@link Sentry#pushScope()}) until
 * popped. Values set on the event itself win over the scope's.
 */
public final class Scope {
    private final BreadcrumbTrail breadcrumbs;
    private final Function<Breadcrumb, Breadcrumb> breadcrumbFilter;
    // Copy-on-write: a capture reads these references without copying.
    private volatile User user;
    private volatile Map<String, String> tags = Map.of();
    private volatile Map<String, Object> extras = Map.of();
    private volatile SentryLevel level;
    private volatile List<String> fingerprint = List.of();
    private volatile Map<String, Map<String, Object>> contexts = Map.of();
    private volatile String transaction;
    private volatile PropagationContext propagation;

    Scope(int maxBreadcrumbs, Function<Breadcrumb, Breadcrumb> breadcrumbFilter) {
        this.breadcrumbs = new BreadcrumbTrail(maxBreadcrumbs);
        this.breadcrumbFilter = breadcrumbFilter;
    }

    public User getUser() {
        return user;
    }

    /**
     * Null removes the user. A user without id, username, email or IP address is ignored (Sentry could
     * not tell who it is), said in one {@code debug} line.
     */
    public void setUser(User user) {
        if (user != null && !user.isIdentified()) {
            Hub h = Sentry.hub();
            if (h.isEnabled()) {
                h.client.diagnostics().debug("a user without id, username, email or ipAddress is ignored: " + user);
            }
            return;
        }
        this.user = user;
    }

    public Map<String, String> getTags() {
        return tags;
    }

    /** A null value removes the tag. */
    public synchronized void setTag(String key, String value) {
        if (key == null) {
            return;
        }
        Map<String, String> copy = new LinkedHashMap<>(tags);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        tags = Map.copyOf(copy);
    }

    public void removeTag(String key) {
        setTag(key, null);
    }

    public Map<String, Object> getExtras() {
        return extras;
    }

    /** A null value removes the extra. */
    public synchronized void setExtra(String key, Object value) {
        if (key == null) {
            return;
        }
        Map<String, Object> copy = new LinkedHashMap<>(extras);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        extras = Map.copyOf(copy);
    }

    public void removeExtra(String key) {
        setExtra(key, null);
    }

    public SentryLevel getLevel() {
        return level;
    }

    /** Overrides the level of every event captured in this scope; null stops overriding. */
    public void setLevel(SentryLevel level) {
        this.level = level;
    }

    public List<String> getFingerprint() {
        return fingerprint;
    }

    /**
     * Groups events by these strings instead of Sentry's default; include {@code "{{default}}"} to
     * refine the default grouping rather than replace it. Empty or null restores default grouping.
     */
    public void setFingerprint(List<String> fingerprint) {
        List<String> clean = new ArrayList<>();
        if (fingerprint != null) {
            for (String part : fingerprint) {
                if (part != null) {
                    clean.add(part);
                }
            }
        }
        this.fingerprint = List.copyOf(clean);
    }

    public Map<String, Map<String, Object>> getContexts() {
        return contexts;
    }

    /** Sets a named context ({@code contexts.<name>} in the event); null removes it. */
    public synchronized void setContext(String name, Map<String, Object> context) {
        if (name == null) {
            return;
        }
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>(contexts);
        if (context == null) {
            copy.remove(name);
        } else {
            Map<String, Object> values = new LinkedHashMap<>();
            context.forEach((k, v) -> {
                if (k != null && v != null) {
                    values.put(k, v);
                }
            });
            copy.put(name, Map.copyOf(values));
        }
        contexts = Map.copyOf(copy);
    }

    public void removeContext(String name) {
        setContext(name, null);
    }

    public String getTransaction() {
        return transaction;
    }

    /** The name of the operation in progress (a route, a job), shown as the event's transaction. */
    public void setTransaction(String transaction) {
        this.transaction = transaction;
    }

    /** Records a breadcrumb, passing it through {@code beforeBreadcrumb} (with an empty hint). */
    public void addBreadcrumb(Breadcrumb breadcrumb) {
        if (breadcrumb == null) {
            return;
        }
        Breadcrumb kept = breadcrumbFilter.apply(breadcrumb);
        if (kept != null) {
            breadcrumbs.add(kept);
        }
    }

    /**
     * Records a breadcrumb in this scope, passing it and {@code hint} through {@code beforeBreadcrumb}:
     * for work that completes on another thread (an asynchronous request) but belongs to the thread that
     * started it, whose scope was taken then.
     */
    public void addBreadcrumb(Breadcrumb breadcrumb, Hint hint) {
        Sentry.addBreadcrumb(this, breadcrumb, hint);
    }

    /** Records a breadcrumb that already went through {@code beforeBreadcrumb}. */
    void addFilteredBreadcrumb(Breadcrumb breadcrumb) {
        breadcrumbs.add(breadcrumb);
    }

    /** Records a log line, formatted into a breadcrumb later; only when no {@code beforeBreadcrumb} is set. */
    void addLogLine(long epochSecond, int nanoOfSecond, SentryLevel level, String logger, String template,
                    Object arguments, LogMessageFormatter formatter) {
        breadcrumbs.addLogLine(epochSecond, nanoOfSecond, level, logger, template, arguments, formatter);
    }

    /** Oldest first. */
    public List<Breadcrumb> getBreadcrumbs() {
        return breadcrumbs.toList();
    }

    public void clearBreadcrumbs() {
        breadcrumbs.clear();
    }

    /** Removes everything: user, tags, extras, level, fingerprint, contexts, transaction, trace, breadcrumbs. */
    public synchronized void clear() {
        user = null;
        tags = Map.of();
        extras = Map.of();
        level = null;
        fingerprint = List.of();
        contexts = Map.of();
        transaction = null;
        propagation = null;
        breadcrumbs.clear();
    }

    /** The trace continued on this scope ({@link Sentry#continueTrace}), or null: the client's own. */
    public PropagationContext getPropagationContext() {
        return propagation;
    }

    /** Makes this scope's events (and outgoing headers) belong to {@code context}; null: the client's own. */
    public void setPropagationContext(PropagationContext context) {
        this.propagation = context;
    }

    /** A copy to layer over this scope (push) or to carry to another thread (wrap). */
    synchronized Scope copy() {
        Scope c = new Scope(breadcrumbs.capacity(), breadcrumbFilter);
        c.user = user;
        c.tags = tags;
        c.extras = extras;
        c.level = level;
        c.fingerprint = fingerprint;
        c.contexts = contexts;
        c.transaction = transaction;
        c.propagation = propagation;
        c.breadcrumbs.copyFrom(breadcrumbs);
        return c;
    }

    ScopeSnapshot snapshot() {
        return new ScopeSnapshot(user, tags, extras, level, fingerprint, contexts, breadcrumbs.snapshot(),
                breadcrumbs.capacity(), transaction, traceHere(propagation));
    }

    /**
     * This scope over {@code base} (the global scope): each value of this scope wins over the base's,
     * maps are merged key by key, breadcrumbs of both are kept. Allocates a merged map only when both
     * layers have entries.
     */
    ScopeSnapshot snapshotOver(Scope base) {
        if (base == this) {
            return snapshot();
        }
        return new ScopeSnapshot(user != null ? user : base.user, merged(base.tags, tags),
                merged(base.extras, extras), level != null ? level : base.level,
                fingerprint.isEmpty() ? base.fingerprint : fingerprint, merged(base.contexts, contexts),
                breadcrumbs.snapshot(), base.breadcrumbs.snapshot(), breadcrumbs.capacity(),
                transaction != null ? transaction : base.transaction,
                traceHere(propagation != null ? propagation : base.propagation));
    }

    /** Read on the capturing thread: an OpenTelemetry span is current there, not on the worker. */
    private static PropagationContext traceHere(PropagationContext scopes) {
        PropagationContext otel = OpenTelemetryTrace.current();
        return otel != null ? otel : scopes;
    }

    private static <V> Map<String, V> merged(Map<String, V> under, Map<String, V> over) {
        if (under.isEmpty()) {
            return over;
        }
        if (over.isEmpty()) {
            return under;
        }
        Map<String, V> all = new LinkedHashMap<>(under);
        all.putAll(over);
        return Collections.unmodifiableMap(all);
    }
}
