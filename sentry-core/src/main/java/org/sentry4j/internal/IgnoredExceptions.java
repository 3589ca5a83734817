package org.sentry4j.internal;

import java.util.Set;

/** Matches a throwable against the {@code ignoredExceptions} option by class name, subclasses included. */
final class IgnoredExceptions {
    private final Set<String> names;

    IgnoredExceptions(Set<String> names) {
        this.names = names;
    }

    boolean matches(Throwable t) {
        if (t == null || names.isEmpty()) {
            return false;
        }
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
