package org.sentry4j.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Case g: a short-lived program (a CLI, a batch job, a failing start) — a fresh JVM starts its logging
 * framework, logs {@link #ERRORS} errors and ends: Logback's {@code main} just returns, Log4j2's stops
 * its context first (as {@code LogManager.shutdown()} does). For the floor, sentry4j and io.sentry, against a
 * healthy receiver and one answering after 600 ms: how many events arrived before the process ended,
 * the whole run's wall time, and the time from the end of {@code main} to the process's exit.
 */
final class ShortLived {
    static final int ERRORS = 3;
    static final int RUNS = 5;
    private static final long LIMIT_SECONDS = 60;
    static final String[] MODES = {"healthy", "600ms"};

    /** One framework × SDK × receiver, over {@link #RUNS} fresh JVMs. */
    static final class Row {
        final String framework;
        final Variant sdk;
        final String mode;
        final List<Integer> delivered = new ArrayList<>();
        final List<Long> wallMillis = new ArrayList<>();
        final List<Long> exitMillis = new ArrayList<>();
        String error;

        Row(String framework, Variant sdk, String mode) {
            this.framework = framework;
            this.sdk = sdk;
            this.mode = mode;
        }

        String name() {
            return sdk.id() + "-" + framework + "-" + mode;
        }

        int runsWithAll() {
            return (int) delivered.stream().filter(d -> d == ERRORS).count();
        }

        static long median(List<Long> values) {
            if (values.isEmpty()) {
                return -1;
            }
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }

        Map<String, Object> values() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("delivered", delivered);
            v.put("wall_ms", wallMillis);
            v.put("exit_ms", exitMillis);
            if (error != null) {
                v.put("error", error);
            }
            return v;
        }
    }

    private ShortLived() {
    }

    /** The child: {@code framework variant dsn cacheDir}. */
    public static void main(String[] args) {
        Variant variant = Variant.of(args[1]);
        Framework framework = Framework.start(args[0], variant, new Framework.Settings(args[2], args[3], "bench.cli"));
        for (int i = 0; i < ERRORS; i++) {
            framework.error("import of batch {} failed", i, new IllegalStateException("row " + i + " is malformed"));
        }
        if (args[0].equals("log4j2")) {
            framework.stopLogging();
        }
        System.out.println("main-end " + System.currentTimeMillis());
        System.out.flush();
    }

    /** Runs every row; {@code filter} matches row names. */
    static List<Row> run(Path work, String filter) throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (String framework : new String[] {"logback", "log4j2"}) {
            for (String mode : MODES) {
                for (Variant sdk : Variant.values()) {
                    Row row = new Row(framework, sdk, mode);
                    if (!row.name().matches(filter)) {
                        continue;
                    }
                    System.out.println("# case g: " + row.name());
                    for (int i = 0; i < RUNS && row.error == null; i++) {
                        once(row, work);
                    }
                    System.out.println("#   " + row.values());
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static void once(Row row, Path work) throws IOException, InterruptedException {
        try (Receiver receiver = Receiver.start()) {
            receiver.answer(row.mode.equals("600ms") ? Receiver.Answer.AFTER_600_MS : Receiver.Answer.OK);
            Path spool = Files.createTempDirectory(work, "g-spool");
            List<String> command = new ArrayList<>(List.of(
                    System.getProperty("java.home") + File.separator + "bin" + File.separator + "java"));
            command.addAll(JvmFlags.THREAD_PRIORITIES);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ShortLived.class.getName(),
                    row.framework, row.sdk.id(), receiver.dsn(), spool.toString()));
            Path log = work.resolve("case-g-" + row.name() + ".log");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long mainEnd = -1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("main-end ")) {
                        mainEnd = Long.parseLong(line.substring("main-end ".length()).trim());
                    }
                }
            }
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                row.error = "did not exit within " + LIMIT_SECONDS + " s";
                return;
            }
            long exited = System.currentTimeMillis();
            row.wallMillis.add((System.nanoTime() - start) / 1_000_000);
            row.exitMillis.add(mainEnd < 0 ? -1 : exited - mainEnd);
            row.delivered.add(receiver.events());
            if (process.exitValue() != 0) {
                row.error = "exit code " + process.exitValue() + " (see " + log + ")";
            }
        }
    }

    /** The case-g table, for {@link ResultsTable}. */
    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder("\n## Case g: short-lived program, " + ERRORS + " errors then exit ("
                + RUNS + " fresh JVMs per row)\n\n"
                + "| framework | receiver | SDK | runs with all " + ERRORS + " delivered | delivered per run | wall ms "
                + "(median) | end of main → exit ms (median) | sentry4j targets |\n|---|---|---|---:|---|---:|---:|---|\n");
        for (Row r : rows) {
            String targets = "";
            if (r.sdk == Variant.SENTRY4J) {
                Row theirs = rows.stream().filter(o -> o.sdk == Variant.IO_SENTRY && o.framework.equals(r.framework)
                        && o.mode.equals(r.mode)).findFirst().orElse(null);
                boolean all = r.runsWithAll() == r.delivered.size() && !r.delivered.isEmpty();
                targets = "all in every run " + (all ? "✓" : "✗");
                if (theirs != null && !theirs.exitMillis.isEmpty()) {
                    targets += ", exit ≤ io.sentry's + 50 ms "
                            + (Row.median(r.exitMillis) <= Row.median(theirs.exitMillis) + 50 ? "✓" : "✗")
                            + ", wall ≤ io.sentry's " + (Row.median(r.wallMillis) <= Row.median(theirs.wallMillis) ? "✓" : "✗");
                }
            }
            String all = r.sdk == Variant.FLOOR ? "—" : r.runsWithAll() + " of " + r.delivered.size();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %d | %s |%n", r.framework,
                    r.mode, r.sdk.id(), all, r.sdk == Variant.FLOOR ? "—" : r.delivered.toString(), Row.median(r.wallMillis),
                    Row.median(r.exitMillis), r.error != null ? "failed: " + r.error : targets));
        }
        out.append("\nThe floor logs into a no-op appender: its wall time is the JVM's and the framework's own start and"
                + " stop. \"delivered per run\" counts distinct events the receiver accepted before the process ended."
                + " \"end of main → exit\" is the wall-clock time between the program's last statement and the process's"
                + " end, as the parent saw it (shutdown hooks, the SDK's flush and its threads).\n");
        return out.toString();
    }
}
