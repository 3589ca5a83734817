package org.sentry4j.compat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a row's program as its own JVM: compat/apps' classes plus the classpath the row's pom resolved
 * (compat/rows/&lt;id&gt;/target/classpath.txt), with {@code SENTRY_DSN} set and no other ambient
 * {@code SENTRY_*} variable.
 */
final class RowProgram {
    /** How the JVM ended and what it printed. */
    record Run(String row, boolean finished, int exitCode, Duration elapsed, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return row + (finished ? " exited with " + exitCode : " did not finish") + " after " + elapsed.toMillis()
                    + " ms\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr + "---";
        }
    }

    private RowProgram() {
    }

    /** Batch files of envelopes the SDK left in the row's disk spool. */
    static long spooled(Path workDir) throws IOException {
        Path spool = workDir.resolve("spool");
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(spool)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".batch")).count();
        }
    }

    static List<String> resolvedClasspath(MatrixRow row) throws IOException {
        Path file = compatDir().resolve("rows").resolve(row.module()).resolve("target/classpath.txt");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("row " + row.module() + " is not resolved (no " + file
                    + "); build with: mvn -B -pl compat/tests -am verify");
        }
        return List.of(Files.readString(file, StandardCharsets.UTF_8).trim().split(File.pathSeparator));
    }

    /**
     * Runs the row's program in {@code workDir}; {@code label} names its output files there. Runs in the
     * same {@code workDir} share the SDK's disk spool.
     */
    static Run run(MatrixRow row, String dsn, Path workDir, String label, Duration limit)
            throws IOException, InterruptedException {
        Path apps = compatDir().resolve("apps/target/classes");
        if (!Files.isDirectory(apps)) {
            throw new IllegalStateException("compat/apps is not built (no " + apps + ")");
        }
        List<String> classpath = new ArrayList<>();
        classpath.add(apps.toString());
        classpath.addAll(resolvedClasspath(row));

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Short-lived programs on a shared 2-core machine: the quick compiler and one GC thread are enough.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        // The spool goes to the row's own folder, not the shared temp dir.
        command.add("-Dsentry.cache-dir=" + workDir.resolve("spool"));
        // Rows run side by side on a shared machine: a close that needs longer than the default 2 s there
        // must not look like an incompatibility. Sending takes milliseconds against the loopback receiver,
        // so a row whose errors still go to the spool gave up early, which is what the test looks for.
        command.add("-Dsentry.shutdown-timeout=10s");
        if (row.unsupported() != null) {
            // Logback prints its status only at configuration unless a listener is set: the status message
            // about the unsupported version may come later, from the SDK's threads.
            command.add("-Dlogback.statusListenerClass=ch.qos.logback.core.status.OnConsoleStatusListener");
        }
        if (Boolean.getBoolean("sentry4j.compat.debug")) {
            command.add("-Dsentry.debug=true"); // the SDK's diagnostics on the row's stderr, to look into a failure
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(row.program().mainClass);
        command.addAll(row.args());

        Path stdout = workDir.resolve(label + ".stdout.txt");
        Path stderr = workDir.resolve(label + ".stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(stdout.toFile()) // files, so a chatty program never blocks on a full pipe
                .redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SENTRY_"));
        builder.environment().put("SENTRY_DSN", dsn);
        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return new Run(row.id() + " (" + label + ")", finished, finished ? process.exitValue() : -1, elapsed,
                Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    static Path compatDir() {
        String configured = System.getProperty("sentry4j.compat.dir");
        return (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
    }
}
