package org.sentry4j.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.sentry4j.Breadcrumb;
import org.sentry4j.SentryLevel;
import org.sentry4j.logging.LogMessageFormatter;

/**
 * A scope's newest {@code capacity} breadcrumbs, as an immutable linked list (newest first) behind one
 * atomic head. Adding allocates one small link; taking a snapshot for a capture is reading the head —
 * O(1) and allocation-free, where copying out the trail cost ~100 references per event on the logging
 * thread. Each snapshot sees exactly the trail at its moment, however many breadcrumbs follow before
 * the worker reads it, and links are never changed once published, so nothing is locked.
 *
 * <p>A log line from an appender is its own link ({@link LogLine}): time, level, logger, template and
 * arguments in one object, made into a {@link Breadcrumb} (and formatted) only when an event carries
 * it, on the worker. The logging thread then allocates one object per breadcrumb instead of a
 * breadcrumb, a link and a formatted message.
 *
 * <p>A list grown to {@link #SLACK} times the capacity is cut by starting a fresh copy of its newest
 * part: older links stay reachable only from snapshots still waiting for the worker, then are garbage.
 * That copy costs one link per {@code SLACK - 1} adds, amortised.
 */
public final class BreadcrumbTrail {
    /** 16: the copy walks ~capacity scattered links (cache misses), so it is kept to one per 15 × capacity adds. */
    static final int SLACK = 16;

    private final AtomicReference<Link> head = new AtomicReference<>();
    private final int capacity;

    public BreadcrumbTrail(int capacity) {
        this.capacity = Math.max(0, capacity);
    }

    /** The breadcrumbs at one moment, newest first; null when there are none. Immutable. */
    public abstract static class Link {
        final Link older;
        /** How many links this one heads, itself included. */
        final int length;

        Link(Link older) {
            this.older = older;
            this.length = older == null ? 1 : older.length + 1;
        }

        abstract Breadcrumb crumb();

        /** The same breadcrumb in front of another list. */
        abstract Link over(Link older);
    }

    /** A breadcrumb the application (or an integration) built. */
    private static final class Held extends Link {
        private final Breadcrumb crumb;

        Held(Breadcrumb crumb, Link older) {
            super(older);
            this.crumb = crumb;
        }

        @Override
        Breadcrumb crumb() {
            return crumb;
        }

        @Override
        Link over(Link older) {
            return new Held(crumb, older);
        }
    }

    /** A log line, formatted into a breadcrumb when first read. */
    private static final class LogLine extends Link {
        private static final long NANOS_PER_SECOND = 1_000_000_000L;
        private final long epochNanos;
        private final SentryLevel level;
        private final String logger;
        /** Null, one argument, or an {@code Object[]} of them. */
        private final Object arguments;
        private final LogMessageFormatter formatter;
        /**
         * The template until the line is first read, then the breadcrumb made from it, so every event
         * carrying this line shares one breadcrumb (and the JSON the serializer caches per breadcrumb). One field for both keeps the
         * link at 48 bytes. Not volatile: a volatile store in the constructor is a full fence on the
         * logging thread; the link is published by the head's CAS, and a Breadcrumb (all fields final)
         * is safe to publish through a race, whose worst outcome is an equal twin.
         */
        private Object text;

        LogLine(long epochNanos, SentryLevel level, String logger, Object text, Object arguments,
                LogMessageFormatter formatter, Link older) {
            super(older);
            this.epochNanos = epochNanos;
            this.level = level;
            this.logger = logger;
            this.text = text;
            this.arguments = arguments;
            this.formatter = formatter;
        }

        @Override
        Breadcrumb crumb() {
            Object t = text;
            if (t instanceof Breadcrumb) {
                return (Breadcrumb) t;
            }
            Breadcrumb made = new Breadcrumb(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                    (int) Math.floorMod(epochNanos, NANOS_PER_SECOND), level, logger,
                    format((String) t, arguments, formatter));
            text = made;
            return made;
        }

        @Override
        Link over(Link older) {
            Object t = text;
            return t instanceof Breadcrumb ? new Held((Breadcrumb) t, older)
                    : new LogLine(epochNanos, level, logger, t, arguments, formatter, older);
        }
    }

    public void add(Breadcrumb crumb) {
        if (capacity == 0 || crumb == null) {
            return;
        }
        while (true) {
            Link current = head.get();
            if (head.compareAndSet(current, new Held(crumb, cut(current)))) {
                return;
            }
        }
    }

    /**
     * Adds a log line whose message is {@code template} filled with {@code arguments} by
     * {@code formatter}, later. {@code arguments} is null (the template is the message), the one
     * argument, or an {@code Object[]} of them; none may change afterwards.
     */
    public void addLogLine(long epochSecond, int nanoOfSecond, SentryLevel level, String logger,
                           String template, Object arguments, LogMessageFormatter formatter) {
        if (capacity == 0) {
            return;
        }
        while (true) {
            Link current = head.get();
            Link line = new LogLine(EpochNanos.of(epochSecond, nanoOfSecond), level, logger, template, arguments,
                    formatter, cut(current));
            if (head.compareAndSet(current, line)) {
                return;
            }
        }
    }

    /**
     * A log line's message: {@code template} filled with {@code arguments} (null, one argument, or an
     * {@code Object[]}); a note instead of the message when the formatter throws.
     */
    public static String format(String template, Object arguments, LogMessageFormatter formatter) {
        Object[] args = arguments instanceof Object[] ? (Object[]) arguments
                : arguments == null ? null : new Object[] {arguments};
        if (args == null || args.length == 0 || template == null || formatter == null) {
            return template;
        }
        try {
            return formatter.format(template, args);
        } catch (RuntimeException e) { // NOPMD: a broken argument must not break logging
            return "<message could not be formatted: " + e.getClass().getName() + ">";
        }
    }

    private Link cut(Link current) {
        return current != null && current.length >= SLACK * capacity ? newest(current, capacity - 1) : current;
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
            out[i] = link.crumb();
            link = link.older;
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    /** A fresh list of the newest {@code n} links of {@code from}. */
    private static Link newest(Link from, int n) {
        if (n <= 0) {
            return null;
        }
        Link[] links = new Link[Math.min(n, from.length)];
        Link link = from;
        for (int i = 0; i < links.length; i++) {
            links[i] = link;
            link = link.older;
        }
        Link copy = null;
        for (int i = links.length - 1; i >= 0; i--) {
            copy = links[i].over(copy);
        }
        return copy;
    }
}
