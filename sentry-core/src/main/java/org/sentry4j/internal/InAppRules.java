package org.sentry4j.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a frame's class is the application's own code: configured includes win, then
 * configured excludes, then the JDK's and well-known libraries' packages are not in-app; anything else
 * is in-app unless includes were configured (then only the included prefixes are).
 */
final class InAppRules {
    private static final List<String> SYSTEM_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.", "scala.", "groovy.",
            "org.sentry4j.", "io.sentry.", "ch.qos.logback.", "org.slf4j.", "org.apache.logging.",
            "org.apache.hc.", "org.apache.http.", "com.google.gson.", "org.junit.", "org.springframework.",
            "jakarta.", "org.eclipse.jetty.", "org.apache.catalina.", "org.apache.tomcat.", "io.netty.",
            "reactor.", "io.micrometer.", "org.hibernate.", "com.zaxxer.", "org.apache.maven.", "worker.org.gradle.");

    /** Decisions by class name: an application's frames come from a bounded set of classes. */
    private static final int MAX_CACHED = 20_000;

    private final List<String> includes;
    private final List<String> excludes;
    private final ConcurrentHashMap<String, Boolean> decided = new ConcurrentHashMap<>();

    public InAppRules(List<String> includes, List<String> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
    }

    public boolean isInApp(String className) {
        if (className == null) {
            return false;
        }
        Boolean known = decided.get(className);
        if (known != null) {
            return known;
        }
        boolean inApp = decide(className);
        if (decided.size() < MAX_CACHED) {
            decided.put(className, inApp);
        }
        return inApp;
    }

    private boolean decide(String className) {
        for (String prefix : includes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        for (String prefix : excludes) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        if (!includes.isEmpty()) {
            return false;
        }
        for (String prefix : SYSTEM_PREFIXES) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
