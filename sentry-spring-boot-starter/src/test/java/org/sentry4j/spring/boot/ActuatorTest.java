package org.sentry4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.TestReceiver;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/** The health indicator and the meters the starter adds where Actuator and Micrometer are on the class path. */
class ActuatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path spool;
    private TestReceiver receiver;
    private ConfigurableApplicationContext context;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
        context = BootRun.start(App.class, receiver, spool);
    }

    @AfterEach
    void stop() {
        context.close();
        Sentry.close();
        receiver.close();
    }

    @Test
    void healthAndMetersFollowTheTransport() {
        SentryHealthIndicator indicator = context.getBean("sentryHealthIndicator", SentryHealthIndicator.class);
        MeterRegistry registry = new SimpleMeterRegistry();
        context.getBean("sentryMeters", SentryMeters.class).bindTo(registry);

        Sentry.captureMessage("delivered");
        assertThat(Sentry.flush(WAIT)).isTrue();
        Health up = indicator.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("sent", 1L).containsEntry("spooled", 0L).containsKey("dropped");
        assertThat(registry.get("sentry4j.transport.sent").functionCounter().count()).isEqualTo(1.0);
        assertThat(registry.get("sentry4j.transport.failing").gauge().value()).isZero();
        assertThat(registry.get("sentry4j.transport.dropped").tag("reason", "queue_overflow").functionCounter().count())
                .isZero();

        receiver.respondWith(TestReceiver.Response.status(503));
        Sentry.captureMessage("refused");
        Health degraded = awaitStatus(indicator, SentryHealthIndicator.DEGRADED);
        assertThat(degraded.getStatus()).isEqualTo(SentryHealthIndicator.DEGRADED);
        assertThat(degraded.getDetails()).containsKey("failingSince");
        assertThat(registry.get("sentry4j.transport.failing").gauge().value()).isEqualTo(1.0);
        // What the docs promise: a failing Sentry leaves the application's own health UP.
        assertThat(new SimpleStatusAggregator().getAggregateStatus(Set.of(Status.UP, degraded.getStatus())))
                .isEqualTo(Status.UP);
        receiver.respondWith(TestReceiver.Response.status(200));
    }

    /** The indicator's health once it has {@code status}, or its last one at the deadline. */
    private static Health awaitStatus(SentryHealthIndicator indicator, Status status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Health health = indicator.health();
        while (!health.getStatus().equals(status) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L); // the sender's answer to the refusal comes on its own thread
            health = indicator.health();
        }
        return health;
    }

    @Test
    void healthIsUnknownWhileTheSdkIsOff() {
        Sentry.close();
        assertThat(context.getBean(SentryHealthIndicator.class).health().getStatus()).isEqualTo(Status.UNKNOWN);
    }
}
