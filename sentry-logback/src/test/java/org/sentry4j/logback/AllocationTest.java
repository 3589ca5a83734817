package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.TestReceiver;

/**
 * What the appender allocates on the logging thread per log, measured with the JVM's per-thread
 * allocation counter (bytes, not time, so it holds on a loaded machine). The event is built once, so
 * Logback's own allocation is left out. Speed belongs to the JMH benchmarks. Mirrors sentry-log4j2's
 * AllocationTest.
 */
class AllocationTest {
    private static final int WARMUP = 20_000;
    private static final int MEASURED = 10_000;
    private TestReceiver receiver;
    private LogbackFixture logback;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
        logback = LogbackFixture.configure(receiver.dsn(), Configs.sentry());
    }

    @AfterEach
    void stop() {
        logback.close();
        Sentry.close();
        receiver.close();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private double bytesPerAppend(LoggingEvent event) {
        SentryAppender appender = logback.appender("SENTRY");
        for (int i = 0; i < WARMUP; i++) {
            appender.doAppend(event);
        }
        long before = allocatedBytes();
        for (int i = 0; i < MEASURED; i++) {
            appender.doAppend(event);
        }
        return (allocatedBytes() - before) / (double) MEASURED;
    }

    private LoggingEvent event(Level level) {
        Logger logger = logback.context.getLogger("shop.Cart");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, "cart {} opened", null,
                new Object[] {"c-17"});
        event.getThreadName(); // as Logback's appenders see it once the first has asked
        return event;
    }

    @Test
    void belowBothThresholdsNothingIsAllocated() {
        assertThat(bytesPerAppend(event(Level.DEBUG))).isLessThan(1.0);
    }

    @Test
    void aBreadcrumbCostsAtMostOneHundredBytes() {
        assertThat(bytesPerAppend(event(Level.INFO))).isLessThanOrEqualTo(100.0);
    }
}
