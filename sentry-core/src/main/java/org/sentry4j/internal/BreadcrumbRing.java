package org.sentry4j.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.sentry4j.Breadcrumb;

/**
 * The newest {@code capacity} breadcrumbs. Adding is one atomic increment and one store — no lock and
 * no allocation, since it sits on every logging call of an appender; copying out, done once per event,
 * is O(capacity). Concurrent adds may interleave; breadcrumbs are a best-effort trail.
 */
public final class BreadcrumbRing {
    private final AtomicReferenceArray<Breadcrumb> slots;
    private final AtomicLong next = new AtomicLong();
    private final int capacity;

    public BreadcrumbRing(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.slots = new AtomicReferenceArray<>(this.capacity);
    }

    public void add(Breadcrumb crumb) {
        if (capacity == 0) {
            return;
        }
        long index = next.getAndIncrement();
        slots.set((int) (index % capacity), crumb);
    }

    /** Oldest first. */
    public List<Breadcrumb> toList() {
        long end = next.get();
        int size = (int) Math.min(end, capacity);
        List<Breadcrumb> out = new ArrayList<>(size);
        for (long i = end - size; i < end; i++) {
            Breadcrumb b = slots.get((int) (i % capacity));
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    public void clear() {
        for (int i = 0; i < capacity; i++) {
            slots.set(i, null);
        }
    }

    public void copyFrom(BreadcrumbRing other) {
        for (Breadcrumb b : other.toList()) {
            add(b);
        }
    }

    public int capacity() {
        return capacity;
    }
}
