package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestReceiver;

/**
 * A reconfiguration (reset, then configure from XML: what {@code scan="true"} does) while threads log:
 * no event lost, and the client an appender started keeps its scope.
 */
class ReconfigurationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int WRITERS = 2;
    private static final int ROUNDS = 3;
    private static final int STEADY = 15; // logs per writer while a configuration is in place
    private static final int STOPPING = 15; // logs per writer while the old appender is stopping
    private static final String XML = """
            <configuration>
              <appender name="SENTRY" class="org.sentry4j.logback.StopHookSentryAppender">
                <dsn>${SENTRY_DSN}</dsn>
                <defaultIntegrations>false</defaultIntegrations>
                <sendClientReports>false</sendClientReports>
                <shutdownTimeout>30s</shutdownTimeout>
                <minimumBreadcrumbLevel>OFF</minimumBreadcrumbLevel>
              </appender>
              <root level="INFO">
                <appender-ref ref="SENTRY"/>
              </root>
            </configuration>
            """;
    private TestReceiver receiver;
    private LogbackFixture logback;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
    }

    @AfterEach
    void stop() {
        StopHookSentryAppender.onStop = () -> { };
        if (logback != null) {
            logback.close();
        }
        Sentry.close();
        receiver.close();
    }

    private static String message(ReceivedEnvelope envelope) {
        JsonObject event = envelope.event();
        return event == null || !event.has("logentry") ? null
                : event.getAsJsonObject("logentry").get("formatted").getAsString();
    }

    private static CountDownLatch[] latches(int count) {
        CountDownLatch[] latches = new CountDownLatch[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            latches[r] = new CountDownLatch(count);
        }
        return latches;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Each round: the writers log while the configuration stands; the test logs a marker and resets the
     * context; as the old appender's stop() begins, the writers log again, and the receiver holds the
     * marker back until they have, so the stop's flush is still waiting for it meanwhile; then the
     * writers wait until the new configuration is loaded. So every log is made while an appender of
     * the context is attached: all must arrive.
     */
    @Test
    void reconfigurationsWhileThreadsLogLoseNoEventAndKeepTheScope() throws Exception {
        CountDownLatch[] steady = latches(WRITERS);
        CountDownLatch[] stopping = latches(1);
        CountDownLatch[] loggedWhileStopping = latches(WRITERS);
        CountDownLatch[] reconfigured = latches(1);
        AtomicInteger round = new AtomicInteger(-1);
        StopHookSentryAppender.onStop = () -> {
            int r = round.get();
            if (r >= 0) {
                stopping[r].countDown();
            }
        };
        receiver.respondWith(envelope -> {
            String message = message(envelope);
            if (message != null && message.startsWith("marker ")) {
                await(loggedWhileStopping[Integer.parseInt(message.substring("marker ".length()))]);
            }
            return TestReceiver.Response.status(200);
        });
        logback = LogbackFixture.configure(receiver.dsn(), XML);
        Sentry.configureScope(scope -> scope.setTag("tenant", "t-1"));
        Sentry.addBreadcrumb("set before the reconfigurations");
        Logger log = logback.logger("shop");

        Set<String> expected = new HashSet<>();
        Thread[] writers = new Thread[WRITERS];
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            for (int r = 0; r <= ROUNDS; r++) {
                for (int i = 0; i < STEADY; i++) {
                    expected.add("w" + writer + " r" + r + " steady " + i);
                }
                for (int i = 0; r < ROUNDS && i < STOPPING; i++) {
                    expected.add("w" + writer + " r" + r + " stopping " + i);
                }
            }
            writers[w] = new Thread(() -> {
                for (int r = 0; r <= ROUNDS; r++) {
                    for (int i = 0; i < STEADY; i++) {
                        log.error("w{} r{} steady {}", writer, r, i);
                    }
                    if (r == ROUNDS) {
                        return;
                    }
                    steady[r].countDown();
                    await(stopping[r]);
                    for (int i = 0; i < STOPPING; i++) {
                        log.error("w{} r{} stopping {}", writer, r, i);
                    }
                    loggedWhileStopping[r].countDown();
                    await(reconfigured[r]);
                }
            }, "writer-" + w);
            writers[w].setDaemon(true);
            writers[w].start();
        }

        for (int r = 0; r < ROUNDS; r++) {
            await(steady[r]);
            log.error("marker {}", r);
            expected.add("marker " + r);
            round.set(r);
            logback.context.reset();
            round.set(-1);
            logback.context.putProperty("SENTRY_DSN", receiver.dsn()); // reset() dropped it
            logback.load(XML);
            reconfigured[r].countDown();
        }
        for (Thread writer : writers) {
            writer.join(WAIT.toMillis());
            assertThat(writer.isAlive()).isFalse();
        }
        log.error("after the reconfigurations");
        expected.add("after the reconfigurations");

        assertThat(Sentry.flush(Duration.ofSeconds(60))).isTrue(); // a loaded machine delivers slowly
        List<ReceivedEnvelope> envelopes = receiver.awaitEnvelopes(expected.size(), WAIT);
        Set<String> ids = new HashSet<>();
        Set<String> messages = new HashSet<>();
        JsonObject last = null;
        for (ReceivedEnvelope e : envelopes) {
            ids.add(e.eventString("event_id"));
            messages.add(message(e));
            if ("after the reconfigurations".equals(message(e))) {
                last = e.event();
            }
        }
        assertThat(envelopes).hasSize(expected.size());
        assertThat(ids).hasSize(expected.size());
        assertThat(messages).isEqualTo(expected);

        assertThat(last).isNotNull();
        assertThat(last.getAsJsonObject("tags").get("tenant").getAsString()).isEqualTo("t-1");
        assertThat(last.getAsJsonObject("breadcrumbs").getAsJsonArray("values").asList())
                .extracting(c -> c.getAsJsonObject().get("message").getAsString())
                .containsExactly("set before the reconfigurations");
        assertThat(logback.appender("SENTRY").isStarted()).isTrue();

        logback.close();
        logback = null;
        assertThat(Sentry.isEnabled()).as("the context's stop closes the client its appenders started").isFalse();
    }

    @Test
    void aNewConfigurationWithoutTheSentryAppenderClosesTheClientTheOldOneStarted() {
        logback = LogbackFixture.configure(receiver.dsn(), XML);
        logback.logger("shop").error("before");

        logback.context.reset();
        assertThat(Sentry.isEnabled()).as("kept across the reset: a configuration may follow").isTrue();
        logback.load("<configuration><root level=\"INFO\"/></configuration>");

        assertThat(Sentry.isEnabled()).as("the new configuration does not hold it").isFalse();
        assertThat(receiver.events()).extracting(e -> e.getAsJsonObject("logentry").get("formatted").getAsString())
                .containsExactly("before"); // flushed before it closed
    }

    @Test
    void anAppenderStoppedAfterItsContextStoppedClosesTheClientItStarted() {
        logback = LogbackFixture.configure(receiver.dsn(), XML);
        ch.qos.logback.classic.LoggerContext context = logback.context;
        context.stop();
        assertThat(Sentry.isEnabled()).as("the context's stop closed the client").isFalse();

        // An appender that no logger holds, started and stopped by the application on the stopped context.
        SentryAppender loose = new SentryAppender();
        loose.setContext(context);
        loose.setDsn(receiver.dsn());
        loose.start();
        assertThat(Sentry.isEnabled()).isTrue();
        loose.stop();

        assertThat(Sentry.isEnabled()).as("no context stop is coming to release a parked hold").isFalse();
    }
}
