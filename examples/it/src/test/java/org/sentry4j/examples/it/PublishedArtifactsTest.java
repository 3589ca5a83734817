package org.sentry4j.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a Maven Central release needs of the library jars the reactor built before this module: the
 * manifest entries (module name, version), the sources and javadoc jars (the javadoc without the
 * internal packages), fixed entry times, and a BOM that lists every library at the project's version.
 */
class PublishedArtifactsTest {
    private static final String VERSION = System.getProperty("sentry4j.version");

    private static Path repoRoot() {
        String examples = System.getProperty("sentry4j.examples.dir");
        return (examples != null ? Path.of(examples) : Path.of("..")).toAbsolutePath().normalize().getParent();
    }

    private static Path jar(String module, String classifier) {
        return repoRoot().resolve(module).resolve("target")
                .resolve(module + "-" + VERSION + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar");
    }

    @ParameterizedTest
    @CsvSource({"sentry-core, org.sentry4j.core", "sentry-logback, org.sentry4j.logback",
            "sentry-log4j2, org.sentry4j.log4j2", "sentry-spring-boot-starter, org.sentry4j.spring.boot",
            "sentry-jul, org.sentry4j.jul"})
    void eachLibraryJarNamesItsModuleAndVersionAndHasSourcesAndJavadoc(String module, String moduleName)
            throws IOException {
        try (JarFile jar = new JarFile(jar(module, "").toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Automatic-Module-Name")).isEqualTo(moduleName);
            assertThat(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION)).isEqualTo(VERSION);
            assertThat(main.getValue(Attributes.Name.IMPLEMENTATION_TITLE)).startsWith("sentry4j");
            // Reproducible: every entry carries the fixed project.build.outputTimestamp, not the build's time.
            assertThat(jar.stream().map(ZipEntry::getTime).distinct().count()).isEqualTo(1);
        }
        try (JarFile sources = new JarFile(jar(module, "sources").toFile())) {
            assertThat(sources.stream().map(ZipEntry::getName)).anyMatch(n -> n.endsWith("SentryAppender.java")
                    || n.endsWith("SentryHandler.java") || n.equals("org/sentry4j/Sentry.java")
                    || n.endsWith("SentryStartupListener.java"));
        }
        try (JarFile javadoc = new JarFile(jar(module, "javadoc").toFile())) {
            List<String> pages = javadoc.stream().map(ZipEntry::getName).collect(Collectors.toList());
            assertThat(pages).contains("index.html").noneMatch(n -> n.startsWith("org/sentry4j/internal"));
        }
    }

    @Test
    void theBomListsEveryLibraryAtTheProjectVersion() throws IOException {
        String parent = Files.readString(repoRoot().resolve("pom.xml"));
        String bom = Files.readString(repoRoot().resolve("sentry4j-bom/pom.xml"));
        assertThat(firstVersion(parent)).isEqualTo(VERSION);
        assertThat(firstVersion(bom)).as("sentry4j-bom's own version").isEqualTo(VERSION);
        for (String library : List.of("sentry-core", "sentry-logback", "sentry-log4j2",
                "sentry-spring-boot-starter", "sentry-jul")) {
            assertThat(bom).contains("<artifactId>" + library + "</artifactId>\n        <version>${project.version}</version>");
        }
        assertThat(bom).doesNotContain("<parent>");
    }

    /** The project's own version: the first version element after the artifactId, outside any parent. */
    private static String firstVersion(String pom) {
        String withoutParent = pom.replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher m = Pattern.compile("<artifactId>[^<]+</artifactId>\\s*<version>([^<]+)</version>").matcher(withoutParent);
        return m.find() ? m.group(1) : null;
    }
}
