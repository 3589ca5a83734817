package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import com.google.gson.JsonObject;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.testkit.EventSchema;
import org.slf4j.LoggerFactory;

/**
 * SLF4J 2's fluent key-values through Log4j2's own SLF4J binding, which hands them to the appender as
 * ThreadContext entries: the special keys still set the fingerprint and tags, as they do with Logback.
 */
class Slf4jKeyValuesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void fingerprintAndTagKeyValuesWorkAlthoughTheyArriveAsContextData(@TempDir Path dir) throws IOException {
        LoggingFixture fixture = new LoggingFixture(dir);
        // SLF4J's Log4j2 binding logs into the default context, so this test configures that one.
        LoggerContext global = (LoggerContext) LogManager.getContext(false);
        Path config = dir.resolve("global.xml");
        Path quiet = dir.resolve("quiet.xml");
        Files.writeString(quiet, "<Configuration status=\"warn\"><Loggers><Root level=\"off\"/></Loggers></Configuration>",
                StandardCharsets.UTF_8);
        Files.writeString(config, LoggingFixture.sentryConfig(fixture.receiver.dsn(), "contextTags=\"tenant\""),
                StandardCharsets.UTF_8);
        try {
            global.setConfigLocation(config.toUri());

            LoggerFactory.getLogger("shop.Checkout").atError().setMessage("payment failed")
                    .addKeyValue("sentry.fingerprint", "payments, timeout")
                    .addKeyValue("sentry.tag.region", "eu")
                    .addKeyValue("tenant", "acme")
                    .addKeyValue("orderId", 42)
                    .log();

            JsonObject event = fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event();
            EventSchema.assertValid(event);
            assertThat(event.getAsJsonArray("fingerprint")).extracting(f -> f.getAsString())
                    .containsExactly("payments", "timeout");
            JsonObject tags = event.getAsJsonObject("tags");
            assertThat(tags.get("region").getAsString()).isEqualTo("eu");
            assertThat(tags.get("tenant").getAsString()).isEqualTo("acme");
            assertThat(tags.keySet()).doesNotContain("sentry.fingerprint", "sentry.tag.region", "orderId");
            assertThat(event.getAsJsonObject("contexts").getAsJsonObject("mdc").get("orderId").getAsString())
                    .isEqualTo("42");
        } finally {
            global.setConfigLocation(quiet.toUri());
            fixture.close();
        }
    }
}
