package org.sentry4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A smoke test of the harness, not a benchmark: each SDK's appender, set up as the benchmarks set it up,
 * really sends errors to the loopback receiver, which counts each once, warm-up ones apart.
 */
class HarnessTest {
    @TempDir
    Path spool;

    @ParameterizedTest
    @CsvSource({"logback,sentry4j", "logback,iosentry", "log4j2,sentry4j", "log4j2,iosentry"})
    void eachSdkDeliversAnErrorToTheReceiver(String frameworkName, String variantId) throws Exception {
        Variant variant = Variant.of(variantId);
        try (Receiver receiver = Receiver.start()) {
            Framework framework = Framework.start(frameworkName, variant,
                    new Framework.Settings(receiver.dsn(), spool.toString(), "bench.test"));
            try {
                framework.debug("below {}", "thresholds");
                framework.info("breadcrumb {}", "kept");
                framework.warmupError("payment for {} failed", "order-0", Failures.create(3));
                framework.error("payment for {} failed", "order-1", Failures.create(3));
                assertThat(receiver.awaitEvents(1, Duration.ofSeconds(20))).isEqualTo(1);
            } finally {
                framework.close(); // closes the SDK too, flushing the rest
            }
            // The second event carries the first as a breadcrumb: only its own logger decides how it counts.
            assertThat(receiver.events()).isEqualTo(1);
            assertThat(receiver.warmupEvents()).isEqualTo(1);
        }
    }

    /** Case h's premise: with the property case h sets, both SDKs send an info log as a structured log. */
    @ParameterizedTest
    @CsvSource({"logback,sentry4j", "logback,iosentry", "log4j2,sentry4j", "log4j2,iosentry"})
    void withTheLogsPropertyEachSdkSendsAnInfoLogAsAStructuredLog(String frameworkName, String variantId)
            throws Exception {
        Variant variant = Variant.of(variantId);
        System.setProperty(BenchmarkState.LOGS_PROPERTY, "true");
        try (Receiver receiver = Receiver.start()) {
            Framework framework = Framework.start(frameworkName, variant,
                    new Framework.Settings(receiver.dsn(), spool.toString(), "bench.test"));
            try {
                framework.debug("below {}", "the minimum log level");
                framework.info("payment for {} started", "order-1");
            } finally {
                framework.close(); // closes the SDK too, which sends the waiting logs
            }
            assertThat(receiver.logs()).isEqualTo(1);
        } finally {
            System.clearProperty(BenchmarkState.LOGS_PROPERTY);
        }
    }
}
