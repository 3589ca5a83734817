package org.sentry4j.examples.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.examples.it.InboxHarness.exceptionTypes;
import static org.sentry4j.examples.it.InboxHarness.level;
import static org.sentry4j.examples.it.InboxHarness.mechanism;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.testkit.EventSchema;

/**
 * A modular application ({@code requires org.sentry4j.core; requires org.sentry4j.logback;}) started
 * with {@code --module-path} reports through both the core API and the Logback appender, and the
 * version it reports is the one in the sentry-core jar's manifest. Our jars are automatic modules:
 * they cannot declare that they need Gson (and, for Spotlight and {@code SentryHttpClient}, the JDK's
 * HTTP client), so the JVM must be told
 * ({@code --add-modules com.google.gson,java.net.http}); the transport itself needs only Gson (its HTTP
 * is java.base's), so without {@code java.net.http} the events still arrive.
 */
class ModulePathTest {
    static final ExampleProgram MODULAR_EXAMPLE = ExampleProgram.onModulePath("modular-example",
            "org.sentry4j.examples.modular", "org.sentry4j.examples.modular.ModularExample",
            "--add-modules", "com.google.gson,java.net.http");

    @TempDir
    Path workDir;
    InboxHarness harness;

    @BeforeEach
    void startInbox() throws Exception {
        harness = new InboxHarness(workDir);
    }

    @AfterEach
    void stopInbox() {
        harness.close();
    }

    @Test
    void aModulePathAppThatRequiresTheSdkModulesReportsThroughTheApiAndTheAppender() throws Exception {
        ProgramRun run = harness.run(MODULAR_EXAMPLE);

        assertThat(run.finished).as("finished within %s: %s", InboxHarness.PROGRAM_LIMIT, run).isTrue();
        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.output).contains("running in module org.sentry4j.examples.modular")
                .contains("modular-example: done, 2 events sent");

        List<JsonObject> events = harness.awaitEvents(2);
        assertThat(events).hasSize(2);
        events.forEach(EventSchema::assertValid);
        JsonObject viaApi = events.stream().filter(e -> level(e).equals("warning")).findFirst().orElseThrow();
        JsonObject viaLogback = events.stream().filter(e -> level(e).equals("error")).findFirst().orElseThrow();
        assertThat(viaApi.getAsJsonObject("logentry").get("formatted").getAsString())
                .isEqualTo("modular-example: a message through the core API");
        assertThat(exceptionTypes(viaLogback)).containsExactly("java.lang.IllegalStateException");
        assertThat(mechanism(viaLogback)).isEqualTo("logback/true");
        for (JsonObject event : events) {
            assertThat(event.get("release").getAsString()).isEqualTo("modular-example@1.0.0");
            // Read from the sentry-core jar's Implementation-Version, which a named module's Package lacks.
            assertThat(event.getAsJsonObject("sdk").get("version").getAsString())
                    .isEqualTo(System.getProperty("sentry4j.version")).doesNotContain("dev");
        }
    }

    @Test
    void withoutJavaNetHttpInTheModuleGraphTheEventsStillArrive() throws Exception {
        // The transport is on java.base alone (HttpURLConnection): only Gson has to be added.
        ProgramRun run = harness.run(MODULAR_EXAMPLE.withJvmOptions("--add-modules", "com.google.gson",
                "-Dsentry.debug=true", "-Dsentry.cache-dir=0"));

        assertThat(run.finished).as("finished within %s: %s", InboxHarness.PROGRAM_LIMIT, run).isTrue();
        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.output).contains("modular-example: done, 2 events sent")
                .doesNotContainPattern("\\[sentry4j\\].*java[/.]net[/.]http");
        assertThat(harness.awaitEvents(2)).hasSize(2);
    }
}
