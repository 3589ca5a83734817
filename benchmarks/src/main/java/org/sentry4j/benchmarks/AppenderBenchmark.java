package org.sentry4j.benchmarks;

import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Cases a–d, f and h, the same for every framework: the cost of one logging call on the logging thread, for the
 * floor (a no-op appender), sentry4j and io.sentry, each in its own fork with its own loopback receiver.
 * A subclass per framework names it; JMH inherits the parameters and benchmark methods.
 */
@State(Scope.Thread)
public abstract class AppenderBenchmark extends BenchmarkState {
    @Param({"floor", "sentry4j", "iosentry"})
    public String variant;

    @Override
    String variantName() {
        return variant;
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws IOException {
        start(params);
    }

    @Setup(Level.Iteration)
    public void beforeIteration(IterationParams params) {
        beginIteration(params);
    }

    @TearDown(Level.Iteration)
    public void afterIteration() {
        endIteration();
    }

    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) throws IOException {
        stop(params);
    }

    /** a. Below both thresholds. */
    @Benchmark
    public void belowThreshold() {
        ops++;
        framework.debug("cart {} recalculated", argument);
    }

    /** b. Kept as a breadcrumb. */
    @Benchmark
    public void breadcrumb() {
        ops++;
        framework.info("payment for {} started", argument);
    }

    /** c. An event with a fresh ~30-frame exception. */
    @Benchmark
    public void error() {
        ops++;
        framework.error("payment for {} failed", argument, failure());
    }

    /** f. An event without an exception: it carries the logging call's stack. */
    @Benchmark
    public void errorMessageOnly() {
        ops++;
        framework.errorMessage("payment for {} took too long", argument);
    }

    /**
     * h. As b, with structured logs on for both SDKs ({@code -Dsentry.logs.enabled=true}, each one's
     * default minimum log level: INFO): a breadcrumb and a structured log.
     */
    @Benchmark
    public void infoWithLogs() {
        ops++;
        framework.info("payment for {} started", argument);
    }

    /** d. As c, with five context entries mapped to tags. */
    @Benchmark
    public void errorWithContext() {
        ops++;
        framework.error("payment for {} failed", argument, failure());
    }
}
