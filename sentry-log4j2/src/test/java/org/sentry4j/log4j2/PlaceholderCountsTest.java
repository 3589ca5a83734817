package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.Test;

/** The appender counts a template's placeholders as Log4j2 does, without Log4j2's allocation, and remembers them. */
class PlaceholderCountsTest {
    private static final String[] TEMPLATES = {"", "{", "}", "{}", "{ }", "x{}", "a {} b {} c", "{}{}{}", "\\{}",
        "\\\\{}", "\\\\\\{}", "{}\\", "%s items", "order {} is {", "{{}}"};

    @Test
    void scansLikeLog4j2() {
        for (String t : TEMPLATES) {
            assertThat(PlaceholderCounts.scan(t)).as(t).isEqualTo(ParameterizedMessage.countArgumentPlaceholders(t));
        }
    }

    @Test
    void remembersEachTemplateAndAnswersForEqualCopiesAndCollisions() {
        PlaceholderCounts counts = new PlaceholderCounts();
        for (int round = 0; round < 3; round++) {
            for (String t : TEMPLATES) {
                assertThat(counts.of(t)).as(t).isEqualTo(ParameterizedMessage.countArgumentPlaceholders(t));
                assertThat(counts.of(new String(t))).as("copy of " + t).isEqualTo(ParameterizedMessage.countArgumentPlaceholders(t));
            }
        }
        // Same hash, so the same slot: each replaces the other, and neither answers for the other.
        assertThat("order {}".hashCode()).isEqualTo("order |^".hashCode());
        for (int round = 0; round < 2; round++) {
            assertThat(counts.of("order {}")).isEqualTo(1);
            assertThat(counts.of("order |^")).isZero();
        }
    }
}
