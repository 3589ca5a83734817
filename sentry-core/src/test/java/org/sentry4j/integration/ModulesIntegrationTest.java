package org.sentry4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Hint;
import org.sentry4j.Sentry;
import org.sentry4j.SentryEvent;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

class ModulesIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final TestReceiver receiver = TestReceiver.start();

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    @Test
    void eventsCarryTheJarsOfThisJvmsClassPathWithVersions() throws InterruptedException {
        ModulesIntegration modules = new ModulesIntegration();
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false).addIntegration(modules));
        assertThat(modules.awaitScanned(WAIT)).isTrue();

        String id = Sentry.captureMessage("with modules");

        JsonObject event = receiver.awaitEvent(e -> id.equals(e.eventString("event_id")), WAIT).event();
        EventSchema.assertValid(event);
        JsonObject found = event.getAsJsonObject("modules");
        assertThat(found.get("com.google.code.gson:gson").getAsString()).matches("\\d+\\.\\d+.*");
        assertThat(found.get("org.apache.httpcomponents.client5:httpclient5").getAsString()).matches("\\d+\\.\\d+.*");
        assertThat(found.toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(ModuleScanner.MAX_JSON_BYTES);
    }

    @Test
    void anEventCapturedRightAfterInitWaitsOnTheWorkerForASlowScan() {
        ModulesIntegration modules = new ModulesIntegration("slow-class-path-" + System.nanoTime(), classPath -> {
            try {
                Thread.sleep(150); // injected slowness: a large class path on a cold disk
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new java.util.TreeMap<>(Map.of("com.acme:billing", "2.1.0"));
        });
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false).addIntegration(modules));

        String id = Sentry.captureException(new IllegalStateException("crash right after init"));

        JsonObject event = receiver.awaitEvent(e -> id.equals(e.eventString("event_id")), WAIT).event();
        EventSchema.assertValid(event);
        assertThat(event.getAsJsonObject("modules").get("com.acme:billing").getAsString()).isEqualTo("2.1.0");
    }

    @Test
    void anEventThatBroughtItsOwnModulesKeepsThem() throws InterruptedException {
        ModulesIntegration modules = new ModulesIntegration();
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false).addIntegration(modules));
        assertThat(modules.awaitScanned(WAIT)).isTrue();
        assertThat(modules.modules()).isNotEmpty();
        SentryEvent own = new SentryEvent();
        own.setMessage("own modules");
        own.getModules().put("my-plugin", "7");

        assertThat(modules.process(own, Hint.empty()).getModules()).containsExactly(Map.entry("my-plugin", "7"));
    }
}
