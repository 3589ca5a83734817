package org.sentry4j.log4j2;

import java.util.Map;
import org.apache.logging.log4j.status.StatusLogger;
import org.sentry4j.SentryOptions;
import org.sentry4j.transport.Dsn;

/**
 * Turns the appender's attributes into the options of the client it would start. As in the Logback
 * appender, a blank attribute or an unresolved lookup (Log4j2 leaves {@code ${env:SENTRY_RELEASE}} as it
 * is when the variable is not set) counts as not given, so {@code -Dsentry.*}, {@code SENTRY_*} or
 * {@code sentry.properties} may still fill it; an unresolved lookup is a warning, never sent literally.
 * No DSN from any source is a warning; a malformed DSN is an error, and either way the result has no
 * DSN, so the appender starts no client of its own, and logging goes on unharmed. Any other invalid
 * value is an error naming the setting and the value, and its default is used.
 */
final class ClientOptions {
    private static final String INACTIVE = "; the appender starts no Sentry client and only forwards to one"
            + " the application starts with Sentry.init";

    private ClientOptions() {
    }

    static SentryOptions build(Map<String, String> settings, String prefix, StatusLogger status) {
        SentryOptions.Builder builder = SentryOptions.builder();
        String dsn = settings.get("dsn");
        try {
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                String name = setting.getKey();
                // The DSN's own warning below says more, and only when no other source supplied one.
                String value = name.equals("dsn") ? given(setting.getValue())
                        : given(name, setting.getValue(), prefix, status);
                if (value != null) {
                    builder.set(name, value);
                }
            }
            SentryOptions options = builder.build();
            for (String problem : options.problems()) {
                status.error(prefix + problem);
            }
            if (!options.isEnabled()) {
                status.warn(prefix + (isUnresolved(dsn) ? "the dsn '" + Dsn.redact(dsn) + "' is an unresolved lookup"
                        : dsn == null ? "no dsn attribute, -Dsentry.dsn or SENTRY_DSN"
                        : "the dsn is empty and no -Dsentry.dsn or SENTRY_DSN is set") + INACTIVE);
            }
            return options;
        } catch (IllegalArgumentException e) { // a malformed DSN: the one value without a default
            status.error(prefix + "invalid configuration, " + e.getMessage() + INACTIVE);
            return disabled();
        }
    }

    /**
     * The attribute's value, or null when it is absent, blank or an unresolved lookup; the last is
     * reported as a warning naming the attribute.
     */
    static String given(String attribute, String value, String prefix, StatusLogger status) {
        if (isUnresolved(value)) {
            status.warn(prefix + "the " + attribute + " '" + value + "' is an unresolved lookup; left unset");
            return null;
        }
        return given(value);
    }

    private static String given(String value) {
        return value == null || value.isBlank() || isUnresolved(value) ? null : value;
    }

    private static boolean isUnresolved(String value) {
        return value != null && value.contains("${");
    }

    static SentryOptions disabled() {
        return SentryOptions.builder().ambientSources(false).dsn("").build();
    }
}
