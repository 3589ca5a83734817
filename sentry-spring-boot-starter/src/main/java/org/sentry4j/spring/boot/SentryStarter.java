package org.sentry4j.spring.boot;

import java.util.List;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.springframework.core.env.Environment;

/**
 * Starts the SDK from a Spring environment and puts the Sentry appender on the logging framework Spring
 * Boot runs. Called twice per application at most: when the environment is ready (the properties alone,
 * so a failing startup is reported) and, only if the context has {@link SentryOptionsCustomizer} beans,
 * again with them. Never throws: whatever goes wrong is said on stderr and the application starts.
 */
final class SentryStarter {
    private SentryStarter() {
    }

    /**
     * Starts the SDK when the settings give it a DSN (the environment's {@code sentry.dsn}, a customizer,
     * or the core's own {@code SENTRY_DSN}, {@code -Dsentry.dsn}, {@code sentry.properties}), replacing any
     * client running; without one, leaves whatever runs alone. Returns whether it started one.
     */
    static boolean start(Environment environment, List<SentryOptionsCustomizer> customizers, ClassLoader classLoader) {
        try {
            SentrySettings settings = SentrySettings.of(environment);
            settings.problems.forEach(Say::error);
            if (!settings.enabled) {
                return false;
            }
            SentryOptions options;
            try {
                options = settings.builder(customizers).build();
            } catch (IllegalArgumentException e) { // a malformed DSN, named without its secret
                Say.error("the SDK is disabled: " + e.getMessage());
                return false;
            }
            if (!options.isEnabled()) {
                return false;
            }
            Sentry.init(options);
            if (!Sentry.isEnabled()) {
                return false; // the core said why
            }
            if (settings.logging.enabled) {
                LoggingFrameworks.addAppender(settings.logging, classLoader, options.debug());
            }
            return true;
        } catch (RuntimeException | LinkageError e) { // a customizer's exception, a Boot or logging version we cannot use
            Say.error("the Spring Boot starter could not start the SDK: " + Say.describe(e));
            return false;
        }
    }
}
