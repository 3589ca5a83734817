package org.sentry4j.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.compat.MatrixRow.boot;
import static org.sentry4j.compat.MatrixRow.core;
import static org.sentry4j.compat.MatrixRow.log4j2;
import static org.sentry4j.compat.MatrixRow.log4j2WithSlf4j;
import static org.sentry4j.compat.MatrixRow.logback;
import static org.sentry4j.compat.MatrixRow.logbackStoppingContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sentry4j.compat.MatrixRow.KnownFailure;
import org.sentry4j.testkit.TestReceiver;

/**
 * The supported-versions matrix (README, "Supported versions"): each row's program runs as its own JVM
 * on the classpath Maven resolved for the row's pom, against a loopback receiver. A row passes when the
 * program exits normally, printed its own log lines and nothing else of note (no stack trace, no
 * SLF4J line), kept its SLF4J binding, and both its errors arrived before it exited, with the exception
 * chain and the breadcrumbs. Rows run two at a time.
 *
 * <p>One row alone: {@code mvn -B -pl compat/tests -am verify -Dtest=SupportMatrixTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsentry4j.compat.rows=logback-1.4.14} (a comma-separated list
 * of row ids); {@code -Dsentry4j.compat.strict=true} fails the rows with a known failure instead of
 * skipping them, {@code -Dsentry4j.compat.debug=true} turns the SDK's diagnostics on in the programs.
 */
class SupportMatrixTest {
    /** What a row gets from sentry-core unless the application or its BOM decides otherwise. */
    private static final String[] SDK_DEFAULTS = {"gson-2.13.2.jar"};

    static final List<MatrixRow> ROWS = List.of(
            logback("logback-1.2.13", with(SDK_DEFAULTS, "logback-classic-1.2.13.jar", "slf4j-api-1.7.36.jar")),
            logback("logback-1.3.15", with(SDK_DEFAULTS, "logback-classic-1.3.15.jar", "slf4j-api-2.0.7.jar")),
            logback("logback-1.4.14", with(SDK_DEFAULTS, "logback-classic-1.4.14.jar", "slf4j-api-2.0.7.jar")),
            logback("logback-1.5.0", with(SDK_DEFAULTS, "logback-classic-1.5.0.jar", "slf4j-api-2.0.12.jar")),
            logback("logback-1.5.6", with(SDK_DEFAULTS, "logback-classic-1.5.6.jar", "slf4j-api-2.0.13.jar")),
            logback("logback-1.5.18", with(SDK_DEFAULTS, "logback-classic-1.5.18.jar", "slf4j-api-2.0.17.jar")),
            log4j2("log4j2-2.17.2", with(SDK_DEFAULTS, "log4j-core-2.17.2.jar", "log4j-api-2.17.2.jar")),
            log4j2("log4j2-2.25.2", with(SDK_DEFAULTS, "log4j-core-2.25.2.jar", "log4j-api-2.25.2.jar")),
            log4j2("log4j2-2.17.2-main-returns", with(SDK_DEFAULTS, "log4j-core-2.17.2.jar", "log4j-api-2.17.2.jar"))
                    .onClasspathOf("log4j2-2.17.2")
                    .mainReturning(),
            log4j2("log4j2-2.25.2-main-returns", with(SDK_DEFAULTS, "log4j-core-2.25.2.jar", "log4j-api-2.25.2.jar"))
                    .onClasspathOf("log4j2-2.25.2")
                    .mainReturning(),
            core("core-only", SDK_DEFAULTS),
            logback("httpclient5-5.1.4", with(SDK_DEFAULTS, "httpclient5-5.1.4.jar", "httpcore5-5.1.5.jar",
                    "logback-classic-1.5.18.jar", "slf4j-api-2.0.17.jar"))
                    .callingHttp(),
            logback("gson-2.8.9", "gson-2.8.9.jar", "logback-classic-1.5.18.jar", "slf4j-api-2.0.17.jar")
                    .spoolingFirst(),
            logback("gson-2.8.5", "gson-2.8.5.jar", "logback-classic-1.5.18.jar", "slf4j-api-2.0.17.jar")
                    .spoolingFirst()
                    .notSupporting("gson", "2.8.5"),
            logbackStoppingContext("spring-boot-2.7.18-logback", "logback-classic-1.2.12.jar", "slf4j-api-1.7.36.jar",
                    "httpclient5-5.1.4.jar", "httpcore5-5.1.5.jar", "gson-2.9.1.jar")
                    .callingHttp(),
            log4j2WithSlf4j("spring-boot-2.7.18-log4j2", "log4j-core-2.17.2.jar", "log4j-slf4j-impl-2.17.2.jar",
                    "slf4j-api-1.7.36.jar", "httpclient5-5.1.4.jar", "httpcore5-5.1.5.jar", "gson-2.9.1.jar")
                    .callingHttp(),
            logbackStoppingContext("spring-boot-3.0.13-logback", "logback-classic-1.4.11.jar", "slf4j-api-2.0.9.jar",
                    "httpclient5-5.1.4.jar", "httpcore5-5.1.5.jar", "gson-2.9.1.jar")
                    .callingHttp(),
            logbackStoppingContext("spring-boot-3.2.12-logback", "logback-classic-1.4.14.jar", "slf4j-api-2.0.16.jar",
                    "httpclient5-5.2.3.jar", "httpcore5-5.2.5.jar", "gson-2.10.1.jar")
                    .callingHttp(),
            logbackStoppingContext("spring-boot-3.5.7-logback", with(SDK_DEFAULTS, "logback-classic-1.5.20.jar",
                    "slf4j-api-2.0.17.jar", "httpclient5-5.5.1.jar", "httpcore5-5.3.6.jar"))
                    .callingHttp(),
            log4j2WithSlf4j("spring-boot-3.5.7-log4j2", with(SDK_DEFAULTS, "log4j-core-2.24.3.jar",
                    "log4j-slf4j2-impl-2.24.3.jar", "slf4j-api-2.0.17.jar", "httpclient5-5.5.1.jar",
                    "httpcore5-5.3.6.jar"))
                    .callingHttp(),
            boot("spring-boot-3.5.7-starter", MatrixRow.LOGBACK_BINDING, with(SDK_DEFAULTS, "spring-boot-3.5.7.jar",
                    "logback-classic-1.5.20.jar", "slf4j-api-2.0.17.jar")),
            // Without Boot's BOM the versions are Boot's all the same: sentry4j passes on no Logback or SLF4J.
            boot("spring-boot-3.5.7-starter-no-bom", MatrixRow.LOGBACK_BINDING, with(SDK_DEFAULTS,
                    "spring-boot-3.5.7.jar", "logback-classic-1.5.20.jar", "slf4j-api-2.0.17.jar")),
            boot("spring-boot-3.5.7-starter-log4j2", MatrixRow.LOG4J2_BINDING, with(SDK_DEFAULTS,
                    "spring-boot-3.5.7.jar", "log4j-core-2.24.3.jar", "log4j-slf4j2-impl-2.24.3.jar",
                    "slf4j-api-2.0.17.jar")),
            boot("spring-boot-3.5.7-starter-log4j2-declared", MatrixRow.LOG4J2_BINDING, with(SDK_DEFAULTS,
                    "spring-boot-3.5.7.jar", "log4j-core-2.24.3.jar", "log4j-slf4j2-impl-2.24.3.jar",
                    "slf4j-api-2.0.17.jar"))
                    .onClasspathOf("spring-boot-3.5.7-starter-log4j2")
                    .declaringSentryAppender());

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Arrays.stream(base), Arrays.stream(more)).toArray(String[]::new);
    }

    /** Far above a row's few seconds; only a program that hangs reaches it. */
    static final Duration PROGRAM_LIMIT = Duration.ofSeconds(60);

    static Stream<MatrixRow> rows() {
        String selected = System.getProperty("sentry4j.compat.rows", "").trim();
        if (selected.isEmpty()) {
            return ROWS.stream();
        }
        Set<String> ids = Arrays.stream(selected.split(",")).map(String::trim).collect(Collectors.toSet());
        Set<String> known = ROWS.stream().map(MatrixRow::id).collect(Collectors.toSet());
        assertThat(known).as("rows named by -Dsentry4j.compat.rows").containsAll(ids);
        return ROWS.stream().filter(row -> ids.contains(row.id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowStartsLogsAndDeliversItsErrors(MatrixRow row, @TempDir Path workDir) throws Exception {
        List<String> jars = RowProgram.resolvedClasspath(row).stream()
                .map(entry -> Path.of(entry).getFileName().toString()).collect(Collectors.toList());
        assertThat(jars).as("what Maven resolved for row %s", row).containsAll(row.expectedJars());

        RowProgram.Run run;
        List<JsonObject> events;
        SoftAssertions softly = new SoftAssertions();
        try (TestReceiver receiver = TestReceiver.start()) {
            if (row.spoolFirst()) {
                receiver.down();
                RowProgram.Run offline = RowProgram.run(row, receiver.dsn(), workDir, "receiver-down", PROGRAM_LIMIT);
                softly.assertThat(offline.exitCode()).as("exit code with the receiver down: %s", offline).isZero();
                softly.assertThat(RowProgram.spooled(workDir)).as("spooled with the receiver down: %s", offline)
                        .isPositive();
                receiver.up();
            }
            run = RowProgram.run(row, receiver.dsn(), workDir, "run", PROGRAM_LIMIT);
            // Delivered before the program exited: nothing waits in a spool for a next start.
            events = receiver.events();
        }
        checkRun(softly, row, run, events);
        List<Throwable> failures = softly.errorsCollected();
        boolean strict = Boolean.getBoolean("sentry4j.compat.strict");
        if (row.knownFailure() == null || strict) {
            softly.assertAll();
            System.out.printf("matrix row %s: passes (%d ms)%n", row.id(), run.elapsed().toMillis());
            return;
        }
        // A row that fails for a reason being fixed is skipped only while it fails for that reason alone.
        MatrixRow.KnownFailure known = row.knownFailure();
        assertThat(failures).as("row %s passes now: remove its known failure (%s)", row, known.reason()).isNotEmpty();
        for (Throwable failure : failures) {
            String message = String.valueOf(failure.getMessage());
            if (!known.checks().isEmpty()) {
                assertThat(known.checks().stream().anyMatch(check -> message.startsWith("[" + check)))
                        .as("row %s fails a check its known failure (%s) does not name: %s", row, known.reason(), message)
                        .isTrue();
            }
        }
        if (known.sign() != null) {
            assertThat(run.output()).as("row %s fails, but without the sign of its known failure (%s): %s", row,
                    known.reason(), failures).contains(known.sign());
        }
        System.out.printf("matrix row %s: skipped, known failure: %s%n", row.id(), known.reason());
        Assumptions.abort("known failure: " + known.reason());
    }

    private static void checkRun(SoftAssertions softly, MatrixRow row, RowProgram.Run run, List<JsonObject> events) {
        softly.assertThat(run.finished()).as("finished within %s: %s", PROGRAM_LIMIT, run).isTrue();
        softly.assertThat(run.exitCode()).as("exit code: %s", run).isZero();
        checkLoggedAsUsual(softly, row, run);
        checkNothingElsePrinted(softly, run, row.unsupported() != null);
        if (row.slf4jBinding() != null) {
            softly.assertThat(run.stdout()).as("the application's SLF4J binding: %s", run)
                    .contains("compat-app: slf4j binding " + row.slf4jBinding());
        }

        if (row.unsupported() != null) {
            String[] artifactAndVersion = row.unsupported().split(" ");
            softly.assertThat(run.output().lines()
                            .anyMatch(line -> line.contains(artifactAndVersion[0]) && line.contains(artifactAndVersion[1])))
                    .as("a line naming %s (found) in the output: %s", row.unsupported(), run).isTrue();
            return; // whether its errors arrive is not promised
        }
        List<JsonObject> failures = events.stream().filter(e -> e.has("exception")).collect(Collectors.toList());
        List<JsonObject> messages = events.stream().filter(e -> !e.has("exception")).collect(Collectors.toList());
        int each = row.spoolFirst() ? 2 : 1; // the spooled run's, replayed, and this run's
        softly.assertThat(failures).as("events with an exception received when the program had exited: %s", run)
                .hasSize(each);
        softly.assertThat(messages).as("message events received when the program had exited: %s", run)
                .hasSize(each);
        if (failures.size() != each || messages.size() != each) {
            return;
        }
        JsonObject failure = failures.get(0);
        JsonObject message = messages.get(0);
        softly.assertThat(failure.get("level").getAsString()).isEqualTo("error");
        softly.assertThat(exceptionChain(failure)).containsExactly(
                "java.lang.IllegalStateException: payment failed for order 17",
                "java.io.IOException: connection reset by the payment gateway");
        softly.assertThat(breadcrumbs(failure)).containsSubsequence("app started", "loaded 3 orders");

        softly.assertThat(message.get("level").getAsString()).isEqualTo("error");
        softly.assertThat(message.getAsJsonObject("logentry").get("formatted").getAsString())
                .isEqualTo("stock check found 2 negative items");
        softly.assertThat(breadcrumbs(message)).containsSubsequence("app started", "loaded 3 orders");
        if (row.program() != MatrixRow.Program.CORE) {
            softly.assertThat(failure.get("logger").getAsString()).isEqualTo("compat.Checkout");
            softly.assertThat(breadcrumbs(message)).containsSubsequence("loaded 3 orders", "order 17 failed");
        }
        if (row.program() == MatrixRow.Program.BOOT) {
            // the starter started the SDK from the application's sentry.* properties
            softly.assertThat(failure.get("environment").getAsString()).isEqualTo("compat-boot");
            softly.assertThat(message.get("environment").getAsString()).isEqualTo("compat-boot");
        }
        if (row.callsHttp()) {
            softly.assertThat(httpBreadcrumbs(failure)).as("HTTP breadcrumbs of %s", run)
                    .anyMatch(data -> data.get("method").getAsString().equals("GET")
                            && data.get("url").getAsString().endsWith("/compat-ping")
                            && data.has("status_code"));
        }
        if (MatrixRow.LOG4J2_BINDING.equals(row.slf4jBinding())) {
            // a line logged through SLF4J reached Log4j2, and so the Sentry appender
            softly.assertThat(breadcrumbs(failure)).contains("inventory checked through slf4j");
        }
    }

    private static void checkLoggedAsUsual(SoftAssertions softly, MatrixRow row, RowProgram.Run run) {
        if (row.program() == MatrixRow.Program.CORE) {
            softly.assertThat(run.stdout()).as("%s", run).contains("compat-app: captured 2", "compat-app: main returns");
            return;
        }
        softly.assertThat(run.stdout()).as("the application's own log lines: %s", run).contains(
                "INFO  compat.Checkout - app started",
                "INFO  compat.Checkout - loaded 3 orders",
                "ERROR compat.Checkout - order 17 failed",
                "ERROR compat.Checkout - stock check found 2 negative items",
                "INFO  compat.Checkout - batch done",
                "compat-app: main returns");
        if (MatrixRow.LOG4J2_BINDING.equals(row.slf4jBinding())) {
            softly.assertThat(run.stdout()).as("%s", run)
                    .contains("INFO  compat.Inventory - inventory checked through slf4j");
        }
    }

    /**
     * The programs print their log lines without stack traces, so any trace came from something else;
     * and no SLF4J line: the SDK must not make SLF4J speak in an application that never asked for it.
     * A row with an unsupported version may show a trace inside the status message that explains it,
     * never an uncaught one.
     */
    private static void checkNothingElsePrinted(SoftAssertions softly, RowProgram.Run run, boolean unsupported) {
        softly.assertThat(run.output()).as("a stack trace or a Throwable in the output: %s", run)
                .doesNotContainPattern("(?m)^Exception in thread");
        if (!unsupported) {
            softly.assertThat(run.output()).as("a stack trace or a Throwable in the output: %s", run)
                    .doesNotContainPattern("(?m)^\\s+at ")
                    .doesNotContainPattern("(Error|Exception): ");
        }
        softly.assertThat(run.output()).as("SLF4J's own lines in the output: %s", run)
                .doesNotContainPattern("(?m)^SLF4J");
    }

    private static List<String> exceptionChain(JsonObject event) {
        List<String> chain = new ArrayList<>();
        for (JsonElement value : event.getAsJsonObject("exception").getAsJsonArray("values")) {
            JsonObject ex = value.getAsJsonObject();
            chain.add(0, ex.get("module").getAsString() + "." + ex.get("type").getAsString() + ": "
                    + ex.get("value").getAsString());
        }
        return chain;
    }

    /** The data of each breadcrumb of type http. */
    private static List<JsonObject> httpBreadcrumbs(JsonObject event) {
        List<JsonObject> data = new ArrayList<>();
        if (event.has("breadcrumbs")) {
            for (JsonElement crumb : event.getAsJsonObject("breadcrumbs").getAsJsonArray("values")) {
                JsonObject c = crumb.getAsJsonObject();
                if (c.has("type") && c.get("type").getAsString().equals("http") && c.has("data")) {
                    data.add(c.getAsJsonObject("data"));
                }
            }
        }
        return data;
    }

    private static List<String> breadcrumbs(JsonObject event) {
        List<String> messages = new ArrayList<>();
        if (event.has("breadcrumbs")) {
            for (JsonElement crumb : event.getAsJsonObject("breadcrumbs").getAsJsonArray("values")) {
                JsonElement message = crumb.getAsJsonObject().get("message");
                messages.add(message == null ? null : message.getAsString());
            }
        }
        return messages;
    }

}
