package org.sentry4j;

import java.time.Duration;
import org.sentry4j.internal.SentryClient;

/** The current client with its scopes; replaced as a whole by {@code init} and {@code close}. */
final class Hub {
    static final Hub DISABLED = new Hub(null, new Scopes(0, crumb -> null));

    final SentryClient client;
    final Scopes scopes;

    private Hub(SentryClient client, Scopes scopes) {
        this.client = client;
        this.scopes = scopes;
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

    void close(Duration timeout) {
        if (client != null) {
            client.close(timeout);
        }
    }
}
