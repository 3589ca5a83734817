package org.sentry4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

class ShutdownHookIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void theHookIsRegisteredAtInstallAndRemovedWhenTheSdkCloses() {
        try (TestReceiver receiver = TestReceiver.start()) {
            ShutdownHookIntegration integration = new ShutdownHookIntegration();
            Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false).addIntegration(integration));
            Thread hook = integration.hookThread();
            assertThat(hook).isNotNull();
            assertThat(hook.isDaemon()).isTrue();
            assertThat(hook.getPriority()).as("closing has a deadline").isEqualTo(Thread.NORM_PRIORITY);

            Sentry.close();

            assertThat(integration.hookThread()).isNull();
            assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isFalse(); // no longer registered
        } finally {
            Sentry.close();
        }
    }

    @Test
    void theHookClosesTheSdkDeliveringWhatIsQueued() {
        try (TestReceiver receiver = TestReceiver.start()) {
            ShutdownHookIntegration integration = new ShutdownHookIntegration();
            Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                    .serverName("box").shutdownTimeout(WAIT).addIntegration(integration));
            Thread hook = integration.hookThread();
            String id = Sentry.captureMessage("just before exit");

            integration.runHook(); // what the JVM would run at exit

            assertThat(Sentry.isEnabled()).isFalse();
            assertThat(receiver.envelopes()).anyMatch(e -> id.equals(e.eventString("event_id")));
            assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isFalse();
        } finally {
            Sentry.close();
        }
    }

    @Test
    void aHookThatFailsStaysQuiet() {
        ShutdownHookIntegration integration = new ShutdownHookIntegration(() -> {
            throw new IllegalStateException("boom");
        });

        integration.runHook(); // must not throw: a throwing hook prints a stack trace at every exit
    }

    /** The real thing: a JVM that captures and exits without {@code close()} still delivers. */
    @Test
    void aChildJvmThatExitsWithoutCloseDeliversItsEvent() throws Exception {
        try (TestReceiver receiver = TestReceiver.start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            File log = dir.resolve("child.log").toFile();
            Process child = new ProcessBuilder(java, "-Xshare:auto", "-Ddb.password=hunter2",
                    "-cp", System.getProperty("java.class.path"), ExitingApplication.class.getName(),
                    receiver.dsn(), "--api-token", "s3cr3t")
                    .redirectErrorStream(true).redirectOutput(log).start();
            try {
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
            } finally {
                child.destroyForcibly();
            }
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(output).isZero();

            JsonObject event = receiver.awaitEvent(e -> "exiting".equals(message(e.event())), WAIT).event();
            EventSchema.assertValid(event);
            assertThat(event.getAsJsonObject("sdk").getAsJsonArray("integrations").toString())
                    .contains("\"ShutdownHook\"", "\"JvmArguments\"");
            JsonObject extra = event.getAsJsonObject("extra");
            assertThat(extra.get("main_command").getAsString()) // names only: sendDefaultPii is off
                    .isEqualTo(ExitingApplication.class.getName() + " --api-token");
            assertThat(extra.getAsJsonArray("jvm_arguments").toString()).contains("\"-Ddb.password\"");
            assertThat(event.toString()).doesNotContain("hunter2", "s3cr3t");
            assertThat(output).doesNotContain("Exception");
        }
    }

    private static String message(JsonObject event) {
        return event.has("logentry") ? event.getAsJsonObject("logentry").get("formatted").getAsString() : null;
    }

    /** Run in the child JVM: init, capture, return from main without closing. */
    static final class ExitingApplication {
        public static void main(String[] args) {
            Sentry.init(o -> o.dsn(args[0]).ambientSources(false).serverName("child").shutdownTimeout(Duration.ofSeconds(20)));
            Sentry.captureMessage("exiting");
        }
    }
}
