package org.sentry4j.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LogArgumentsTest {
    @Test
    void valuesThatCannotChangeMayBeFormattedLater() {
        assertThat(LogArguments.allImmutable(null)).isTrue();
        assertThat(LogArguments.allImmutable(new Object[] {"s", 1, 2L, 3.0, true, 'c', null, TimeUnit.SECONDS,
                UUID.randomUUID(), Instant.EPOCH, new BigDecimal("1.5")})).isTrue();
    }

    @Test
    void anythingElseIsFormattedOnTheLoggingThread() {
        assertThat(LogArguments.allImmutable(new Object[] {"s", new StringBuilder("b")})).isFalse();
        assertThat(LogArguments.allImmutable(new Object[] {new ArrayList<>()})).isFalse();
        assertThat(LogArguments.allImmutable(new Object[] {new int[] {1}})).isFalse();
        assertThat(LogArguments.allImmutable(new Object[] {new IllegalStateException()})).isFalse();
        // A subclass of an immutable type may add state.
        assertThat(LogArguments.allImmutable(new Object[] {new BigDecimal("1") {
            private static final long serialVersionUID = 1L;
        }})).isFalse();
    }
}
