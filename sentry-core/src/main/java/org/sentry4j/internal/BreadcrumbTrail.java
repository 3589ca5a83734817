package org.sentry4j.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.sentry4j.Breadcrumb;

/**
 * A scope's newest {@code capacity} breadcrumbs, as an immutable linked list (newest first) behind one
 * atomic head. Adding allocates one small link; taking a snapshot for a capture is reading the head —
 * O(1) and allocation-free, where copying out the trail cost ~100 references per event on the logging
 * thread. Each snapshot sees exactly the trail at its moment, however many breadcrumbs follow before
 * the worker reads it, and links are never changed once published, so nothing is locked.
 *
 * <p>A list grown to {@link #SLACK} times the capacity is cut by starting a fresh copy of its newest
 * part: older links stay reachable only from snapshots still waiting for the worker, then are garbage.
 * That copy costs one link per {@code SLACK - 1} adds, amortised.
 */
public final class BreadcrumbTrail {
    static final int SLACK = 8;

    private final AtomicReference<Link> head = new AtomicReference<>();
    private final int capacity;

    public BreadcrumbTrail(int capacity) {
        this.capacity = Math.max(0, capacity);
    }

    /** The breadcrumbs at one moment, newest first; null when there are none. Immutable. */
    public static final class Link {
        final Breadcrumb crumb;
        final Link older;
        /** How many links this one heads, itself included. */
        final int length;

        Link(Breadcrumb crumb, Link older) {
            this.crumb = crumb;
            this.older = older;
            this.length = older == null ? 1 : older.length + 1;
        }
    }

    public void add(Breadcrumb crumb) {
        if (capacity == 0 || crumb == null) {
            return;
        }
        while (true) {
            Link current = head.get();
            Link older = current != null && current.length >= SLACK * capacity
                    ? newest(current, capacity - 1) : current;
            if (head.compareAndSet(current, new Link(crumb, older))) {
                return;
            }
        }
    }

    /** The trail now; hand it to {@link #toList(Link, int)} later, on any thread. */
    public Link snapshot() {
        return head.get();
    }

    /** Replaces this trail with another's (a pushed scope starts from its parent's); shares the links. */
    public void copyFrom(BreadcrumbTrail other) {
        Link theirs = other.head.get();
        head.set(theirs == null || theirs.length <= capacity ? theirs : newest(theirs, capacity));
    }

    public void clear() {
        head.set(null);
    }

    public List<Breadcrumb> toList() {
        return toList(head.get(), capacity);
    }

    public int capacity() {
        return capacity;
    }

    /** Oldest first, at most {@code max} of them. */
    public static List<Breadcrumb> toList(Link from, int max) {
        if (from == null || max <= 0) {
            return List.of();
        }
        int n = Math.min(from.length, max);
        Breadcrumb[] out = new Breadcrumb[n];
        Link link = from;
        for (int i = n - 1; i >= 0; i--) {
            out[i] = link.crumb;
            link = link.older;
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    /** A fresh list of the newest {@code n} links of {@code from}. */
    private static Link newest(Link from, int n) {
        if (n <= 0) {
            return null;
        }
        Breadcrumb[] crumbs = new Breadcrumb[Math.min(n, from.length)];
        Link link = from;
        for (int i = 0; i < crumbs.length; i++) {
            crumbs[i] = link.crumb;
            link = link.older;
        }
        Link copy = null;
        for (int i = crumbs.length - 1; i >= 0; i--) {
            copy = new Link(crumbs[i], copy);
        }
        return copy;
    }
}
