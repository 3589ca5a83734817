package org.sentry4j.lifecycle;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sentry4j.lifecycle.ShortLivedProgram.Ending;
import org.sentry4j.testkit.TestCertificates;
import org.sentry4j.testkit.TestReceiver;

/**
 * A program logs two errors and ends — main returns, the framework is stopped, {@code System.exit(1)},
 * an exception thrown out of main — through Logback, Log4j2 or the core API, against a healthy
 * receiver and one that answers each request after 600 ms: every event arrives in that run, exactly
 * once, and nothing is left in the spool for the next start. Default options but the DSN, a spool
 * folder of the run's own, and a shutdown timeout of {@link #SHUTDOWN_TIMEOUT}: a cold JVM on a
 * machine this busy may take longer than the default 2 s to build its first event and HTTP client,
 * and the contract under test is "send until the deadline", whatever the deadline.
 */
class LifecycleTest {
    /** A healthy server that takes its time: above the transport's old "slow" threshold (500 ms). */
    private static final Duration SLOW_ANSWER = Duration.ofMillis(600);
    /** Generous: a child that hangs fails the test, one that merely starts slowly on a busy box does not. */
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(60);

    private static final String SHUTDOWN_TIMEOUT = "10s";

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (Ending ending : Ending.values()) {
            runs.add(Arguments.of(ending, Duration.ZERO));
            runs.add(Arguments.of(ending, SLOW_ANSWER));
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0}, server answers after {1}")
    @MethodSource("runs")
    void everyEventArrivesInThatRunExactlyOnce(Ending ending, Duration answerDelay) throws Exception {
        try (TestReceiver receiver = TestReceiver.start()) {
            receiver.respondWith(TestReceiver.Response.status(200).after(answerDelay));
            String marker = UUID.randomUUID().toString();
            Path cache = dir.resolve("cache");

            String output = runChild(ending, marker, receiver.dsn(), cache, List.of());

            assertThat(receiver.awaitQuiet(Duration.ofSeconds(10))).as("receiver idle").isTrue();
            List<String> expected = new ArrayList<>(List.of("first-" + marker, "second-" + marker));
            if (ending == Ending.THROWN_OUT_OF_MAIN) {
                expected.add("third-" + marker); // the uncaught exception itself
            }
            List<String> events = receiver.events().stream().map(LifecycleTest::withoutBreadcrumbs)
                    .collect(Collectors.toList());
            for (String name : expected) {
                assertThat(events.stream().filter(e -> e.contains(name)).count())
                        .as(name + " arrived exactly once; the child's output:\n" + output).isEqualTo(1);
            }
            assertThat(events).as("only this run's events; the child's output:\n" + output).hasSize(expected.size());
            assertThat(spooled(cache)).as("nothing left for the next start; the child's output:\n" + output).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}, the HTTP client build takes 1.5 s longer")
    @MethodSource("slowBuildRuns")
    void aSlowClientBuildIsWaitedForNotAReasonToSpool(Ending ending) throws Exception {
        // https: only a client for TLS sets up the JVM's TLS context, where the child injects the delay
        TestCertificates certificates = TestCertificates.create(Files.createDirectories(dir.resolve("certificates")));
        try (TestReceiver receiver = TestReceiver.startTls(certificates.serverContext())) {
            String marker = UUID.randomUUID().toString();
            Path cache = dir.resolve("cache");

            String output = runChild(ending, marker, receiver.dsn(), cache, List.of("-Dlifecycle.slowClientBuild=1500",
                    "-Djavax.net.ssl.trustStore=" + certificates.trustStore(),
                    "-Djavax.net.ssl.trustStorePassword=" + certificates.trustStorePassword(),
                    "-Djavax.net.ssl.trustStoreType=PKCS12"));

            assertThat(receiver.awaitQuiet(Duration.ofSeconds(10))).as("receiver idle").isTrue();
            List<String> events = receiver.events().stream().map(LifecycleTest::withoutBreadcrumbs)
                    .collect(Collectors.toList());
            for (String name : List.of("first-" + marker, "second-" + marker)) {
                assertThat(events.stream().filter(e -> e.contains(name)).count())
                        .as(name + " arrived exactly once; the child's output:\n" + output).isEqualTo(1);
            }
            assertThat(spooled(cache)).as("nothing left for the next start; the child's output:\n" + output).isEmpty();
        }
    }

    static Stream<Ending> slowBuildRuns() {
        return Stream.of(Ending.CORE_CLOSE, Ending.LOG4J2_SHUTDOWN);
    }

    @org.junit.jupiter.api.Test
    void whatARunSpooledWhileTheServerWasDownTheNextRunDeliversNoneTwice() throws Exception {
        try (TestReceiver receiver = TestReceiver.start()) {
            Path cache = dir.resolve("cache");
            String earlier = UUID.randomUUID().toString();
            receiver.down();
            String firstOutput = runChild(Ending.CORE_CLOSE, earlier, receiver.dsn(), cache, List.of());
            assertThat(spooled(cache)).as("kept for the next start; the child's output:\n" + firstOutput).isNotEmpty();

            receiver.up();
            String later = UUID.randomUUID().toString();
            String output = runChild(Ending.LOGBACK_MAIN_RETURNS, later, receiver.dsn(), cache, List.of());

            assertThat(receiver.awaitQuiet(Duration.ofSeconds(10))).as("receiver idle").isTrue();
            List<String> events = receiver.events().stream().map(LifecycleTest::withoutBreadcrumbs)
                    .collect(Collectors.toList());
            for (String name : List.of("first-" + earlier, "second-" + earlier, "first-" + later, "second-" + later)) {
                assertThat(events.stream().filter(e -> e.contains(name)).count())
                        .as(name + " arrived exactly once; the second child's output:\n" + output).isEqualTo(1);
            }
            assertThat(spooled(cache)).as("nothing left; the second child's output:\n" + output).isEmpty();
        }
    }

    /** Runs the program in its own JVM on this module's test classpath; returns what it printed. */
    private String runChild(Ending ending, String marker, String dsn, Path cache, List<String> extraOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-Dsentry.dsn=" + dsn);
        command.add("-Dsentry.cache-dir=" + cache);
        command.add("-Dsentry.debug=true");
        command.add("-Dsentry.shutdown-timeout=" + SHUTDOWN_TIMEOUT);
        command.add("-Dlogback.configurationFile=" + (ending.logback() ? "lifecycle-logback.xml" : "lifecycle-quiet-logback.xml"));
        command.add("-Dlog4j2.configurationFile=lifecycle-log4j2.xml");
        command.addAll(extraOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ShortLivedProgram.class.getName());
        command.add(ending.name());
        command.add(marker);
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
        int expectedStatus = ending == Ending.EXIT_1_AFTER_LOG || ending == Ending.THROWN_OUT_OF_MAIN ? 1 : 0;
        assertThat(child.exitValue()).as(output).isEqualTo(expectedStatus);
        return output;
    }

    private static String withoutBreadcrumbs(JsonObject event) {
        JsonObject copy = event.deepCopy();
        copy.remove("breadcrumbs");
        return copy.toString();
    }

    /** The spool files (not temp files) in the run's cache folder. */
    private static List<Path> spooled(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".batch")
                            || p.getFileName().toString().endsWith(".envelope"))
                    .collect(Collectors.toList());
        }
    }
}
