package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.TestReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors logged right after {@code Sentry.init}, before the application's first SLF4J call, are
 * delivered: nothing the SDK does starts SLF4J (and with it Logback's configuration and SLF4J's replay
 * of early records) on an SDK thread, where the appender would take them for the SDK's own. A real
 * child JVM, since SLF4J starts once per JVM.
 */
class EarlyErrorsTest {
    @TempDir
    Path dir;

    @Test
    void errorsLoggedRightAfterInitBeforeSlf4jStartedAllArrive() throws Exception {
        try (TestReceiver receiver = TestReceiver.start()) {
            Path config = dir.resolve("logback.xml");
            Files.writeString(config, """
                    <configuration>
                      <appender name="SENTRY" class="org.sentry4j.logback.SentryAppender"/>
                      <root level="INFO"><appender-ref ref="SENTRY"/></root>
                    </configuration>
                    """, StandardCharsets.UTF_8);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            File log = dir.resolve("child.log").toFile();
            Process child = new ProcessBuilder(java, "-Dlogback.configurationFile=" + config,
                    "-cp", System.getProperty("java.class.path"), EarlyApplication.class.getName(), receiver.dsn())
                    .redirectErrorStream(true).redirectOutput(log).start();
            try {
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
            } finally {
                child.destroyForcibly();
            }
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(output).isZero();

            Set<String> messages = receiver.awaitEnvelopes(3, Duration.ofSeconds(20)).stream()
                    .map(e -> e.event().getAsJsonObject("logentry").get("formatted").getAsString())
                    .collect(Collectors.toSet());
            assertThat(messages).as(output).containsExactlyInAnyOrder("early 0", "early 1", "early 2");
        }
    }

    /** Run in the child JVM: init first, then the first SLF4J call, three errors, then stop Logback. */
    static final class EarlyApplication {
        public static void main(String[] args) {
            Sentry.init(o -> o.dsn(args[0]).ambientSources(false).defaultIntegrations(false)
                    .shutdownTimeout(Duration.ofSeconds(20)));
            Logger log = LoggerFactory.getLogger("com.shop.Startup");
            for (int i = 0; i < 3; i++) {
                log.error("early {}", i);
            }
            ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
            Sentry.close();
        }
    }
}
