package org.sentry4j.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK's own voice: lines on stderr when {@code debug} is on, never through a logging framework.
 * {@link #once} says a thing a single time per client, {@link #throttled} at most once per interval.
 */
public final class Diagnostics {
    private final boolean enabled;
    private final Clock clock;
    private final PrintStream out;
    private final Set<String> said = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Instant> lastSaid = new ConcurrentHashMap<>();

    public Diagnostics(boolean enabled, Clock clock, PrintStream out) {
        this.enabled = enabled;
        this.clock = clock;
        this.out = out;
    }

    public boolean enabled() {
        return enabled;
    }

    public void debug(String message) {
        if (enabled) {
            out.println("[sentry4j] " + message);
        }
    }

    public void debug(String message, Throwable t) {
        if (enabled) {
            out.println("[sentry4j] " + message + ": " + describe(t));
        }
    }

    /** Says {@code message} the first time {@code key} is seen. */
    public void once(String key, String message) {
        if (enabled && said.add(key)) {
            debug(message);
        }
    }

    /** Says {@code message} unless {@code key} was said less than {@code interval} ago. */
    public void throttled(String key, Duration interval, String message) {
        if (!enabled) {
            return;
        }
        Instant now = clock.instant();
        Instant[] fire = new Instant[1];
        lastSaid.compute(key, (k, last) -> {
            if (last == null || !now.isBefore(last.plus(interval))) {
                fire[0] = now;
                return now;
            }
            return last;
        });
        if (fire[0] != null) {
            debug(message);
        }
    }

    /** A throwable as one line, never throwing itself. */
    /**
     * Says an error that leaves part of the SDK off (an invalid setting, a client that cannot start) on
     * stderr, whether or not {@code debug} is on: it is said once, where it happens, and without it the
     * application would not know that its errors are not reported.
     */
    public static void error(String message) {
        System.err.println("[sentry4j] error: " + message);
    }

    private static final java.util.Set<String> ERRORS_SAID = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A missing class or method ({@link NoClassDefFoundError}, {@link NoSuchMethodError} and the like: a
     * library absent, or of another version than the
     * SDK needs, as on a module path without {@code --add-modules}) stops events from being made or
     * sent: said once per JVM and kind with {@link #error}, debug or not, naming the library; other
     * failures are left to {@code debug}. Returns whether {@code t} was such an error.
     */
    public static boolean versionConflict(String what, Throwable t) {
        if (!isMissingCode(t)) {
            return false;
        }
        if (ERRORS_SAID.add(what + ":" + t.getClass().getName() + ":" + t.getMessage())) {
            error(what + ": " + describe(t) + origin(t));
        }
        return true;
    }

    /**
     * For a {@link LinkageError} (a class or method missing: a library of another version than the one
     * compiled against), the jar it came from and the version of the library the missing name belongs
     * to, as {@code " (…)"}; empty otherwise. Names the artifact a user has to align.
     */
    public static String origin(Throwable t) {
        if (!isMissingCode(t)) {
            return "";
        }
        String missing = String.valueOf(t.getMessage());
        for (String[] library : LIBRARIES) {
            if (missing.contains(library[1]) || missing.contains(library[1].replace('.', '/'))) {
                return " (" + library[0] + " " + versionOf(library[2]) + " found, " + library[3] + " needed)";
            }
        }
        return " (a library on the class path is not the version sentry4j was built against)";
    }

    /** A class or method the SDK was compiled against is not there: a library absent or of another version. */
    private static boolean isMissingCode(Throwable t) {
        return t instanceof IncompatibleClassChangeError || t instanceof NoClassDefFoundError;
    }

    /** artifact, package prefix, a class to ask for the version, the versions sentry4j supports. */
    private static final String[][] LIBRARIES = {
        {"gson", "com.google.gson", "com.google.gson.Gson", "2.8.9 or later"},
        {"slf4j-api", "org.slf4j", "org.slf4j.LoggerFactory", "1.7.36 or 2.0.x"},
        {"logback-classic", "ch.qos.logback", "ch.qos.logback.classic.LoggerContext", "1.2.13 or later"},
        {"log4j-core", "org.apache.logging.log4j", "org.apache.logging.log4j.core.LoggerContext", "2.17.2 or later"},
    };

    /** The version of the jar {@code className} comes from: its manifest's, else its file name's. */
    public static String versionOf(String className) {
        try {
            Class<?> c = Class.forName(className, false, Diagnostics.class.getClassLoader());
            Package p = c.getPackage();
            String version = p == null ? null : p.getImplementationVersion();
            if (version != null) {
                return version;
            }
            java.security.CodeSource source = c.getProtectionDomain().getCodeSource();
            String location = source == null || source.getLocation() == null ? "" : source.getLocation().getPath();
            java.util.regex.Matcher m = JAR_VERSION.matcher(location);
            return m.find() ? m.group(1) : "(version unknown" + (location.isEmpty() ? ")" : ", " + location + ")");
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return "(missing)";
        }
    }

    /** {@code name-1.2.3.jar}, {@code name-1.2.3-SNAPSHOT.jar}: Maven's and Gradle's file names. */
    private static final java.util.regex.Pattern JAR_VERSION =
            java.util.regex.Pattern.compile("-(\\d+(?:\\.\\d+)+[\\w.-]*?)\\.jar$");

    public static String describe(Throwable t) {
        if (t == null) {
            return "null";
        }
        String message;
        try {
            message = t.getMessage();
        } catch (RuntimeException e) {
            message = "<getMessage() threw " + e.getClass().getName() + ">";
        }
        return t.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
