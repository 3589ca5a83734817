package org.sentry4j.internal;

import java.util.ArrayList;
import java.util.List;
import org.sentry4j.SentryOptions;
import org.sentry4j.integration.Integration;

/** The integrations installed unless {@code defaultIntegrations=false}. */
final class DefaultIntegrations {
    private DefaultIntegrations() {
    }

    static List<Integration> create(SentryOptions options) {
        List<Integration> list = new ArrayList<>();
        return list;
    }
}
