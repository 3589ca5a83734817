package org.sentry4j.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
    @Test
    void timestampsAreRfc3339InUtcToTheMicrosecond() {
        assertThat(JsonValues.timestamp(Instant.parse("2026-11-25T09:51:07.048123999Z")))
                .isEqualTo("2026-11-25T09:51:07.048123Z");
        assertThat(JsonValues.timestamp(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000000Z");
        assertThat(JsonValues.timestamp(Instant.parse("1969-12-31T23:59:59.999999Z")))
                .isEqualTo("1969-12-31T23:59:59.999999Z");
        assertThat(JsonValues.timestamp(Instant.parse("2024-02-29T23:00:00Z"))).isEqualTo("2024-02-29T23:00:00.000000Z");
    }

    @Test
    void anyInstantReadsBackAsItselfTruncatedToMicroseconds() {
        SplittableRandom random = new SplittableRandom(7);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            assertThat(Instant.parse(JsonValues.timestamp(t))).isEqualTo(t.truncatedTo(ChronoUnit.MICROS));
        }
    }

    @Test
    void yearsBeyondFourDigitsStillReadBack() {
        Instant far = Instant.parse("+12026-01-01T00:00:00.5Z");
        assertThat(Instant.parse(JsonValues.timestamp(far))).isEqualTo(far);
    }
}
