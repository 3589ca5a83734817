package org.sentry4j.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Front-end modules use only the core's public API: no class of a front-end names a type of
 * {@code org.sentry4j.internal}. The front-ends are every {@code sentry-*} module of the root pom but
 * {@code sentry-core}, read from their compiled classes; a new one is checked as soon as it is a module
 * (and a test dependency of this one, so that it is built first).
 */
class FrontEndBoundaryTest {
    private static final String INTERNAL = "org/sentry4j/internal/";

    private static Path repoRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (!Files.exists(dir.resolve("sentry-core")) || !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    /** The root pom's {@code sentry-*} modules but the core. */
    static List<String> frontEndModules(Path root) throws IOException {
        Matcher m = Pattern.compile("<module>(sentry-[^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).equals("sentry-core") && !m.group(1).endsWith("-bom")) {
                modules.add(m.group(1));
            }
        }
        return modules;
    }

    @Test
    void theFrontEndsAreTheLoggingModules() throws IOException {
        assertThat(frontEndModules(repoRoot())).contains("sentry-logback", "sentry-log4j2");
    }

    @Test
    void noFrontEndClassUsesTheCoresInternals() throws IOException {
        Path root = repoRoot();
        List<String> violations = new ArrayList<>();
        for (String module : frontEndModules(root)) {
            Path classes = root.resolve(module).resolve("target/classes");
            assertThat(classes).as("%s is not built: add it as a test dependency of boundary-tests", module)
                    .isDirectory();
            violations.addAll(internalUses(module, classes));
        }
        assertThat(violations).as("front-end classes that use org.sentry4j.internal (use org.sentry4j.logging)")
                .isEmpty();
    }

    @Test
    void theRuleSeesEveryKindOfUseAsTheCoresOwnClassesShow() throws IOException {
        List<String> core = internalUses("sentry-core", repoRoot().resolve("sentry-core/target/classes"));

        assertThat(core).contains(
                "sentry-core: org.sentry4j.Sentry uses org.sentry4j.internal.CallbackGuard", // a static call
                "sentry-core: org.sentry4j.Hub uses org.sentry4j.internal.SentryClient", // a field's type
                "sentry-core: org.sentry4j.LogCapture uses org.sentry4j.internal.FrontEndAccess"); // an interface
    }

    /** One line per class and internal type: {@code module: class uses type}. */
    static List<String> internalUses(String module, Path classes) throws IOException {
        List<String> uses = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            String className = classes.relativize(file).toString().replace('/', '.').replace('\\', '.')
                    .replaceAll("\\.class$", "");
            try (InputStream in = Files.newInputStream(file)) {
                for (String type : ClassReferences.under(in, INTERNAL)) {
                    uses.add(module + ": " + className + " uses " + type);
                }
            }
        }
        return uses;
    }
}
