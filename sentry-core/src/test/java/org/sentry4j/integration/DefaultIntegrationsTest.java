package org.sentry4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

class DefaultIntegrationsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final TestReceiver receiver = TestReceiver.start();
    private final Thread.UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
        Thread.setDefaultUncaughtExceptionHandler(original);
    }

    private JsonObject capture() {
        String id = Sentry.captureException(new IllegalStateException("boom"));
        JsonObject event = receiver.awaitEvent(e -> id.equals(e.eventString("event_id")), WAIT).event();
        EventSchema.assertValid(event);
        return event;
    }

    @Test
    void allDefaultsAreInstalledUnlessDisabled() {
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).serverName("box"));

        assertThat(Thread.getDefaultUncaughtExceptionHandler())
                .isInstanceOf(UncaughtExceptionHandlerIntegration.Handler.class);
        JsonObject event = capture();
        assertThat(event.getAsJsonObject("sdk").getAsJsonArray("integrations").toString()).isEqualTo(
                "[\"Dedupe\",\"UncaughtExceptionHandler\",\"ShutdownHook\",\"Modules\",\"DebugMeta\",\"JvmArguments\"]");
        assertThat(event.getAsJsonObject("extra").has("main_command")).isTrue();

        Sentry.close();
        assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(original);
    }

    @Test
    void defaultIntegrationsFalseInstallsNone() {
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).serverName("box").defaultIntegrations(false));

        assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(original);
        JsonObject event = capture();
        assertThat(event.getAsJsonObject("sdk").has("integrations")).isFalse();
        assertThat(event.has("extra")).isFalse();
        assertThat(event.has("modules")).isFalse();
    }

    @Test
    void defaultIntegrationsCanBeSwitchedOffAsATextSetting() {
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).serverName("box")
                .set("default-integrations", "false").addIntegration(new DedupeIntegration()));

        assertThat(capture().getAsJsonObject("sdk").getAsJsonArray("integrations").toString()).isEqualTo("[\"Dedupe\"]");
    }
}
