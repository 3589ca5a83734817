package org.sentry4j.integration;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.sentry4j.Hint;
import org.sentry4j.SentryEvent;
import org.sentry4j.logging.ThrowableReader;

/**
 * Drops an event whose throwable, or any of its causes, is the very object (identity, not equality)
 * an earlier event was made from, e.g. a library logs an exception at ERROR and the application then
 * captures it too. Remembers the last {@value #REMEMBERED} throwables through weak references, so
 * memory stays bounded and nothing is kept alive.
 */
public final class DedupeIntegration implements Integration {
    static final int REMEMBERED = 64;
    private static final int MAX_CHAIN = 100;

    private final List<WeakReference<Throwable>> seen = new ArrayList<>(Collections.nCopies(REMEMBERED, null));
    private int next;

    @Override
    public String name() {
        return "Dedupe";
    }

    @Override
    public void install(Installation installation) {
        installation.addEventProcessor(this::process);
    }

    /** Processors run on the worker, or on a capturing thread under backpressure: hence synchronized. */
    synchronized SentryEvent process(SentryEvent event, Hint hint) {
        Throwable thrown = event.getThrowable();
        if (thrown == null) {
            return event;
        }
        Set<Throwable> chain = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && chain.size() < MAX_CHAIN && chain.add(t); t = ThrowableReader.JAVA.cause(t)) {
            if (wasSeen(t)) {
                return null;
            }
        }
        seen.set(next, new WeakReference<>(thrown));
        next = (next + 1) % REMEMBERED;
        return event;
    }

    private boolean wasSeen(Throwable t) {
        for (WeakReference<Throwable> ref : seen) {
            if (ref != null && ref.get() == t) {
                return true;
            }
        }
        return false;
    }
}
