package org.sentry4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.InMemoryTransport;

/**
 * Every {@code sentry-debug-meta.properties} on the class path (Sentry's Maven/Gradle plugins write one
 * per source bundle) becomes {@code debug_meta.images} of type {@code jvm} on every event.
 */
class DebugMetaIntegrationTest {
    @TempDir
    Path dir;
    private final InMemoryTransport transport = new InMemoryTransport();

    @AfterEach
    void stop() {
        Sentry.close();
    }

    @Test
    void everyBundleIdOfEveryFileOnTheClassPathIsADebugImage() throws IOException {
        Path app = write("app", "io.sentry.bundle-ids=8ebab4b5-e5ad-4ad4-a37d-3b7b4bbdcbb5, 0f0a8d1b-7e5c-4a36-bd34-9f0a4c8f3a11\n");
        Path lib = write("lib", "# a library's own bundle\nio.sentry.bundle-ids=c4bb4a8b-2d0b-4a3e-9d1f-6a53d1a1c2e7\n"
                + "io.sentry.build-tool=maven\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {app.toUri().toURL(), lib.toUri().toURL()}, null)) {
            start(new DebugMetaIntegration(loader));

            Sentry.captureMessage("one");
            Sentry.captureException(new IllegalStateException("two"));

            assertThat(Sentry.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(transport.events()).hasSize(2).allSatisfy(e -> {
                EventSchema.assertValid(e);
                assertThat(e.getAsJsonObject("debug_meta").getAsJsonArray("images").toString()).isEqualTo("["
                        + "{\"type\":\"jvm\",\"debug_id\":\"8ebab4b5-e5ad-4ad4-a37d-3b7b4bbdcbb5\"},"
                        + "{\"type\":\"jvm\",\"debug_id\":\"0f0a8d1b-7e5c-4a36-bd34-9f0a4c8f3a11\"},"
                        + "{\"type\":\"jvm\",\"debug_id\":\"c4bb4a8b-2d0b-4a3e-9d1f-6a53d1a1c2e7\"}]");
            });
        }
    }

    @Test
    void withoutTheFileEventsHaveNoDebugMeta() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            start(new DebugMetaIntegration(loader));

            Sentry.captureMessage("one");

            assertThat(Sentry.flush(Duration.ofSeconds(10))).isTrue();
            JsonObject event = transport.events().get(0);
            assertThat(event.has("debug_meta")).isFalse();
        }
    }

    private void start(DebugMetaIntegration integration) {
        Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                .transportFactory(opts -> transport).addIntegration(integration));
    }

    private Path write(String folder, String content) throws IOException {
        Path root = Files.createDirectories(dir.resolve(folder));
        Files.writeString(root.resolve(DebugMetaIntegration.RESOURCE), content);
        return root;
    }
}
