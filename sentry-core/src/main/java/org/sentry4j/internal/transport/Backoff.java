package org.sentry4j.internal.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * When to try an unreachable server again: capped exponential backoff with jitter, on the options'
 * clock. Shared by the sender threads, so one failure pauses them all.
 */
final class Backoff {
    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(60);

    private final Clock clock;
    private final Random random;
    private int failures;
    private Instant nextAttempt = Instant.MIN;
    private Instant failingSince;

    Backoff(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    synchronized void failed() {
        Instant now = clock.instant();
        if (failingSince == null) {
            failingSince = now;
        }
        failures = Math.min(failures + 1, 30);
        long cap = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(failures - 1, 16));
        // jitter in [cap/2, cap]: spreads retries of many clients without ever waiting longer than the cap
        long delay = cap / 2 + (long) (random.nextDouble() * (cap / 2.0));
        Instant candidate = now.plusMillis(delay);
        if (candidate.isAfter(nextAttempt)) {
            nextAttempt = candidate;
        }
    }

    synchronized void succeeded() {
        failures = 0;
        failingSince = null;
        nextAttempt = Instant.MIN;
    }

    /** True while the server is known to be down and its next attempt is not due. */
    synchronized boolean waiting() {
        return failures > 0 && clock.instant().isBefore(nextAttempt);
    }

    synchronized boolean healthy() {
        return failures == 0;
    }

    synchronized Instant failingSince() {
        return failingSince;
    }
}
