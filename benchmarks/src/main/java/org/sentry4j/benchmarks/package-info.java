/**
 * Benchmarks of the sentry4j appenders side by side with io.sentry's 8.43.0 and a no-op floor, in one
 * run: JMH benchmarks for the logging thread's cost ({@link org.sentry4j.benchmarks.LogbackBenchmark},
 * {@link org.sentry4j.benchmarks.Log4j2Benchmark}), an end-to-end burst against a loopback receiver
 * that can fail on purpose ({@link org.sentry4j.benchmarks.EndToEnd}), and {@link org.sentry4j.benchmarks.Suite},
 * which runs them all and writes the results table.
 */
package org.sentry4j.benchmarks;
