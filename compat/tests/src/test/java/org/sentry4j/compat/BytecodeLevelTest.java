package org.sentry4j.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The README promises Java 11: every class in the sentry4j jars the rows run is Java 11 bytecode (class
 * file version 55), whatever JDK built them.
 */
class BytecodeLevelTest {
    private static final int JAVA_11 = 55;

    @Test
    void sentry4jJarsAreJava11Bytecode() throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String row : List.of("logback-1.5.18", "log4j2-2.25.2", "spring-boot-3.5.7-starter")) {
            MatrixRow matrixRow = SupportMatrixTest.ROWS.stream().filter(r -> r.id().equals(row)).findFirst()
                    .orElseThrow();
            for (String entry : RowProgram.resolvedClasspath(matrixRow)) {
                Path path = Path.of(entry);
                if (path.getFileName().toString().startsWith("sentry-") && !jars.contains(path)) {
                    jars.add(path);
                }
            }
        }
        assertThat(jars.stream().map(p -> p.getFileName().toString().replaceAll("-[0-9].*", "")))
                .containsExactlyInAnyOrder("sentry-logback", "sentry-core", "sentry-log4j2", "sentry-spring-boot-starter");
        for (Path jar : jars) {
            int classes = 0;
            try (JarFile file = new JarFile(jar.toFile())) {
                for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.getName().endsWith(".class")) {
                        continue;
                    }
                    classes++;
                    try (InputStream in = file.getInputStream(entry)) {
                        DataInputStream data = new DataInputStream(in);
                        assertThat(data.readInt()).as("%s!%s", jar, entry).isEqualTo(0xCAFEBABE);
                        data.readUnsignedShort(); // minor
                        assertThat(data.readUnsignedShort()).as("class file version of %s!%s", jar, entry)
                                .isEqualTo(JAVA_11);
                    }
                }
            }
            assertThat(classes).as("classes in %s", jar).isPositive();
        }
    }
}
