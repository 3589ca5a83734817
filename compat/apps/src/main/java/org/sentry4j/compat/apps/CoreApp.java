package org.sentry4j.compat.apps;

import org.sentry4j.Sentry;
import org.sentry4j.SentryLevel;

/**
 * An application with no logging framework that calls the core API: init from {@code SENTRY_DSN},
 * breadcrumbs, an exception and a message, then {@code close()}.
 */
public final class CoreApp {
    private CoreApp() {
    }

    public static void main(String[] args) {
        Sentry.init(System.getenv("SENTRY_DSN"));
        Sentry.addBreadcrumb("app started");
        Sentry.addBreadcrumb("loaded 3 orders");
        Sentry.captureException(Failures.chained());
        Sentry.captureMessage("stock check found 2 negative items", SentryLevel.ERROR);
        Sentry.addBreadcrumb("batch done");
        System.out.println("compat-app: captured 2");
        Sentry.close();
        System.out.println("compat-app: main returns");
    }
}
