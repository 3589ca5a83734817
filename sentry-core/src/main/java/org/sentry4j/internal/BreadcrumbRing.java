package org.sentry4j.internal;

import java.util.ArrayList;
import java.util.List;
import org.sentry4j.Breadcrumb;

/**
 * The newest {@code capacity} breadcrumbs. Adding is O(1) and allocates nothing (the hot path of a
 * logging appender); copying out, done once per event, is O(capacity).
 */
public final class BreadcrumbRing {
    private final Breadcrumb[] slots;
    private int next;
    private int size;

    public BreadcrumbRing(int capacity) {
        this.slots = new Breadcrumb[Math.max(0, capacity)];
    }

    public synchronized void add(Breadcrumb crumb) {
        if (slots.length == 0) {
            return;
        }
        slots[next] = crumb;
        next = (next + 1) % slots.length;
        if (size < slots.length) {
            size++;
        }
    }

    /** Oldest first. */
    public synchronized List<Breadcrumb> toList() {
        List<Breadcrumb> out = new ArrayList<>(size);
        int start = (next - size + slots.length) % Math.max(1, slots.length);
        for (int i = 0; i < size; i++) {
            out.add(slots[(start + i) % slots.length]);
        }
        return out;
    }

    public synchronized void clear() {
        java.util.Arrays.fill(slots, null);
        next = 0;
        size = 0;
    }

    public synchronized void copyFrom(BreadcrumbRing other) {
        for (Breadcrumb b : other.toList()) {
            add(b);
        }
    }

    public int capacity() {
        return slots.length;
    }
}
