package org.sentry4j.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** An {@link EndToEnd} JVM: started with this JVM's class path, talked to line by line, killed if it hangs. */
final class Child implements AutoCloseable {
    private static final long HANG_LIMIT_SECONDS = 180;

    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private Child(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static Child start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-Xms1g"); // a fixed heap, as the JMH forks have: G1 does not start the burst from a shrunk heap
        command.add("-Xmx1g");
        command.addAll(JvmFlags.THREAD_PRIORITIES);
        String extra = System.getenv("BENCH_CHILD_JVM_OPTS"); // e.g. -XX:StartFlightRecording=... to profile
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EndToEnd.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Child child = new Child(builder.start());
        Thread watchdog = new Thread(() -> {
            try {
                if (!child.process.waitFor(HANG_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    System.err.println("end-to-end child hung for " + HANG_LIMIT_SECONDS + " s; killing it");
                    child.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        return child;
    }

    /** Reads lines until one starts with {@code word}; returns its key=value pairs. */
    Map<String, String> await(String word) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(word)) {
                Map<String, String> values = new TreeMap<>();
                for (String token : line.substring(word.length()).trim().split(" ")) {
                    int eq = token.indexOf('=');
                    if (eq > 0) {
                        values.put(token.substring(0, eq), token.substring(eq + 1));
                    }
                }
                return values;
            }
        }
        throw new IOException("the end-to-end JVM ended before saying " + word + " (exit "
                + exitCode() + "; see its log)");
    }

    void tell(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }

    private String exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
