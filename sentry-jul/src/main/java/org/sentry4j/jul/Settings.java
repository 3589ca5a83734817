package org.sentry4j.jul;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.sentry4j.SentryOptions;
import org.sentry4j.logging.OptionNames;

/**
 * The handler's configuration from {@code logging.properties}, read as the JDK's own handlers read
 * theirs: {@code org.sentry4j.jul.SentryHandler.<name>} through {@link LogManager#getProperty}. Every
 * core option is a property under its camel-case name ({@code serverName}, {@code sampleRate},
 * {@code proxyHost}, ...; the canonical {@code server-name} spelling is accepted too), handed to the
 * core as text, so a bad value is named and its default used. A property left out or blank is filled
 * from {@code -Dsentry.*}, {@code SENTRY_*} or {@code sentry.properties}. The handler's own are
 * {@code level} (default ALL), {@code filter} (a class name), {@code minimumEventLevel} (default SEVERE),
 * {@code minimumBreadcrumbLevel} (default INFO) and {@code printfStyle} (default false: messages are
 * {@link java.text.MessageFormat} patterns, as JUL's; true: {@link String#format} patterns). Never throws: each problem is one sentence in
 * {@link #problems}.
 */
final class Settings {
    static final String PREFIX = "org.sentry4j.jul.SentryHandler.";
    static final Level DEFAULT_EVENT_LEVEL = Level.SEVERE;
    static final Level DEFAULT_BREADCRUMB_LEVEL = Level.INFO;

    final SentryOptions options;
    final Level level;
    final Filter filter;
    final Level eventLevel;
    final Level breadcrumbLevel;
    final boolean printfStyle;
    final List<String> problems;

    private Settings(SentryOptions options, Level level, Filter filter, Level eventLevel,
                     Level breadcrumbLevel, boolean printfStyle, List<String> problems) {
        this.options = options;
        this.level = level;
        this.filter = filter;
        this.eventLevel = eventLevel;
        this.breadcrumbLevel = breadcrumbLevel;
        this.printfStyle = printfStyle;
        this.problems = List.copyOf(problems);
    }

    /** From the running LogManager's properties, as LogManager creates a handler named in {@code handlers}. */
    static Settings fromLogManager() {
        LogManager manager = LogManager.getLogManager();
        return read(manager::getProperty);
    }

    /** @param properties a property's value by its full name, or null when it is not set */
    static Settings read(Function<String, String> properties) {
        List<String> problems = new ArrayList<>();
        Level level = level(properties, "level", Level.ALL, problems);
        Level eventLevel = level(properties, "minimumEventLevel", DEFAULT_EVENT_LEVEL, problems);
        Level breadcrumbLevel = level(properties, "minimumBreadcrumbLevel", DEFAULT_BREADCRUMB_LEVEL, problems);
        Filter filter = filter(given(properties.apply(PREFIX + "filter")), problems);
        boolean printfStyle = printfStyle(given(properties.apply(PREFIX + "printfStyle")), problems);
        return new Settings(options(properties, problems), level, filter, eventLevel, breadcrumbLevel,
                printfStyle, problems);
    }

    /** Settings given in code: the options as built (null: from the ambient sources alone), the thresholds. */
    static Settings of(SentryOptions options, Level eventLevel, Level breadcrumbLevel, boolean printfStyle) {
        List<String> problems = new ArrayList<>();
        SentryOptions built = options != null ? options : build(SentryOptions.builder(), problems);
        if (options != null) {
            problems.addAll(options.problems());
        }
        return new Settings(built, Level.ALL, null, eventLevel, breadcrumbLevel, printfStyle, problems);
    }

    private static SentryOptions options(Function<String, String> properties, List<String> problems) {
        SentryOptions.Builder builder = SentryOptions.builder();
        for (String name : OptionNames.all()) {
            String value = given(properties.apply(PREFIX + camelCase(name)));
            if (value == null) {
                value = given(properties.apply(PREFIX + name));
            }
            if (value != null) {
                builder.set(name, value);
            }
        }
        return build(builder, problems);
    }

    private static SentryOptions build(SentryOptions.Builder builder, List<String> problems) {
        try {
            SentryOptions options = builder.build();
            problems.addAll(options.problems());
            return options;
        } catch (IllegalArgumentException e) { // a malformed DSN: the one value without a default
            problems.add("invalid configuration, " + e.getMessage()
                    + "; the handler starts no Sentry client and only forwards to one the application starts"
                    + " with Sentry.init");
            return SentryOptions.builder().ambientSources(false).dsn("").build();
        }
    }

    /** {@code server-name} as {@code serverName}, {@code proxy.host} as {@code proxyHost}. */
    static String camelCase(String canonical) {
        StringBuilder out = new StringBuilder(canonical.length());
        boolean upper = false;
        for (char c : canonical.toCharArray()) {
            if (c == '-' || c == '.') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Level level(Function<String, String> properties, String name, Level fallback,
                               List<String> problems) {
        String text = given(properties.apply(PREFIX + name));
        if (text == null) {
            return fallback;
        }
        try {
            return parseLevel(PREFIX + name, text);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage() + "; using " + fallback);
            return fallback;
        }
    }

    /**
     * A level property's value as JUL reads one: a level name ({@code SEVERE}, {@code fine}, a custom
     * level's name) or an integer.
     *
     * @throws IllegalArgumentException naming the property when the text is not a level
     */
    static Level parseLevel(String property, String text) {
        try {
            return Level.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": '" + text + "' is not a java.util.logging level"
                    + " (OFF, SEVERE, WARNING, INFO, CONFIG, FINE, FINER, FINEST, ALL, a custom level or a number)", e);
        }
    }

    private static boolean printfStyle(String text, List<String> problems) {
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        problems.add(PREFIX + "printfStyle: '" + text + "' is not true or false; using false");
        return false;
    }

    private static Filter filter(String className, List<String> problems) {
        if (className == null) {
            return null;
        }
        try {
            Class<?> type = Class.forName(className, true, ClassLoader.getSystemClassLoader());
            return (Filter) type.getDeclaredConstructor().newInstance();
        } catch (Exception | LinkageError e) {
            problems.add(PREFIX + "filter: '" + className + "' could not be made a java.util.logging.Filter ("
                    + e + "); no filter used");
            return null;
        }
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** What to say when no source gave a DSN. */
    static String noDsn() {
        return "no " + PREFIX + "dsn, -Dsentry.dsn or SENTRY_DSN; the handler starts no Sentry client and only"
                + " forwards to one the application starts with Sentry.init";
    }
}
