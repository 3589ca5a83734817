package org.sentry4j.integration;

import org.sentry4j.EventProcessor;
import org.sentry4j.SentryOptions;

/**
 * A piece of SDK behaviour that hooks into the runtime or a library when the client starts, and
 * unhooks when it closes. Names appear in the event's {@code sdk.integrations}.
 */
public interface Integration {
    /** Short name, e.g. {@code UncaughtExceptionHandler}. */
    String name();

    /** Hooks in. Called once per client, on the thread that calls {@code Sentry.init}. */
    void install(Installation installation);

    /** Unhooks; must be idempotent and quick. */
    default void uninstall() {
    }

    /** What an integration may use while installing. */
    interface Installation {
        SentryOptions options();

        void addEventProcessor(EventProcessor processor);
    }
}
