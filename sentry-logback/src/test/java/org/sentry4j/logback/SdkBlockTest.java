package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

/** Events name the Logback appender module in {@code sdk.integrations} and {@code sdk.packages}. */
class SdkBlockTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theAppenderModuleIsListed() {
        try (TestReceiver receiver = TestReceiver.start();
             LogbackFixture logback = LogbackFixture.configure(receiver.dsn(), Configs.sentry())) {
            logback.logger("shop").error("boom");
            assertListed(receiver.awaitEnvelopes(1, WAIT).get(0).event());

            // The application's own init replaces the appender's client; the appender still feeds it.
            Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false));
            logback.logger("shop").error("boom again");
            assertListed(receiver.awaitEnvelopes(2, WAIT).get(1).event());
        } finally {
            Sentry.close();
        }
    }

    private static void assertListed(JsonObject event) {
        EventSchema.assertValid(event);
        JsonObject sdk = event.getAsJsonObject("sdk");
        assertThat(sdk.getAsJsonArray("integrations").toString()).contains("\"Logback\"");
        assertThat(sdk.getAsJsonArray("packages").toString())
                .contains("\"name\":\"maven:org.sentry4j:sentry-logback\"")
                .contains("\"name\":\"maven:org.sentry4j:sentry-core\"");
    }
}
