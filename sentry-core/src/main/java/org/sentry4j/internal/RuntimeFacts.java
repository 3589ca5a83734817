package org.sentry4j.internal;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facts about this JVM that every event carries: the {@code os}, {@code runtime} and {@code device} contexts, and the
 * host name, which is looked up once on a daemon thread (a slow resolver must never stall a capture).
 */
final class RuntimeFacts {
    private static final Map<String, Object> OS = os();
    private static final Map<String, Object> RUNTIME = runtime();
    private static final Map<String, Object> DEVICE = device();
    private static volatile String hostName = fromEnvironment();
    private static volatile boolean lookupStarted;

    private RuntimeFacts() {
    }

    public static Map<String, Object> osContext() {
        return OS;
    }

    public static Map<String, Object> runtimeContext() {
        return RUNTIME;
    }

    /** {@code arch}: the CPU architecture the JVM runs on. */
    public static Map<String, Object> deviceContext() {
        return DEVICE;
    }

    /** The host name as known so far (from the environment until the lookup finishes); may be null. */
    public static String hostName() {
        return hostName;
    }

    /** Starts the one background host-name lookup, if not started yet. */
    public static void resolveHostNameInBackground() {
        if (lookupStarted) {
            return;
        }
        lookupStarted = true;
        new SdkThread("hostname", () -> {
            try {
                String name = InetAddress.getLocalHost().getHostName();
                if (name != null && !name.isBlank()) {
                    hostName = name;
                }
            } catch (Exception ignored) {
                // keep what the environment said
            }
        }).start();
    }

    private static String fromEnvironment() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            name = System.getenv("COMPUTERNAME");
        }
        return name == null || name.isBlank() ? null : name;
    }

    private static Map<String, Object> os() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", System.getProperty("os.name", "unknown"));
        putIfPresent(m, "version", System.getProperty("os.version"));
        putIfPresent(m, "kernel_version", System.getProperty("os.version"));
        // No "build": that is the OS's build revision, which the JVM does not tell; the CPU goes in "device".
        return Map.copyOf(m);
    }

    private static Map<String, Object> device() {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "arch", System.getProperty("os.arch"));
        return Map.copyOf(m);
    }

    private static Map<String, Object> runtime() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Java");
        putIfPresent(m, "version", System.getProperty("java.version"));
        String vendor = System.getProperty("java.vendor", "");
        String vm = System.getProperty("java.vm.name", "");
        m.put("raw_description", (vendor + " " + vm + " " + System.getProperty("java.runtime.version", "")).trim());
        return Map.copyOf(m);
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }
}
