package org.sentry4j.logging;

import java.util.Set;
import org.sentry4j.internal.config.TextSettings;

/**
 * The names of the core's options as text settings, for front-ends that take them from their
 * framework's configuration (XML elements, attributes, properties). Every spelling of a name is
 * accepted ({@code serverName}, {@code server-name}, {@code SERVER_NAME}, and io.sentry's legacy names
 * such as {@code shutdownTimeoutMillis}); {@link org.sentry4j.SentryOptions.Builder#set} parses the values.
 */
public final class OptionNames {
    private OptionNames() {
    }

    /** Every option's canonical (kebab-case) name. */
    public static Set<String> all() {
        return TextSettings.names();
    }

    /** The canonical name for any spelling; a name that is no option comes back trimmed, as given. */
    public static String canonical(String name) {
        return TextSettings.canonical(name);
    }
}
