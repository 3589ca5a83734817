package org.sentry4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What every JMH benchmark here shares: its own loopback receiver, one framework set up for one variant,
 * a count of operations and the calling thread's allocation over the measured iterations. At the end of
 * the trial it appends one line to the file named by {@code -Dsentry4j.bench.out}:
 * {@code benchmark variant callerBytesPerOp logged delivered callerCpuNanosPerOp} (delivered: events, or
 * structured logs for the {@code WithLogs} case).
 */
abstract class BenchmarkState {
    static final String OUT_PROPERTY = "sentry4j.bench.out";
    /** io.sentry's name of the option, which sentry4j reads as {@code logs-enabled}. */
    static final String LOGS_PROPERTY = "sentry.logs.enabled";
    static final String[][] CONTEXT = {
        {"tenant", "acme"}, {"region", "eu-west-1"}, {"request_id", "5d41402abc4b2a76"},
        {"user_tier", "gold"}, {"feature", "checkout-v2"}};

    Receiver receiver;
    Framework framework;
    Path cacheDir;
    int padding = -1;
    String argument = "order-1742";

    long ops;
    private long iterationStartOps;
    private long iterationStartBytes;
    private long iterationStartCpu;
    private long measuredCpu;
    private boolean measuring;
    private long measuredOps;
    private long measuredBytes;

    abstract String frameworkName();

    abstract String variantName();

    void start(BenchmarkParams params) throws IOException {
        if (params.getBenchmark().endsWith("WithLogs")) {
            // Read by both SDKs when their appender starts the client (io.sentry's external options,
            // sentry4j's ambient settings); this fork runs this benchmark only.
            System.setProperty(LOGS_PROPERTY, "true");
        }
        receiver = Receiver.start();
        cacheDir = Files.createTempDirectory("sentry4j-bench-spool");
        framework = Framework.start(frameworkName(), Variant.of(variantName()),
                new Framework.Settings(receiver.dsn(), cacheDir.toString(), "bench.jmh"));
        if (params.getBenchmark().endsWith("WithContext")) {
            for (String[] kv : CONTEXT) {
                framework.putContext(kv[0], kv[1]);
            }
        }
    }

    /** A fresh exception with about 30 frames; the padding is measured on the first call. */
    RuntimeException failure() {
        if (padding < 0) {
            padding = Failures.padding() - 1; // this method's own frame
        }
        return Failures.create(padding);
    }

    void beginIteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
        iterationStartOps = ops;
        iterationStartBytes = CallerAllocation.current();
        iterationStartCpu = CallerAllocation.cpuNanos();
    }

    void endIteration() {
        long bytes = CallerAllocation.current() - iterationStartBytes;
        long cpu = CallerAllocation.cpuNanos() - iterationStartCpu;
        if (measuring) {
            measuredCpu += cpu;
            measuredOps += ops - iterationStartOps;
            measuredBytes += bytes;
        }
    }

    void stop(BenchmarkParams params) throws IOException {
        framework.clearContext();
        framework.close();
        String out = System.getProperty(OUT_PROPERTY);
        if (out != null) {
            String name = params.getBenchmark();
            String line = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1) + " "
                    + variantName() + " " + (measuredOps == 0 ? 0 : (double) measuredBytes / measuredOps)
                    + " " + ops + " " + (name.endsWith("WithLogs") ? receiver.logs() : receiver.events()) + " " + (measuredOps == 0 ? 0 : (double) measuredCpu / measuredOps)
                    + System.lineSeparator();
            Files.write(Paths.get(out), line.getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        receiver.close();
        try (Stream<Path> files = Files.walk(cacheDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
