package org.sentry4j.spring.boot;

import org.sentry4j.Sentry;
import org.sentry4j.transport.TransportStats;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * Actuator's {@code sentry} health: UP while the SDK delivers, {@code DEGRADED} while the Sentry server
 * fails (events go to the disk spool), UNKNOWN when the SDK is off; the details are
 * {@link Sentry#transportStats()}. Never DOWN: Spring Boot's health aggregation ignores DEGRADED, so an
 * unreachable Sentry does not take the application out of its load balancer.
 */
public final class SentryHealthIndicator implements HealthIndicator {
    /** The status while the Sentry server has been failing. */
    public static final Status DEGRADED = new Status("DEGRADED", "the Sentry server is failing; events are kept on disk");

    @Override
    public Health health() {
        if (!Sentry.isEnabled()) {
            return Health.unknown().withDetail("enabled", false).build();
        }
        TransportStats stats = Sentry.transportStats();
        Health.Builder health = stats.failingSince() == null ? Health.up()
                : Health.status(DEGRADED).withDetail("failingSince", stats.failingSince().toString());
        return health.withDetail("queued", stats.queued())
                .withDetail("sent", stats.sent())
                .withDetail("spooled", stats.spooled())
                .withDetail("dropped", stats.dropped())
                .build();
    }
}
