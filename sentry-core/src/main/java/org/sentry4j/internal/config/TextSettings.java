package org.sentry4j.internal.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.sentry4j.SentryLogLevel;
import org.sentry4j.SentryOptions;

/**
 * Every option that can be given as text, under one canonical kebab-case name each. Any spelling is
 * accepted ({@code serverName}, {@code server-name}, {@code SERVER_NAME}, {@code server.name}); the
 * legacy names of the official SDK are aliases. This is the only place that parses option text.
 */
public final class TextSettings {
    private static final Map<String, BiConsumer<SentryOptions.Builder, String>> SETTINGS = new LinkedHashMap<>();
    private static final Map<String, String> CANONICAL = new LinkedHashMap<>();

    static {
        define("dsn", (b, v) -> b.dsn(v));
        define("release", (b, v) -> b.release(v));
        define("environment", (b, v) -> b.environment(v));
        define("dist", (b, v) -> b.dist(v));
        define("server-name", (b, v) -> b.serverName(v), "servername");
        define("sample-rate", (b, v) -> b.sampleRate(parseDouble("sample-rate", v)));
        define("max-breadcrumbs", (b, v) -> b.maxBreadcrumbs(parseInt("max-breadcrumbs", v)));
        define("debug", (b, v) -> b.debug(parseBoolean("debug", v)));
        define("shutdown-timeout", (b, v) -> b.shutdownTimeout(parseDuration("shutdown-timeout", v)),
                "shutdown-timeout-millis");
        define("attach-stacktrace", (b, v) -> b.attachStacktrace(parseBoolean("attach-stacktrace", v)));
        define("send-default-pii", (b, v) -> b.sendDefaultPii(parseBoolean("send-default-pii", v)));
        define("in-app-includes", (b, v) -> splitList(v).forEach(b::addInAppInclude), "in-app-include");
        define("in-app-excludes", (b, v) -> splitList(v).forEach(b::addInAppExclude), "in-app-exclude");
        define("ignored-exceptions", (b, v) -> splitList(v).forEach(b::addIgnoredException),
                "ignored-exceptions-for-type", "ignored-exception");
        define("tags", (b, v) -> parseTags(v).forEach(b::tag));
        define("default-integrations", (b, v) -> b.defaultIntegrations(parseBoolean("default-integrations", v)),
                "enable-default-integrations");
        define("max-queue-size", (b, v) -> b.maxQueueSize(parseInt("max-queue-size", v)));
        define("max-queue-bytes", (b, v) -> b.maxQueueBytes(parseLong("max-queue-bytes", v)));
        define("max-pending-events", (b, v) -> b.maxPendingEvents(parseInt("max-pending-events", v)));
        define("thread-priority", (b, v) -> b.threadPriority(parseInt("thread-priority", v)));
        define("cache-dir", (b, v) -> {
            String t = v.trim();
            if (t.equals("0") || t.equalsIgnoreCase("false") || t.equalsIgnoreCase("off")) {
                b.cacheEnabled(false);
            } else {
                b.cacheDir(t.isEmpty() ? null : Path.of(t));
            }
        }, "cache-dir-path");
        define("max-cache-items", (b, v) -> b.maxCacheItems(parseInt("max-cache-items", v)));
        define("max-cache-bytes", (b, v) -> b.maxCacheBytes(parseLong("max-cache-bytes", v)));
        define("max-cache-age", (b, v) -> b.maxCacheAge(parseDuration("max-cache-age", v)));
        define("proxy.host", (b, v) -> b.proxyHost(v.isBlank() ? null : v.trim()));
        define("proxy.port", (b, v) -> b.proxyPort(parseInt("proxy.port", v)));
        define("proxy.user", (b, v) -> b.proxyUser(v));
        define("proxy.pass", (b, v) -> b.proxyPassword(v), "proxy.password");
        define("connect-timeout", (b, v) -> b.connectTimeout(parseDuration("connect-timeout", v)),
                "connection-timeout-millis", "connect-timeout-millis", "connection-timeout");
        define("read-timeout", (b, v) -> b.readTimeout(parseDuration("read-timeout", v)), "read-timeout-millis");
        define("send-client-reports", (b, v) -> b.sendClientReports(parseBoolean("send-client-reports", v)));
        define("spotlight", TextSettings::applySpotlight, "enable-spotlight");
        define("spotlight-url", (b, v) -> b.spotlightUrl(v), "spotlight-connection-url");
        // "logs.enabled" (io.sentry) and "logsEnabled" are spellings of this name; enableLogs is the spec's
        define("logs-enabled", (b, v) -> b.logsEnabled(parseBoolean("logs-enabled", v)), "enable-logs");
        define("minimum-log-level", (b, v) -> b.minimumLogLevel(parseLogLevel("minimum-log-level", v)));
    }

    private static final Set<String> SPOTLIGHT_ON = Set.of("true", "t", "y", "yes", "on", "1");
    private static final Set<String> SPOTLIGHT_OFF = Set.of("false", "f", "n", "no", "off", "0");

    /** {@code spotlight} is a switch or a URL, as {@code SENTRY_SPOTLIGHT} is in every Sentry SDK. */
    private static void applySpotlight(SentryOptions.Builder b, String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (SPOTLIGHT_ON.contains(t)) {
            b.spotlight(true);
        } else if (SPOTLIGHT_OFF.contains(t)) {
            b.spotlight(false);
        } else {
            b.spotlight(true).spotlightUrl(v);
        }
    }

    /** Whether a {@code spotlight} value names a URL rather than a switch. */
    public static boolean isSpotlightUrl(String v) {
        String t = v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
        return !t.isEmpty() && !SPOTLIGHT_ON.contains(t) && !SPOTLIGHT_OFF.contains(t);
    }

    private TextSettings() {
    }

    private static void define(String name, BiConsumer<SentryOptions.Builder, String> apply, String... aliases) {
        SETTINGS.put(name, apply);
        CANONICAL.put(normalize(name), name);
        for (String alias : aliases) {
            CANONICAL.put(normalize(alias), name);
        }
    }

    /** The canonical names, for documentation and for appenders that expose every option. */
    public static Set<String> names() {
        return SETTINGS.keySet();
    }

    /** The canonical name for any spelling; {@code tags.<name>} keeps its tag name as given. */
    public static String canonical(String name) {
        if (name == null) {
            return "";
        }
        String trimmed = name.trim();
        String tag = tagName(trimmed);
        if (tag != null) {
            return "tags." + tag;
        }
        String c = CANONICAL.get(normalize(trimmed));
        return c != null ? c : trimmed;
    }

    /** Whether {@code name} is a known setting (any spelling) or a {@code tags.<name>}. */
    public static boolean isKnown(String name) {
        return name != null && (tagName(name.trim()) != null || CANONICAL.containsKey(normalize(name)));
    }

    /**
     * Applies one explicit setting.
     *
     * @throws IllegalArgumentException for an unknown name or a value that does not parse
     */
    public static void apply(SentryOptions.Builder builder, String name, String value) {
        if (name == null) {
            throw new IllegalArgumentException("setting name must not be null");
        }
        String tag = tagName(name.trim());
        if (tag != null) {
            builder.tag(tag, value);
            return;
        }
        String canonical = CANONICAL.get(normalize(name));
        if (canonical == null) {
            throw new IllegalArgumentException("unknown sentry setting '" + name + "'; known settings: " + names());
        }
        SETTINGS.get(canonical).accept(builder, value == null ? "" : value);
    }

    /** Applies a setting from an ambient source; unknown names are ignored (other tools share the prefix). */
    public static void applyAmbient(SentryOptions.Builder builder, AmbientSettings.Value value) {
        try {
            apply(builder, value.name(), value.text());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (from " + value.origin() + ")", e);
        }
    }

    private static String tagName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("tags.") || lower.startsWith("tag.")) && name.indexOf('.') < name.length() - 1) {
            return name.substring(name.indexOf('.') + 1);
        }
        return null;
    }

    private static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_' && c != '.' && !Character.isWhitespace(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    static java.util.List<String> splitList(String v) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /**
     * A tags list, {@code region=eu, tier=gold}, as tag keys to values; within one list a repeated key
     * keeps its last value.
     */
    static Map<String, String> parseTags(String v) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : splitList(v)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException("tags: expected key=value pairs separated by commas, got '" + pair + "'");
            }
            String key = pair.substring(0, eq).trim();
            tags.put(key, pair.substring(eq + 1).trim());
        }
        return tags;
    }

    static boolean parseBoolean(String name, String v) {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "on":
            case "1":
                return true;
            case "false":
            case "no":
            case "off":
            case "0":
                return false;
            default:
                throw new IllegalArgumentException(name + ": expected true or false, got '" + v + "'");
        }
    }

    static SentryLogLevel parseLogLevel(String name, String v) {
        SentryLogLevel level = SentryLogLevel.parse(v);
        if (level == null) {
            throw new IllegalArgumentException(name + ": expected trace, debug, info, warn, error or fatal, got '"
                    + v + "'");
        }
        return level;
    }

    static int parseInt(String name, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a whole number, got '" + v + "'");
        }
    }

    static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a whole number, got '" + v + "'");
        }
    }

    static double parseDouble(String name, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a number, got '" + v + "'");
        }
    }

    /** Milliseconds as a bare number, or {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}, {@code 1d}, or ISO {@code PT2S}. */
    public static Duration parseDuration(String name, String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            char unit = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
            String number = t.substring(0, Math.max(0, t.length() - 1)).trim();
            switch (unit) {
                case 's':
                    return Duration.ofMillis(Math.round(Double.parseDouble(number) * 1000));
                case 'm':
                    return Duration.ofMinutes(Long.parseLong(number));
                case 'h':
                    return Duration.ofHours(Long.parseLong(number));
                case 'd':
                    return Duration.ofDays(Long.parseLong(number));
                default:
                    return Duration.ofMillis(Long.parseLong(t));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": expected a duration such as 2000 (ms), 2s or PT2S, got '" + v + "'");
        }
    }
}
