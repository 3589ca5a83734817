package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the logging thread allocates per log, measured with the JVM's per-thread allocation counter
 * (bytes, not time, so it holds on a loaded machine). Speed itself belongs to the JMH benchmarks.
 */
class AllocationTest {
    private static final int WARMUP = 20_000;
    private static final int MEASURED = 10_000;
    @TempDir
    Path dir;
    private LoggingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new LoggingFixture(dir);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static double bytesPerAppend(SentryAppender appender, LogEvent event) {
        for (int i = 0; i < WARMUP; i++) {
            appender.append(event);
        }
        long before = allocatedBytes();
        for (int i = 0; i < MEASURED; i++) {
            appender.append(event);
        }
        return (allocatedBytes() - before) / (double) MEASURED;
    }

    private static LogEvent event(Level level) {
        return Log4jLogEvent.newBuilder().setLoggerName("shop.Cart").setLevel(level)
                .setMessage(new SimpleMessage("cart opened")).build();
    }

    @Test
    void belowBothThresholdsNothingIsAllocated() {
        fixture.start(fixture.config(""));

        assertThat(bytesPerAppend(fixture.appender(), event(Level.DEBUG))).isLessThan(1.0);
    }

    @Test
    void aBreadcrumbCostsAtMostOneHundredBytes() {
        fixture.start(fixture.config(""));

        assertThat(bytesPerAppend(fixture.appender(), event(Level.INFO))).isLessThanOrEqualTo(100.0);
    }
}
