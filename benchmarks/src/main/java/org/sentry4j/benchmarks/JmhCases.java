package org.sentry4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs cases a–d through JMH's API (one fork per benchmark and variant, {@code -prof gc}) and collects rows. */
final class JmhCases {
    /** One benchmark × variant. */
    static final class Row {
        final String framework;
        final String benchmark;
        final String variant;
        final double nsPerOp;
        final double nsError;
        final double allThreadsBytesPerOp;
        double callerBytesPerOp = Double.NaN;
        double callerCpuNanosPerOp = Double.NaN;
        long logged = -1;
        long delivered = -1;

        Row(String framework, String benchmark, String variant, double nsPerOp, double nsError, double allBytes) {
            this.framework = framework;
            this.benchmark = benchmark;
            this.variant = variant;
            this.nsPerOp = nsPerOp;
            this.nsError = nsError;
            this.allThreadsBytesPerOp = allBytes;
        }
    }

    /** JMH settings: forks, warm-up iterations × seconds, measurement iterations × seconds. */
    static final class Settings {
        final int warmupIterations;
        final int warmupSeconds;
        final int iterations;
        final int seconds;

        Settings(int warmupIterations, int warmupSeconds, int iterations, int seconds) {
            this.warmupIterations = warmupIterations;
            this.warmupSeconds = warmupSeconds;
            this.iterations = iterations;
            this.seconds = seconds;
        }

        String describe() {
            return "-f 1 -wi " + warmupIterations + " -w " + warmupSeconds + "s -i " + iterations + " -r "
                    + seconds + "s -t 1 -prof gc, -Xms1g -Xmx1g " + String.join(" ", JvmFlags.THREAD_PRIORITIES);
        }
    }

    private JmhCases() {
    }

    private static String[] jvmArgs(Path side) {
        List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-D" + BenchmarkState.OUT_PROPERTY + "=" + side.toAbsolutePath()));
        args.addAll(JvmFlags.THREAD_PRIORITIES); // a second jvmArgsAppend would replace the first
        return args.toArray(new String[0]);
    }

    /** Runs the benchmarks whose names match {@code include} (a regular expression) for {@code variants}. */
    static List<Row> run(Settings settings, String include, List<String> variants, Path workDir)
            throws IOException, RunnerException {
        Path side = workDir.resolve("caller-allocation.txt");
        Files.deleteIfExists(side);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .param("variant", variants.toArray(new String[0]))
                .forks(1)
                .threads(1)
                .warmupIterations(settings.warmupIterations)
                .warmupTime(TimeValue.seconds(settings.warmupSeconds))
                .measurementIterations(settings.iterations)
                .measurementTime(TimeValue.seconds(settings.seconds))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend(jvmArgs(side))
                .shouldFailOnError(true);
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            String cls = full.substring(0, full.lastIndexOf('.'));
            String framework = cls.endsWith("LogbackBenchmark") ? "Logback" : "Log4j2";
            Row row = new Row(framework, full.substring(full.lastIndexOf('.') + 1), r.getParams().getParam("variant"),
                    r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                    secondary(r.getSecondaryResults(), "gc.alloc.rate.norm"));
            rows.add(row);
        }
        if (Files.exists(side)) {
            for (String line : Files.readAllLines(side, StandardCharsets.UTF_8)) {
                String[] f = line.trim().split(" ");
                if (f.length < 5) {
                    continue;
                }
                String framework = f[0].startsWith("LogbackBenchmark") ? "Logback" : "Log4j2";
                String benchmark = f[0].substring(f[0].indexOf('.') + 1);
                for (Row row : rows) {
                    if (row.framework.equals(framework) && row.benchmark.equals(benchmark) && row.variant.equals(f[1])) {
                        row.callerBytesPerOp = Double.parseDouble(f[2]);
                        row.logged = Long.parseLong(f[3]);
                        row.delivered = Long.parseLong(f[4]);
                        if (f.length > 5) {
                            row.callerCpuNanosPerOp = Double.parseDouble(f[5]);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static double secondary(Map<String, Result> results, String suffix) {
        for (Map.Entry<String, Result> e : results.entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }
}
