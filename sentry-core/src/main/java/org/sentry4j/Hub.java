package org.sentry4j;

import java.time.Duration;
import org.sentry4j.internal.SentryClient;

/** The current client with its scopes; replaced as a whole by {@code init} and {@code close}. */
final class Hub {
    static final Hub DISABLED = new Hub(null, new Scopes(0, crumb -> null));

    /** No level reaches it: logs are off. */
    static final int LOGS_OFF = Integer.MAX_VALUE;

    final SentryClient client;
    final Scopes scopes;
    /**
     * The {@link org.sentry4j.logging.LogLevel} ordinal from which a logging framework's records become
     * structured logs, or {@link #LOGS_OFF}; read by the front-ends on every record they see.
     */
    final int logThreshold;

    private Hub(SentryClient client, Scopes scopes) {
        this.client = client;
        this.scopes = scopes;
        this.logThreshold = client != null && client.logsEnabled()
                ? client.options().minimumLogLevel().ordinal() : LOGS_OFF;
    }

    static Hub start(SentryOptions options) {
        if (!options.isEnabled()) {
            if (options.debug()) {
                System.err.println("[sentry4j] no DSN configured; the SDK is disabled and sends nothing");
            }
            return DISABLED;
        }
        SentryClient client = new SentryClient(options);
        return new Hub(client, new Scopes(options.maxBreadcrumbs(), crumb -> client.filterBreadcrumb(crumb, Hint.empty())));
    }

    boolean isEnabled() {
        return client != null;
    }

    /** Flushes and closes the client; never throws (an Error included: a library missing at exit). */
    void close(Duration timeout) {
        if (client != null) {
            try {
                client.close(timeout);
            } catch (Throwable t) { // NOPMD: closing the SDK must never be what fails the application
                client.diagnostics().debug("close failed", t);
            }
        }
    }

    /** Waits up to {@code timeout}; false on timeout or failure, never throws. */
    boolean flush(Duration timeout) {
        if (client == null) {
            return true;
        }
        try {
            return client.flush(timeout);
        } catch (Throwable t) { // NOPMD: as close
            client.diagnostics().debug("flush failed", t);
            return false;
        }
    }
}
