package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.TestReceiver;

/**
 * Stopping the LoggerContext against a server that does not answer in time costs one shutdown timeout:
 * the appender's flush and the client's close share it.
 */
class StopBudgetTest {
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);
    /** What close may add past its deadline to spool what is left (HttpTransport's hard stop), and slack. */
    private static final Duration SPOOLING_AND_SLACK = Duration.ofMillis(1200);
    private static final String XML = """
            <configuration>
              <appender name="SENTRY" class="org.sentry4j.logback.SentryAppender">
                <dsn>${SENTRY_DSN}</dsn>
                <defaultIntegrations>false</defaultIntegrations>
                <sendClientReports>false</sendClientReports>
                <shutdownTimeout>2s</shutdownTimeout>
              </appender>
              <root level="INFO">
                <appender-ref ref="SENTRY"/>
              </root>
            </configuration>
            """;
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch answer = new CountDownLatch(1);
    private TestReceiver receiver;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
        receiver.holdRequests(arrived, answer, Duration.ofMinutes(1)); // answers only when the test is done
    }

    @AfterEach
    void stop() {
        answer.countDown();
        Sentry.close();
        receiver.close();
    }

    @Test
    void stoppingTheContextAgainstAServerThatDoesNotAnswerCostsOneShutdownTimeout() throws Exception {
        LogbackFixture logback = LogbackFixture.configure(receiver.dsn(), XML);
        logback.logger("app").error("payment failed");
        assertThat(arrived.await(30, TimeUnit.SECONDS)).as("the event is in flight").isTrue();

        long start = System.nanoTime();
        logback.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("flush and close within one shutdown timeout")
                .isLessThan(SHUTDOWN_TIMEOUT.plus(SPOOLING_AND_SLACK));
    }
}
