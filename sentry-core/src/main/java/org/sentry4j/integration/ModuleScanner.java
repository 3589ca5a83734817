package org.sentry4j.integration;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the jars of a class path and their versions. Per jar, the first that answers wins: Maven's
 * {@code pom.properties} ({@code groupId:artifactId}), the manifest's {@code Implementation-Title} /
 * {@code -Version}, the file name ({@code name-1.2.3.jar}). Follows manifest {@code Class-Path}
 * entries, which is how launchers such as Maven Surefire pass a long class path.
 */
final class ModuleScanner {
    /** Relay's limit for the {@code modules} object, in bytes of JSON. */
    static final int MAX_JSON_BYTES = 8 * 1024;
    private static final Pattern FILE_NAME = Pattern.compile("(.+?)-(\\d[\\w.+-]*)\\.jar");

    private ModuleScanner() {
    }

    /** Modules of {@code classPath} (entries separated by the platform's path separator), sorted by name. */
    static Map<String, String> scan(String classPath) {
        Map<String, String> modules = new TreeMap<>();
        if (classPath == null || classPath.isEmpty()) {
            return modules;
        }
        Deque<Path> pending = new ArrayDeque<>();
        for (String entry : classPath.split(Pattern.quote(File.pathSeparator))) {
            if (!entry.isEmpty()) {
                pending.add(Paths.get(entry));
            }
        }
        Set<Path> visited = new HashSet<>();
        while (!pending.isEmpty()) {
            Path jar = pending.poll().toAbsolutePath().normalize();
            if (visited.add(jar) && jar.toString().endsWith(".jar") && jar.toFile().isFile()) {
                readJar(jar, modules, pending);
            }
        }
        return modules;
    }

    private static void readJar(Path jar, Map<String, String> modules, Deque<Path> pending) {
        boolean named = false;
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            named = readPomProperties(file, modules);
            Manifest manifest = file.getManifest();
            if (manifest != null) {
                Attributes main = manifest.getMainAttributes();
                String title = main.getValue(Attributes.Name.IMPLEMENTATION_TITLE);
                String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
                if (!named && title != null && version != null) {
                    modules.put(title.trim(), version.trim());
                    named = true;
                }
                followClassPath(jar, main.getValue(Attributes.Name.CLASS_PATH), pending);
            }
        } catch (IOException | RuntimeException e) {
            // unreadable jar: fall back to its file name
        }
        if (!named) {
            Matcher m = FILE_NAME.matcher(jar.getFileName().toString());
            if (m.matches()) {
                modules.put(m.group(1), m.group(2));
            }
        }
    }

    private static boolean readPomProperties(JarFile file, Map<String, String> modules) throws IOException {
        boolean found = false;
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            JarEntry e = entries.nextElement();
            String n = e.getName();
            if (n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties")) {
                Properties p = new Properties();
                try (InputStream in = file.getInputStream(e)) {
                    p.load(in);
                }
                String group = p.getProperty("groupId");
                String artifact = p.getProperty("artifactId");
                String version = p.getProperty("version");
                if (group != null && artifact != null && version != null) {
                    modules.put(group.trim() + ":" + artifact.trim(), version.trim());
                    found = true;
                }
            }
        }
        return found;
    }

    private static void followClassPath(Path jar, String classPath, Deque<Path> pending) {
        if (classPath == null) {
            return;
        }
        URI base = jar.toUri();
        for (String ref : classPath.trim().split("\\s+")) {
            if (ref.isEmpty()) {
                continue;
            }
            try {
                URI target = base.resolve(ref);
                if ("file".equals(target.getScheme())) {
                    pending.add(Paths.get(target));
                }
            } catch (RuntimeException e) {
                // a malformed entry is skipped; the JVM ignores it too
            }
        }
    }

    /** The first modules (in name order) whose JSON fits in {@code maxBytes}; the rest is dropped. */
    static Map<String, String> trimToJsonSize(Map<String, String> modules, int maxBytes) {
        Map<String, String> kept = new TreeMap<>();
        int size = 2; // {}
        for (Map.Entry<String, String> m : modules.entrySet()) {
            // "name":"version", — UTF-8 length, and room for escaping of quotes and backslashes
            int entry = jsonLength(m.getKey()) + jsonLength(m.getValue()) + 6;
            if (size + entry > maxBytes) {
                break;
            }
            kept.put(m.getKey(), m.getValue());
            size += entry;
        }
        return kept;
    }

    private static int jsonLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return n;
    }
}
