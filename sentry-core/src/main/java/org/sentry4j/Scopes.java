package org.sentry4j;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/**
 * The global scope plus, per thread, a stack of pushed scopes layered over it. The current scope of a
 * thread is the top of its stack, or the global scope when nothing is pushed.
 */
final class Scopes {
    private final Scope global;
    private final int maxBreadcrumbs;
    private final Function<Breadcrumb, Breadcrumb> breadcrumbFilter;
    private final ThreadLocal<Deque<Scope>> pushed = new ThreadLocal<>();

    Scopes(int maxBreadcrumbs, Function<Breadcrumb, Breadcrumb> breadcrumbFilter) {
        this.maxBreadcrumbs = maxBreadcrumbs;
        this.breadcrumbFilter = breadcrumbFilter;
        this.global = new Scope(maxBreadcrumbs, breadcrumbFilter);
    }

    Scope global() {
        return global;
    }

    Scope current() {
        Deque<Scope> stack = pushed.get();
        if (stack == null || stack.isEmpty()) {
            return global;
        }
        return stack.peek();
    }

    /** Pushes a copy of the current scope; the returned handle pops exactly that scope. */
    ScopeHandle push() {
        return push(current().copy());
    }

    /** Makes {@code scope} current on this thread until the handle is closed. */
    ScopeHandle push(Scope scope) {
        Deque<Scope> stack = pushed.get();
        if (stack == null) {
            stack = new ArrayDeque<>();
            pushed.set(stack);
        }
        stack.push(scope);
        Deque<Scope> owner = stack;
        return new ScopeHandle(() -> {
            // Pops this scope and anything pushed above it and left open; a second close does nothing.
            if (owner.contains(scope)) {
                while (!owner.isEmpty() && owner.pop() != scope) {
                    // keep popping
                }
            }
            if (owner.isEmpty()) {
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
