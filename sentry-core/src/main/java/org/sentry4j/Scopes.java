package org.sentry4j;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import org.sentry4j.internal.ScopeSnapshot;

/**
 * Three layers of scope. The global scope holds what the application sets for every thread
 * ({@link Sentry#configureGlobalScope}). Each thread has its own scope, made at its first use, layered
 * over the global one: it is what {@link Sentry#configureScope} changes and where the thread's
 * breadcrumbs (its log lines among them) go. Over that, a thread may push scopes
 * ({@link Sentry#pushScope}, {@link Sentry#withScope}, {@link Sentry#wrap}); the top one is then current.
 * An event carries the global scope with the current one on top, so no thread sees another's user,
 * tags or breadcrumbs.
 */
final class Scopes {
    private final Scope global;
    private final int maxBreadcrumbs;
    private final Function<Breadcrumb, Breadcrumb> breadcrumbFilter;
    private final ThreadLocal<PerThread> threads;

    /**
     * A thread's own scope and its stack of pushed scopes (concurrent: a handle may be closed elsewhere),
     * with the current one kept in a field: a log line reads it, and nothing more, after the thread-local.
     */
    private static final class PerThread {
        final Scope own;
        final Deque<Scope> pushed = new ConcurrentLinkedDeque<>();
        /** The top of {@code pushed}, else {@code own}; written under the stack's lock. */
        volatile Scope current;

        PerThread(Scope own) {
            this.own = own;
            this.current = own;
        }

        void settle() {
            Scope top = pushed.peekFirst();
            current = top != null ? top : own;
        }
    }

    Scopes(int maxBreadcrumbs, Function<Breadcrumb, Breadcrumb> breadcrumbFilter) {
        this.maxBreadcrumbs = maxBreadcrumbs;
        this.breadcrumbFilter = breadcrumbFilter;
        this.global = new Scope(maxBreadcrumbs, breadcrumbFilter);
        this.threads = ThreadLocal.withInitial(() -> new PerThread(new Scope(maxBreadcrumbs, breadcrumbFilter)));
    }

    Scope global() {
        return global;
    }

    /** The top scope pushed on this thread, or the thread's own scope. */
    Scope current() {
        return threads.get().current;
    }

    /** What an event captured now on this thread carries: the current scope over the global one. */
    ScopeSnapshot snapshot() {
        return current().snapshotOver(global);
    }

    /** Pushes a copy of the current scope; the returned handle pops exactly that scope. */
    ScopeHandle push() {
        return push(current().copy());
    }

    /** Pushes an empty scope: this thread's data is hidden until the handle is closed, the global scope is not. */
    ScopeHandle pushIsolated() {
        return push(new Scope(maxBreadcrumbs, breadcrumbFilter));
    }

    /** Makes {@code scope} current on this thread until the handle is closed. */
    ScopeHandle push(Scope scope) {
        PerThread thread = threads.get();
        Deque<Scope> owner = thread.pushed;
        synchronized (owner) { // never contended but by a handle closed on another thread
            owner.push(scope);
            thread.settle();
        }
        Thread ownerThread = Thread.currentThread();
        return new ScopeHandle(() -> {
            // On its own thread it pops this scope and anything pushed above it and left open; closed on
            // another thread (an async completion), it removes only this scope, as the owner may have
            // pushed others since for work of its own. A second close does nothing.
            synchronized (owner) {
                if (!owner.contains(scope)) {
                    return;
                }
                if (Thread.currentThread() == ownerThread) {
                    while (!owner.isEmpty() && owner.pop() != scope) {
                        // keep popping
                    }
                } else {
                    owner.removeFirstOccurrence(scope);
                }
                thread.settle();
            }
        });
    }
}
