package org.sentry4j.log4j2;

import java.util.Map;
import org.apache.logging.log4j.status.StatusLogger;
import org.sentry4j.SentryOptions;

/**
 * Turns the appender's attributes into the options of the client it would start. A DSN that is
 * missing, empty or an unresolved lookup (Log4j2 leaves {@code ${env:SENTRY_DSN}} as it is when the
 * variable is not set) is a warning; a malformed DSN or any other invalid value is an error. Either way
 * the result has no DSN, so the appender starts no client of its own, and logging goes on unharmed.
 */
final class ClientOptions {
    private ClientOptions() {
    }

    static SentryOptions build(Map<String, String> settings, String prefix, StatusLogger status) {
        SentryOptions.Builder builder = SentryOptions.builder();
        String dsn = settings.get("dsn");
        boolean unresolved = dsn != null && dsn.contains("${");
        try {
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                // An unresolved lookup is treated as not given, so -Dsentry.dsn / SENTRY_DSN may still fill it.
                if (!(unresolved && setting.getKey().equals("dsn"))) {
                    builder.set(setting.getKey(), setting.getValue());
                }
            }
            SentryOptions options = builder.build();
            if (!options.isEnabled()) {
                status.warn(prefix + (unresolved ? "the dsn '" + dsn + "' is an unresolved lookup"
                        : dsn == null ? "no dsn attribute, -Dsentry.dsn or SENTRY_DSN" : "the dsn is empty")
                        + "; the appender starts no Sentry client and only forwards to one the application"
                        + " starts with Sentry.init");
            }
            return options;
        } catch (IllegalArgumentException e) {
            status.error(prefix + "invalid configuration, " + e.getMessage()
                    + "; the appender starts no Sentry client and only forwards to one the application"
                    + " starts with Sentry.init");
            return disabled();
        }
    }

    static SentryOptions disabled() {
        return SentryOptions.builder().ambientSources(false).dsn("").build();
    }
}
