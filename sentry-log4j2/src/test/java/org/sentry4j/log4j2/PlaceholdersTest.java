package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.Test;

/** The appender counts a template's placeholders as Log4j2 does, without Log4j2's allocation. */
class PlaceholdersTest {
    @Test
    void countsLikeLog4j2() {
        String[] templates = {"", "{", "}", "{}", "{ }", "x{}", "a {} b {} c", "{}{}{}", "\\{}", "\\\\{}",
            "\\\\\\{}", "{}\\", "%s items", "order {} is {", "{{}}"};
        for (String t : templates) {
            assertThat(SentryAppender.placeholders(t)).as(t).isEqualTo(ParameterizedMessage.countArgumentPlaceholders(t));
        }
    }
}
