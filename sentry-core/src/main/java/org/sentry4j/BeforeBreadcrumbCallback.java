package org.sentry4j;

/** Decides on each breadcrumb as it is recorded: return it, another, or null to drop it. */
@FunctionalInterface
public interface BeforeBreadcrumbCallback {
    Breadcrumb execute(Breadcrumb breadcrumb, Hint hint);
}
