package org.sentry4j.spring.boot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sentry4j.SentryOptions;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * What the {@code sentry.*} properties of a Spring environment say, read once: whether the starter is
 * on, the core options (every {@code sentry.<option>} but {@code sentry.enabled} and
 * {@code sentry.logging.*}, by any of Spring's relaxed spellings, a list as YAML list or comma-separated;
 * {@code sentry.logging.minimum-level}, io.sentry's name, is the core's {@code minimum-log-level}),
 * and the logging settings. Values follow Spring's precedence (command line over system properties over
 * environment variables over {@code application.properties}). Names are collected from the
 * application's own property sources only: the core reads {@code SENTRY_*} variables and
 * {@code -Dsentry.*} itself, and ignores the names it does not know there (other tools share the prefix).
 */
final class SentrySettings {
    private static final ConfigurationPropertyName SENTRY = ConfigurationPropertyName.of("sentry");
    private static final ConfigurationPropertyName ENABLED = ConfigurationPropertyName.of("sentry.enabled");
    private static final ConfigurationPropertyName LOGGING = ConfigurationPropertyName.of("sentry.logging");
    private static final ConfigurationPropertyName LOGGING_MINIMUM_LEVEL = ConfigurationPropertyName.of("sentry.logging.minimum-level");
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    final boolean enabled;
    /** Core option name (as written, without {@code sentry.}) to its text, for {@link SentryOptions.Builder#set}. */
    final Map<String, String> options;
    final Logging logging;
    /** Invalid starter settings, one sentence each naming the property and what is used instead. */
    final List<String> problems;

    /** The {@code sentry.logging.*} settings. */
    static final class Logging {
        final boolean enabled;
        /** A level name the appenders of both frameworks accept, or null for the appender's default. */
        final String minimumEventLevel;
        final String minimumBreadcrumbLevel;

        Logging(boolean enabled, String minimumEventLevel, String minimumBreadcrumbLevel) {
            this.enabled = enabled;
            this.minimumEventLevel = minimumEventLevel;
            this.minimumBreadcrumbLevel = minimumBreadcrumbLevel;
        }
    }

    private SentrySettings(boolean enabled, Map<String, String> options, Logging logging, List<String> problems) {
        this.enabled = enabled;
        this.options = Collections.unmodifiableMap(options);
        this.logging = logging;
        this.problems = List.copyOf(problems);
    }

    static SentrySettings of(Environment environment) {
        Binder binder = Binder.get(environment);
        List<String> problems = new ArrayList<>();
        boolean enabled = bool(binder, "sentry.enabled", true, problems);
        Map<String, String> options = new LinkedHashMap<>();
        // io.sentry's name for the structured-log threshold; first, so sentry.minimum-log-level wins over it
        binder.bind(LOGGING_MINIMUM_LEVEL, Bindable.of(String.class))
                .ifBound(level -> options.put("minimum-log-level", level));
        for (ConfigurationPropertyName name : optionNames(environment)) {
            String value = binder.bind(name, Bindable.of(String.class))
                    .orElseGet(() -> String.join(",", binder.bind(name, Bindable.listOf(String.class))
                            .orElse(List.of())));
            options.put(optionName(name), value);
        }
        Logging logging = new Logging(
                bool(binder, "sentry.logging.enabled", true, problems),
                level(binder, "sentry.logging.minimum-event-level", "ERROR", problems),
                level(binder, "sentry.logging.minimum-breadcrumb-level", "INFO", problems));
        return new SentrySettings(enabled, options, logging, problems);
    }

    /** A builder holding these options, then each customizer's changes. */
    SentryOptions.Builder builder(List<SentryOptionsCustomizer> customizers) {
        SentryOptions.Builder builder = SentryOptions.builder();
        options.forEach(builder::set);
        for (SentryOptionsCustomizer customizer : customizers) {
            customizer.customize(builder);
        }
        return builder;
    }

    private static Set<ConfigurationPropertyName> optionNames(Environment environment) {
        Set<ConfigurationPropertyName> names = new LinkedHashSet<>(); // relaxed equality: one per option
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource && !isAmbient(source)) {
                ((IterableConfigurationPropertySource) source).stream()
                        .filter(SENTRY::isAncestorOf)
                        .map(SentrySettings::withoutIndex)
                        .filter(name -> !name.equals(ENABLED) && !LOGGING.isAncestorOf(name) && !name.equals(LOGGING))
                        .forEach(names::add);
            }
        }
        return names;
    }

    /** The system properties and environment variables, which the core reads itself. */
    private static boolean isAmbient(ConfigurationPropertySource source) {
        Object underlying = source.getUnderlyingSource();
        if (!(underlying instanceof PropertySource)) {
            return false;
        }
        String name = ((PropertySource<?>) underlying).getName();
        return StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(name)
                || StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(name);
    }

    /** {@code sentry.in-app-includes[0]} is the list {@code sentry.in-app-includes}. */
    private static ConfigurationPropertyName withoutIndex(ConfigurationPropertyName name) {
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            if (name.isNumericIndex(i)) {
                return name.chop(i);
            }
        }
        return name;
    }

    /** The option as written after {@code sentry.}: a tag's name keeps its case ({@code tags.Team}). */
    private static String optionName(ConfigurationPropertyName name) {
        StringBuilder option = new StringBuilder();
        for (int i = 1; i < name.getNumberOfElements(); i++) {
            if (option.length() > 0) {
                option.append('.');
            }
            option.append(name.getElement(i, ConfigurationPropertyName.Form.ORIGINAL));
        }
        return option.toString();
    }

    private static boolean bool(Binder binder, String property, boolean fallback, List<String> problems) {
        String text = binder.bind(property, Bindable.of(String.class)).orElse(null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true");
        }
        problems.add(property + ": '" + text + "' is not true or false; " + fallback + " is used");
        return fallback;
    }

    private static String level(Binder binder, String property, String fallback, List<String> problems) {
        String text = binder.bind(property, Bindable.of(String.class)).orElse(null);
        if (text == null || text.isBlank()) {
            return null;
        }
        String level = text.trim().toUpperCase(Locale.ROOT);
        if (level.equals("WARNING")) {
            level = "WARN";
        }
        if (!LEVELS.contains(level)) {
            problems.add(property + ": '" + text + "' is not one of " + LEVELS + "; " + fallback + " is used");
            return null;
        }
        return level;
    }
}
