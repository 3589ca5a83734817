package org.sentry4j.lifecycle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program running in a JVM of its own on this module's test classpath: what it prints is collected
 * line by line (waited for with {@link #awaitLine}), it can be told things on its standard input, and
 * it can be killed as {@code kill -9} does. Closing it kills it if it still runs.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Writer stdin;

    private ChildJvm(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::collect, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} with the JVM options given (no SENTRY_* variable of the test's environment). */
    static ChildJvm start(List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SENTRY_"));
        return new ChildJvm(builder.start());
    }

    private void collect() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException ended) {
            // killed: what it printed before is kept
        }
    }

    /** Waits for a line starting with {@code prefix}; false if none came within {@code timeout}. */
    boolean awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (lines.stream().noneMatch(l -> l.startsWith(prefix))) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && lines.stream().noneMatch(l -> l.startsWith(prefix))) {
                    return lines.stream().anyMatch(l -> l.startsWith(prefix));
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            return true;
        }
    }

    /** The lines printed so far that start with {@code prefix}. */
    List<String> lines(String prefix) {
        synchronized (lines) {
            List<String> found = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    found.add(line);
                }
            }
            return found;
        }
    }

    /** Everything printed so far, for failure messages. */
    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Writes a line to its standard input. */
    void tell(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /** Waits for it to exit; its exit status, or -1 if it still ran at the deadline. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Ends it as {@code kill -9} does: no shutdown hook, no close, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
