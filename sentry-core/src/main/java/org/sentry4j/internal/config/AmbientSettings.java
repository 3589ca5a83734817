package org.sentry4j.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Settings found outside the code, resolved in priority order: {@code -Dsentry.*} system properties,
 * then {@code SENTRY_*} environment variables, then {@code sentry.properties} (the file named by
 * {@code -Dsentry.properties.file} / {@code SENTRY_PROPERTIES_FILE}, else the classpath resource, else
 * the working directory's file). The first source naming a setting wins.
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

    private static volatile Map<String, Value> override;

    private AmbientSettings() {
    }

    /** The settings from this JVM's real environment, keyed by canonical name. */
    public static Map<String, Value> load() {
        Map<String, Value> forced = override;
        if (forced != null) {
            return forced;
        }
        return resolve(System.getProperties(), System.getenv(),
                AmbientSettings.class.getClassLoader(), Path.of("").toAbsolutePath());
    }

    /** For tests: resolve from the given sources instead of the JVM's (null restores the real ones). */
    public static void overrideForTesting(Map<String, Value> settings) {
        override = settings;
    }

    /** Resolves from explicit sources; the test seam for the priority order. */
    public static Map<String, Value> resolve(Properties systemProperties, Map<String, String> env,
                                             ClassLoader classLoader, Path workingDir) {
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
                env.get("SENTRY_PROPERTIES_FILE"), classLoader, workingDir);
        for (String key : file.stringPropertyNames()) {
            add(out, key, file.getProperty(key), origin + " key " + key);
        }
        return out;
    }

    private static void add(Map<String, Value> out, String name, String text, String origin) {
        if (text == null || !TextSettings.isKnown(name)) {
            return;
        }
        out.putIfAbsent(TextSettings.canonical(name), new Value(name, text, origin));
    }

    private static String readPropertiesFile(Properties into, String fromSysProp, String fromEnv,
                                             ClassLoader classLoader, Path workingDir) {
        Function<Path, String> readPath = path -> {
            try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                into.load(r);
                return path.toString();
            } catch (IOException e) {
                return null;
            }
        };
        for (String explicit : new String[] {fromSysProp, fromEnv}) {
            if (explicit != null && !explicit.isBlank()) {
                String origin = readPath.apply(Path.of(explicit));
                if (origin != null) {
                    return origin;
                }
            }
        }
        if (classLoader != null) {
            try (InputStream in = classLoader.getResourceAsStream("sentry.properties")) {
                if (in != null) {
                    into.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                    return "classpath sentry.properties";
                }
            } catch (IOException ignored) {
                // unreadable resource: treated as absent
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
}
