package org.sentry4j.jul;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

/**
 * {@link JulProgram} in its own JVM, configured only by a {@code logging.properties}: the JDK's
 * LogManager makes the handler, and at exit its cleaner resets the handlers; the handler's close
 * delivers what was logged (the SDK's own shutdown hook is off, defaultIntegrations=false, so nothing
 * else would). With log4j-jul, each record is reported once, by sentry-log4j2.
 */
class ChildJvmTest {
    /** Generous: a child that hangs fails the test, one that merely starts slowly on a busy box does not. */
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(60);
    /** A healthy server that takes its time, so delivery at exit has to wait for it. */
    private static final Duration SLOW_ANSWER = Duration.ofMillis(600);

    @TempDir
    Path dir;

    private Path loggingProperties(String handlers, String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of("handlers = " + handlers, ".level = INFO"));
        all.addAll(List.of(lines));
        return Files.write(dir.resolve("logging.properties"), all, StandardCharsets.ISO_8859_1);
    }

    @Test
    void configuredByLoggingPropertiesTheLastErrorArrivesWhenMainReturns() throws Exception {
        assertDeliveredAtExit(List.of());
    }

    @Test
    void configuredByLoggingPropertiesTheLastErrorArrivesOnSystemExit() throws Exception {
        assertDeliveredAtExit(List.of("exit"));
    }

    private void assertDeliveredAtExit(List<String> programArgs) throws Exception {
        try (TestReceiver receiver = TestReceiver.start()) {
            receiver.respondWith(TestReceiver.Response.status(200).after(SLOW_ANSWER));
            String marker = UUID.randomUUID().toString();
            Path properties = loggingProperties("org.sentry4j.jul.SentryHandler",
                    "org.sentry4j.jul.SentryHandler.dsn = " + receiver.dsn(),
                    "org.sentry4j.jul.SentryHandler.release = jul-child@1",
                    "org.sentry4j.jul.SentryHandler.defaultIntegrations = false",
                    "org.sentry4j.jul.SentryHandler.shutdownTimeout = 20s",
                    "org.sentry4j.jul.SentryHandler.cacheDir = " + dir.resolve("cache").toString().replace('\\', '/'),
                    "org.sentry4j.jul.SentryHandler.minimumBreadcrumbLevel = INFO");

            List<String> options = List.of("-Djava.util.logging.config.file=" + properties);
            String output = runChild(options, marker, programArgs);

            assertThat(receiver.awaitQuiet(Duration.ofSeconds(10))).as("receiver idle").isTrue();
            List<JsonObject> events = receiver.events();
            assertThat(events).as("the child's output:\n" + output).hasSize(2);
            events.forEach(EventSchema::assertValid);
            JsonObject last = withMessage(events, "last-" + marker);
            assertThat(last.get("release").getAsString()).isEqualTo("jul-child@1");
            assertThat(last.getAsJsonObject("logentry").get("message").getAsString()).isEqualTo("last-{0}");
            assertThat(last.getAsJsonObject("breadcrumbs").getAsJsonArray("values").get(0).getAsJsonObject()
                    .get("message").getAsString()).isEqualTo("opened-" + marker);
            JsonObject failed = withMessage(events, "failed-" + marker);
            assertThat(failed.getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject()
                    .getAsJsonObject("mechanism").get("type").getAsString()).isEqualTo("jul");
            assertThat(output).doesNotContain("ErrorManager");
        }
    }

    @Test
    void underLog4jJulsLogManagerEachRecordIsReportedOnceBySentryLog4j2() throws Exception {
        assertReportedOnceByLog4j2("org.sentry4j.jul.SentryHandler",
                "-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager");
    }

    @Test
    void besideLog4jBridgeHandlerEachRecordIsReportedOnceBySentryLog4j2() throws Exception {
        String output = assertReportedOnceByLog4j2(
                "org.apache.logging.log4j.jul.Log4jBridgeHandler, org.sentry4j.jul.SentryHandler");
        assertThat(output).as("said once").containsOnlyOnce("this handler leaves them to it");
    }

    private String assertReportedOnceByLog4j2(String handlers, String... extraOptions) throws Exception {
        try (TestReceiver receiver = TestReceiver.start()) {
            String marker = UUID.randomUUID().toString();
            Path properties = loggingProperties(handlers);
            List<String> options = new ArrayList<>(List.of("-Djava.util.logging.config.file=" + properties,
                    "-Dlog4j2.configurationFile=jul-bridge-log4j2.xml", "-Dsentry.dsn=" + receiver.dsn(),
                    "-Dsentry.default-integrations=false", "-Dsentry.shutdown-timeout=20s",
                    "-Dsentry.cache-dir=" + dir.resolve("cache")));
            options.addAll(List.of(extraOptions));

            String output = runChild(options, marker, List.of());

            assertThat(receiver.awaitQuiet(Duration.ofSeconds(10))).as("receiver idle").isTrue();
            List<JsonObject> events = receiver.events();
            assertThat(events.stream().map(e -> e.getAsJsonObject("logentry").get("formatted").getAsString())
                    .collect(Collectors.toList())).as("the child's output:\n" + output)
                    .containsExactlyInAnyOrder("last-" + marker, "failed-" + marker);
            JsonObject failed = withMessage(events, "failed-" + marker);
            assertThat(failed.getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject()
                    .getAsJsonObject("mechanism").get("type").getAsString()).isEqualTo("log4j2");
            return output;
        }
    }

    private static JsonObject withMessage(List<JsonObject> events, String formatted) {
        return events.stream().filter(e -> e.getAsJsonObject("logentry").get("formatted").getAsString().equals(formatted))
                .findFirst().orElseThrow();
    }

    /** Runs {@link JulProgram} in its own JVM on this module's test classpath; returns what it printed. */
    private String runChild(List<String> jvmOptions, String marker, List<String> programArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(JulProgram.class.getName());
        command.add(marker);
        command.addAll(programArgs);
        File log = dir.resolve("child-" + marker + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().keySet().removeIf(name -> name.startsWith("SENTRY_"));
        Process child = builder.start();
        try {
            assertThat(child.waitFor(CHILD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as("child exited").isTrue();
        } finally {
            child.destroyForcibly();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isEqualTo(programArgs.contains("exit") ? 1 : 0);
        return output;
    }
}
