package org.sentry4j;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The global scope plus, per thread, a stack of pushed scopes layered over it. The current scope of a
 * thread is the top of its stack, or the global scope when nothing is pushed.
 *
 * <p>Every log line asks for the current scope. While no thread has a scope pushed — most of the time
 * in most applications — that answer comes from one counter instead of a thread-local lookup, which
 * costs tens of nanoseconds once a thread holds many thread-locals (logging frameworks keep several).
 */
final class Scopes {
    private final Scope global;
    private final int maxBreadcrumbs;
    private final Function<Breadcrumb, Breadcrumb> breadcrumbFilter;
    private final ThreadLocal<Deque<Scope>> pushed = new ThreadLocal<>();
    /** Stacks that hold at least one pushed scope, over all threads. */
    private final AtomicInteger nonEmptyStacks = new AtomicInteger();

    Scopes(int maxBreadcrumbs, Function<Breadcrumb, Breadcrumb> breadcrumbFilter) {
        this.maxBreadcrumbs = maxBreadcrumbs;
        this.breadcrumbFilter = breadcrumbFilter;
        this.global = new Scope(maxBreadcrumbs, breadcrumbFilter);
    }

    Scope global() {
        return global;
    }

    Scope current() {
        if (nonEmptyStacks.get() == 0) {
            return global;
        }
        Deque<Scope> stack = pushed.get();
        Scope top = stack == null ? null : stack.peek();
        return top != null ? top : global;
    }

    /** Pushes a copy of the current scope; the returned handle pops exactly that scope. */
    ScopeHandle push() {
        return push(current().copy());
    }

    /** Makes {@code scope} current on this thread until the handle is closed. */
    ScopeHandle push(Scope scope) {
        Deque<Scope> stack = pushed.get();
        if (stack == null) {
            // Concurrent: its owner reads the top without a lock while a handle may be closed elsewhere.
            stack = new ConcurrentLinkedDeque<>();
            pushed.set(stack);
        }
        // The counter changes exactly when a stack turns non-empty or empty, under the stack's lock (never
        // contended but by a handle closed on another thread), so it cannot drift.
        synchronized (stack) {
            if (stack.isEmpty()) {
                nonEmptyStacks.incrementAndGet();
            }
            stack.push(scope);
        }
        Deque<Scope> owner = stack;
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
                if (!owner.isEmpty()) {
                    return;
                }
                nonEmptyStacks.decrementAndGet();
            }
            if (pushed.get() == owner) {
                pushed.remove();
            }
        });
    }

    int maxBreadcrumbs() {
        return maxBreadcrumbs;
    }

    Function<Breadcrumb, Breadcrumb> breadcrumbFilter() {
        return breadcrumbFilter;
    }
}
