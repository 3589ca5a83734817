package org.sentry4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleScannerTest {
    @TempDir
    Path dir;

    private Path jar(String fileName, Map<String, String> manifestAttributes, Map<String, String> entries)
            throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifestAttributes.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        Path path = dir.resolve(fileName);
        try (OutputStream file = Files.newOutputStream(path); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return path;
    }

    @Test
    void namesComeFromPomPropertiesThenManifestThenFileName() throws IOException {
        Path maven = jar("whatever.jar", Map.of("Implementation-Title", "ignored", "Implementation-Version", "0"),
                Map.of("META-INF/maven/com.acme/billing/pom.properties",
                        "groupId=com.acme\nartifactId=billing\nversion=3.1.4\n"));
        Path manifest = jar("plain.jar", Map.of("Implementation-Title", "Acme Tools", "Implementation-Version", "2.0"),
                Map.of());
        Path named = jar("left-pad-1.3.0-RC1.jar", Map.of(), Map.of());
        Path anonymous = jar("classes.jar", Map.of(), Map.of());
        String classPath = String.join(File.pathSeparator, maven.toString(), manifest.toString(), named.toString(),
                anonymous.toString(), dir.resolve("missing-1.0.jar").toString(), dir.toString());

        assertThat(ModuleScanner.scan(classPath)).containsExactly(
                Map.entry("Acme Tools", "2.0"),
                Map.entry("com.acme:billing", "3.1.4"),
                Map.entry("left-pad", "1.3.0-RC1"));
    }

    @Test
    void manifestClassPathIsFollowedOnceEvenWhenCyclic() throws IOException {
        jar("lib-a-1.0.jar", Map.of("Class-Path", "launcher.jar"), Map.of());
        jar("lib%20b-2.0.jar", Map.of(), Map.of()); // a percent sign in a real file name, escaped in the URL
        Path launcher = jar("launcher.jar", Map.of("Class-Path", "lib-a-1.0.jar lib%2520b-2.0.jar "
                + dir.resolve("nope-9.jar").toUri()), Map.of());

        assertThat(ModuleScanner.scan(launcher.toString()))
                .containsExactly(Map.entry("lib%20b", "2.0"), Map.entry("lib-a", "1.0"));
    }

    @Test
    void trimmingKeepsTheJsonWithinTheLimit() {
        Map<String, String> many = new TreeMap<>();
        for (int i = 0; i < 500; i++) {
            many.put(String.format("org.example.group%03d:artifact-with-a-long-name-\"quoted\"", i), "1.0." + i);
        }

        Map<String, String> kept = ModuleScanner.trimToJsonSize(many, ModuleScanner.MAX_JSON_BYTES);

        int bytes = new Gson().toJson(new LinkedHashMap<>(kept)).getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThanOrEqualTo(ModuleScanner.MAX_JSON_BYTES).isGreaterThan(ModuleScanner.MAX_JSON_BYTES - 200);
        assertThat(kept).containsKey("org.example.group000:artifact-with-a-long-name-\"quoted\"");
        assertThat(ModuleScanner.trimToJsonSize(Map.of("a", "1"), ModuleScanner.MAX_JSON_BYTES)).containsExactly(Map.entry("a", "1"));
    }
}
