package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

/** Events name the Log4j2 appender module in {@code sdk.integrations} and {@code sdk.packages}. */
class SdkBlockTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void theAppenderModuleIsListed() {
        try (LoggingFixture fixture = new LoggingFixture(dir)) {
            TestReceiver receiver = fixture.receiver;
            fixture.start(fixture.config(""));
            fixture.logger("shop").error("boom");
            assertListed(receiver.awaitEnvelopes(1, WAIT).get(0).event());

            // The application's own init replaces the appender's client; the appender still feeds it.
            Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false));
            fixture.logger("shop").error("boom again");
            assertListed(receiver.awaitEnvelopes(2, WAIT).get(1).event());
        }
    }

    private static void assertListed(JsonObject event) {
        EventSchema.assertValid(event);
        JsonObject sdk = event.getAsJsonObject("sdk");
        assertThat(sdk.getAsJsonArray("integrations").toString()).contains("\"Log4j2\"");
        assertThat(sdk.getAsJsonArray("packages").toString())
                .contains("\"name\":\"maven:org.sentry4j:sentry-log4j2\"")
                .contains("\"name\":\"maven:org.sentry4j:sentry-core\"");
    }
}
