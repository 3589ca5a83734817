package org.sentry4j.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.testkit.TestReceiver;

/**
 * A Spring Boot application whose startup fails, as its own JVM on the {@code spring-boot-3.5.7-starter}
 * row's classpath: a bean throws, main lets the exception through and the JVM exits. The failure has
 * reached Sentry by then, once (Boot's "Application run failed" log line and the uncaught exception on
 * main carry the same throwable).
 */
class BootStartupFailureTest {

    @Test
    void aFailedStartupArrivesOnceBeforeTheJvmExits(@TempDir Path workDir) throws Exception {
        MatrixRow row = new MatrixRow("spring-boot-3.5.7-starter (failing startup)", MatrixRow.Program.BOOT,
                List.of("fail-startup"), List.of(), MatrixRow.LOGBACK_BINDING, null, false, null,
                "spring-boot-3.5.7-starter");
        RowProgram.Run run;
        List<JsonObject> events;
        try (TestReceiver receiver = TestReceiver.start()) {
            run = RowProgram.run(row, receiver.dsn(), workDir, "run", SupportMatrixTest.PROGRAM_LIMIT);
            events = receiver.events(); // what had arrived when the JVM was gone
        }

        assertThat(run.finished()).as("%s", run).isTrue();
        assertThat(run.exitCode()).as("main threw: %s", run).isEqualTo(1);
        assertThat(run.output()).as("%s", run).contains("Application run failed");
        assertThat(events).as("events received when the JVM had exited: %s", run).hasSize(1);
        JsonObject event = events.get(0);
        assertThat(event.get("level").getAsString()).isEqualTo("fatal");
        assertThat(event.get("environment").getAsString()).isEqualTo("compat-boot");
        assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("Application run failed");
        List<String> values = new ArrayList<>();
        for (JsonElement value : event.getAsJsonObject("exception").getAsJsonArray("values")) {
            values.add(value.getAsJsonObject().get("value").getAsString());
        }
        assertThat(values).contains("payment gateway unreachable");
    }
}
