package org.sentry4j.internal;

import java.util.List;
import org.sentry4j.SentryOptions;
import org.sentry4j.integration.DedupeIntegration;
import org.sentry4j.integration.Integration;
import org.sentry4j.integration.JvmArgumentsIntegration;
import org.sentry4j.integration.DebugMetaIntegration;
import org.sentry4j.integration.ModulesIntegration;
import org.sentry4j.integration.ShutdownHookIntegration;
import org.sentry4j.integration.UncaughtExceptionHandlerIntegration;

/**
 * The integrations installed unless {@code defaultIntegrations=false}; new instances per client, since
 * each holds the hooks it has to undo. Dedupe comes first so that dropped duplicates cost nothing more.
 */
final class DefaultIntegrations {
    private DefaultIntegrations() {
    }

    static List<Integration> create(SentryOptions options) {
        return List.of(
                new DedupeIntegration(),
                new UncaughtExceptionHandlerIntegration(),
                new ShutdownHookIntegration(),
                new ModulesIntegration(),
                new DebugMetaIntegration(),
                new JvmArgumentsIntegration());
    }
}
