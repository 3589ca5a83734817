package org.sentry4j.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Settings found outside the code, resolved in priority order: {@code -Dsentry.*} system properties,
 * then {@code SENTRY_*} environment variables, then {@code sentry.properties} (the file named by
 * {@code -Dsentry.properties.file} / {@code SENTRY_PROPERTIES_FILE}, else the classpath resource, else
 * the working directory's file). The first source naming a setting wins; an empty value names nothing.
 * Tags are settled per tag key, whether a source gives one ({@code tags.<key>}) or a list
 * ({@code tags=k=v,...}): each list is spread into {@code tags.<key>} entries, so a key from a
 * stronger source is kept and the lists of weaker sources still add their other keys.
 */
public final class AmbientSettings {
    /** One resolved setting and where it came from (for error messages). */
    public static final class Value {
        private final String name;
        private final String text;
        private final String origin;

        Value(String name, String text, String origin) {
            this.name = name;
            this.text = text;
            this.origin = origin;
        }

        public String name() {
            return name;
        }

        public String text() {
            return text;
        }

        public String origin() {
            return origin;
        }
    }

    /** Resolves the settings, passing problems worth a diagnostic (not errors) to the consumer. */
    private interface Source {
        Map<String, Value> resolve(Consumer<String> notes);
    }

    private static volatile Source override;

    private AmbientSettings() {
    }

    /**
     * The settings from this JVM's real environment, keyed by canonical name; {@code notes} hears of
     * problems that are no error, such as a named properties file that is missing (the caller says them
     * when {@code debug} is on).
     */
    public static Map<String, Value> load(Consumer<String> notes) {
        Source forced = override;
        if (forced != null) {
            return forced.resolve(notes);
        }
        return resolve(System.getProperties(), System.getenv(),
                AmbientSettings.class.getClassLoader(), Path.of("").toAbsolutePath(), notes);
    }

    /** For tests: use these resolved settings instead of the JVM's (null restores the real ones). */
    public static void overrideForTesting(Map<String, Value> settings) {
        override = settings == null ? null : notes -> settings;
    }

    /** For tests: resolve from these sources, at each load, instead of the JVM's. */
    public static void overrideForTesting(Properties systemProperties, Map<String, String> env,
                                          ClassLoader classLoader, Path workingDir) {
        override = notes -> resolve(systemProperties, env, classLoader, workingDir, notes);
    }

    /** Resolves from explicit sources; the test seam for the priority order. */
    public static Map<String, Value> resolve(Properties systemProperties, Map<String, String> env,
                                             ClassLoader classLoader, Path workingDir) {
        return resolve(systemProperties, env, classLoader, workingDir, note -> { });
    }

    /**
     * As {@link #resolve(Properties, Map, ClassLoader, Path)}, passing notes on.
     *
     * @throws IllegalArgumentException for a tags list that does not parse, naming where it came from
     */
    public static Map<String, Value> resolve(Properties systemProperties, Map<String, String> env,
                                             ClassLoader classLoader, Path workingDir, Consumer<String> notes) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (String key : systemProperties.stringPropertyNames()) {
            if (key.startsWith("sentry.") && !key.equals("sentry.properties.file")) {
                add(out, key.substring("sentry.".length()), systemProperties.getProperty(key), "system property " + key);
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("SENTRY_") && !key.equals("SENTRY_PROPERTIES_FILE")) {
                String name = key.substring("SENTRY_".length()).toLowerCase(Locale.ROOT);
                if (name.startsWith("proxy_")) {
                    name = "proxy." + name.substring("proxy_".length());
                }
                add(out, name, e.getValue(), "environment variable " + key);
            }
        }
        Properties file = new Properties();
        String origin = readPropertiesFile(file, systemProperties.getProperty("sentry.properties.file"),
                env.get("SENTRY_PROPERTIES_FILE"), classLoader, workingDir, notes);
        for (String key : file.stringPropertyNames()) {
            add(out, key, file.getProperty(key), origin + " key " + key);
        }
        return out;
    }

    /** Sources are added strongest first, so the first value for a canonical name is kept. */
    private static void add(Map<String, Value> out, String name, String text, String origin) {
        // SENTRY_RELEASE= is how shells and containers leave a variable unset
        if (text == null || text.isBlank() || !TextSettings.isKnown(name)) {
            return;
        }
        String canonical = TextSettings.canonical(name);
        if (!canonical.equals("tags")) {
            out.putIfAbsent(canonical, new Value(name, text, origin));
            return;
        }
        Map<String, String> tags;
        try {
            tags = TextSettings.parseTags(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (from " + origin + ")", e);
        }
        tags.forEach((key, value) -> {
            if (!value.isEmpty()) {
                out.putIfAbsent("tags." + key, new Value("tags." + key, value, origin));
            }
        });
    }

    /** Loads the first properties file found into {@code into}; returns its description for messages. */
    private static String readPropertiesFile(Properties into, String fromSysProp, String fromEnv,
                                             ClassLoader classLoader, Path workingDir, Consumer<String> notes) {
        Function<Path, String> readPath = path -> {
            try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                into.load(r);
                return path.toString();
            } catch (IOException | IllegalArgumentException e) {
                into.clear(); // half a file is worse than none
                notes.accept("cannot read " + path.toAbsolutePath() + " (" + e + "); looking further for sentry.properties");
                return null;
            }
        };
        for (Path named : new Path[] {namedFile("-Dsentry.properties.file", fromSysProp, notes),
                namedFile("SENTRY_PROPERTIES_FILE", fromEnv, notes)}) {
            String origin = named == null ? null : readPath.apply(named);
            if (origin != null) {
                return origin;
            }
        }
        if (classLoader != null) {
            try (InputStream in = classLoader.getResourceAsStream("sentry.properties")) {
                if (in != null) {
                    into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    return "classpath sentry.properties";
                }
            } catch (IOException | IllegalArgumentException e) {
                into.clear();
                notes.accept("cannot read sentry.properties on the classpath (" + e + "); looking further");
            }
        }
        Path local = workingDir.resolve("sentry.properties");
        if (Files.isRegularFile(local)) {
            String origin = readPath.apply(local);
            if (origin != null) {
                return origin;
            }
        }
        return "sentry.properties";
    }

    /** The file a setting names, or null (with a note when it names no readable file). */
    private static Path namedFile(String setting, String text, Consumer<String> notes) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Path path = Path.of(text.trim());
            if (Files.isRegularFile(path)) {
                return path;
            }
            notes.accept(setting + " names " + path.toAbsolutePath() + ", which is no file; looking further for sentry.properties");
        } catch (InvalidPathException e) {
            notes.accept(setting + " is no valid path: '" + text + "'; looking further for sentry.properties");
        }
        return null;
    }
}
