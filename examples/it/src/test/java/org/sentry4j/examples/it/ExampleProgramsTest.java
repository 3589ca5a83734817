package org.sentry4j.examples.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.examples.it.InboxHarness.attribute;
import static org.sentry4j.examples.it.InboxHarness.bodies;
import static org.sentry4j.examples.it.InboxHarness.breadcrumbMessages;
import static org.sentry4j.examples.it.InboxHarness.exceptionTypes;
import static org.sentry4j.examples.it.InboxHarness.level;
import static org.sentry4j.examples.it.InboxHarness.levels;
import static org.sentry4j.examples.it.InboxHarness.mechanism;
import static org.sentry4j.examples.it.InboxHarness.message;
import static org.sentry4j.examples.it.InboxHarness.tag;
import static org.sentry4j.examples.it.InboxHarness.topInAppFunction;
import static org.sentry4j.examples.it.InboxHarness.userId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.testkit.EventSchema;

/**
 * Runs each example program as its own JVM against an inbox and checks what a newcomer would see.
 * One test method per program; they share {@link InboxHarness} and {@link ExampleProgram}.
 */
class ExampleProgramsTest {
    static final ExampleProgram CORE_DEMO = ExampleProgram.of("core-demo", "org.sentry4j.examples.core.CoreDemo");
    static final ExampleProgram LOGBACK_EXAMPLE = ExampleProgram.of("logback-example",
            "org.sentry4j.examples.logback.LogbackExample");
    static final ExampleProgram LOG4J2_EXAMPLE = ExampleProgram.of("log4j2-example",
            "org.sentry4j.examples.log4j2.Log4j2Example");
    static final ExampleProgram SPRING_BOOT_EXAMPLE = ExampleProgram.of("spring-boot-example",
            "org.sentry4j.examples.spring.boot.SpringBootExample");
    static final ExampleProgram JUL_EXAMPLE = ExampleProgram.of("jul-example", "org.sentry4j.examples.jul.JulExample");

    @TempDir
    Path workDir;
    InboxHarness harness;

    @BeforeEach
    void startInbox() throws Exception {
        harness = new InboxHarness(workDir);
    }

    @AfterEach
    void stopInbox() {
        harness.close();
    }

    @Test
    void coreDemoSendsFourEventsAndExitsPromptly() throws Exception {
        ProgramRun run = harness.run(CORE_DEMO);

        assertThat(run.finished).as("finished within %s: %s", InboxHarness.PROGRAM_LIMIT, run).isTrue();
        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.output).contains("core-demo: done, 4 events captured")
                .as("no SLF4J notice: the SDK brings no logging API of its own").doesNotContain("SLF4J");

        List<JsonObject> events = harness.awaitEvents(4);
        assertThat(events).hasSize(4);
        events.forEach(EventSchema::assertValid);
        assertThat(levels(events)).containsExactly("error", "error", "info", "warning");
        for (JsonObject event : events) {
            assertThat(event.get("release").getAsString()).isEqualTo("core-demo@1.0.0");
            assertThat(event.get("environment").getAsString()).isEqualTo("demo");
            assertThat(userId(event)).isEqualTo("u-17");
            assertThat(event.getAsJsonObject("user").get("email").getAsString()).isEqualTo("ada@example.com");
            assertThat(tag(event, "app")).isEqualTo("core-demo");
            assertThat(tag(event, "region")).isEqualTo("eu-west");
        }

        JsonObject checkout = only(events, e -> exceptionTypes(e).contains("java.lang.IllegalStateException"));
        assertThat(exceptionTypes(checkout))
                .containsExactly("java.lang.IllegalStateException", "java.net.SocketTimeoutException");
        assertThat(topInAppFunction(checkout)).isEqualTo("org.sentry4j.examples.core.CoreDemo$OrderService.checkout");
        assertThat(breadcrumbMessages(checkout))
                .containsExactly("loaded 4 orders from the queue", "charging card for A-1001");
        assertThat(tag(checkout, "order")).isNull();

        JsonObject stock = only(events, e -> level(e).equals("warning"));
        assertThat(message(stock)).isEqualTo("stock low for sku-9: 2 left");
        assertThat(stock.has("exception")).isFalse();

        // Sentry.wrap carried the submitting thread's scope (user, tags, breadcrumbs, the job's order tag)
        // to the pool thread; the other jobs' breadcrumbs stayed in their own copies.
        JsonObject worker = only(events, e -> exceptionTypes(e).contains("java.lang.IllegalArgumentException"));
        assertThat(exceptionTypes(worker)).containsExactly("java.lang.IllegalArgumentException");
        assertThat(topInAppFunction(worker)).isEqualTo("org.sentry4j.examples.core.CoreDemo$OrderService.reserve");
        assertThat(tag(worker, "order")).isEqualTo("A-1003");
        assertThat(breadcrumbMessages(worker)).containsExactly("loaded 4 orders from the queue",
                "charging card for A-1001", "stock check for sku-9", "packing A-1003");

        JsonObject done = only(events, e -> level(e).equals("info"));
        assertThat(message(done)).isEqualTo("batch done: 3 packed, 1 failed");
        assertThat(breadcrumbMessages(done)).hasSize(3);

        // What a person sees: one block per event, the chain outside-in, and the closing summary.
        assertThat(harness.printed())
                .contains("exception   java.lang.IllegalStateException: checkout failed for order A-1001")
                .contains("caused by   java.net.SocketTimeoutException")
                .contains("CoreDemo$OrderService.charge(CoreDemo.java:");
        assertThat(harness.summary()).startsWith("4 events (2 error, 1 info, 1 warning), 12 breadcrumbs, tags: ")
                .contains("order=A-1003 x1", "region=eu-west x4");
        // Sentry.logger(): three structured logs, with the template and typed parameters, the trace of the
        // scope they were made in (the pool's through Sentry.wrap) and no origin (direct calls have none).
        List<JsonObject> logs = harness.awaitLogs(3);
        assertThat(bodies(logs)).containsExactlyInAnyOrder("loaded 4 orders from the queue",
                "packed A-1002: 1 item(s) reserved", "packed A-1004: 1 item(s) reserved");
        JsonObject loaded = logs.stream().filter(l -> l.get("body").getAsString().startsWith("loaded"))
                .findFirst().orElseThrow();
        assertThat(attribute(loaded, "sentry.message.template")).isEqualTo("loaded %d orders from the queue");
        assertThat(loaded.getAsJsonObject("attributes").getAsJsonObject("sentry.message.parameter.0")
                .get("type").getAsString()).isEqualTo("integer");
        assertThat(attribute(loaded, "sentry.release")).isEqualTo("core-demo@1.0.0");
        assertThat(attribute(loaded, "sentry.origin")).isNull();
        String trace = checkout.getAsJsonObject("contexts").getAsJsonObject("trace").get("trace_id").getAsString();
        assertThat(logs).allSatisfy(l -> assertThat(l.get("trace_id").getAsString()).isEqualTo(trace));
        assertThat(harness.printed()).contains("  info  loaded 4 orders from the queue");
        assertThat(harness.summary()).endsWith("; 3 structured logs (3 info)");

        try (Stream<Path> saved = Files.list(workDir.resolve("inbox"))) {
            assertThat(saved.map(p -> p.getFileName().toString().substring(5)))
                    .containsExactlyInAnyOrder("event.envelope", "event.envelope", "event.envelope",
                            "event.envelope", "log.envelope");
        }
    }

    @Test
    void logbackExampleSendsItsErrorLogsAndTheCrashAndExitsPromptly() throws Exception {
        assertOrderServiceApp(LOGBACK_EXAMPLE, "org.sentry4j.examples.logback", "LogbackExample", "logback");
    }

    @Test
    void log4j2ExampleSendsItsErrorLogsAndTheCrashAndExitsPromptly() throws Exception {
        assertOrderServiceApp(LOG4J2_EXAMPLE, "org.sentry4j.examples.log4j2", "Log4j2Example", "log4j2");
    }

    @Test
    void springBootExampleSendsItsErrorLogFromThePropertiesAndExitsPromptly() throws Exception {
        ProgramRun run = harness.run(SPRING_BOOT_EXAMPLE);

        assertThat(run.finished).as("finished within %s: %s", InboxHarness.PROGRAM_LIMIT, run).isTrue();
        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.output).contains("spring-boot-example: done, 1 event sent").doesNotContain("SLF4J");

        List<JsonObject> events = harness.awaitEvents(1);
        assertThat(events).hasSize(1);
        JsonObject mail = events.get(0);
        EventSchema.assertValid(mail);
        // application.properties, and the tag of the SentryOptionsCustomizer bean
        assertThat(mail.get("release").getAsString()).isEqualTo("greeter@1.0.0");
        assertThat(mail.get("environment").getAsString()).isEqualTo("demo");
        assertThat(tag(mail, "app")).isEqualTo("spring-boot-example");
        // Spring Boot's Logback, with the appender the starter added
        assertThat(level(mail)).isEqualTo("error");
        assertThat(message(mail)).isEqualTo("welcome mail to c-7 failed");
        assertThat(mail.get("logger").getAsString()).isEqualTo("org.sentry4j.examples.spring.boot.Greeter");
        assertThat(exceptionTypes(mail)).containsExactly("java.lang.IllegalStateException", "java.net.ConnectException");
        assertThat(mechanism(mail)).isEqualTo("logback/true");
        assertThat(topInAppFunction(mail)).isEqualTo("org.sentry4j.examples.spring.boot.Greeter.sendWelcomeMail");
        assertThat(breadcrumbMessages(mail)).endsWith("greeting customer c-7", "connecting to the mail server for c-7");
    }

    /**
     * The order service on java.util.logging, configured by logging.properties alone and closing nothing:
     * the JDK's LogManager closes the handler at exit, which delivers. JUL has no context map, so the
     * order's tag comes from a scope; a logged message keeps its {@code {0}} pattern.
     */
    @Test
    void julExampleSendsItsSevereLogsAndTheCrashAndExitsPromptly() throws Exception {
        ProgramRun run = harness.run(JUL_EXAMPLE);
        String main = "org.sentry4j.examples.jul.JulExample";

        assertThat(run.finished).as("finished within %s: %s", InboxHarness.PROGRAM_LIMIT, run).isTrue();
        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.output).contains("jul-example: done, 3 events sent")
                .contains("Exception in thread \"report-exporter\" java.io.UncheckedIOException")
                .contains("SEVERE  [" + main + "] order A-1003 rejected: quantity -1 is not positive")
                .doesNotContain("ErrorManager");

        List<JsonObject> events = harness.awaitEvents(3);
        assertThat(events).hasSize(3);
        events.forEach(EventSchema::assertValid);
        assertThat(levels(events)).containsExactly("error", "error", "fatal");
        for (JsonObject event : events) { // all from logging.properties, and the user from configureGlobalScope
            assertThat(event.get("release").getAsString()).isEqualTo("order-service@1.0.0");
            assertThat(event.get("environment").getAsString()).isEqualTo("demo");
            assertThat(tag(event, "app")).isEqualTo("jul-example");
            assertThat(userId(event)).isEqualTo("u-42");
        }

        JsonObject payment = only(events, e -> exceptionTypes(e).contains("java.lang.IllegalStateException"));
        assertThat(payment.get("logger").getAsString()).isEqualTo(main);
        assertThat(message(payment)).isEqualTo("payment failed for order A-1002");
        assertThat(exceptionTypes(payment))
                .containsExactly("java.lang.IllegalStateException", "java.net.SocketTimeoutException");
        assertThat(mechanism(payment)).isEqualTo("jul/true");
        assertThat(topInAppFunction(payment)).isEqualTo(main + ".checkout");
        assertThat(tag(payment, "order")).isEqualTo("A-1002");
        assertThat(breadcrumbMessages(payment))
                .containsExactly("order service started, 3 orders queued", "processing order A-1002");

        JsonObject rejected = only(events, e -> "order A-1003 rejected: quantity -1 is not positive".equals(message(e)));
        assertThat(rejected.has("exception")).isFalse();
        JsonObject logentry = rejected.getAsJsonObject("logentry");
        assertThat(logentry.get("message").getAsString()).isEqualTo("order {0} rejected: quantity {1} is not positive");
        assertThat(logentry.getAsJsonArray("params").toString()).isEqualTo("[\"A-1003\",\"-1\"]");
        assertThat(tag(rejected, "order")).isEqualTo("A-1003");

        JsonObject crash = only(events, e -> level(e).equals("fatal"));
        assertThat(exceptionTypes(crash)).containsExactly("java.io.UncheckedIOException", "java.io.IOException");
        assertThat(mechanism(crash)).isEqualTo("UncaughtExceptionHandler/false");
        assertThat(topInAppFunction(crash)).isEqualTo(main + ".exportReport");
        assertThat(breadcrumbMessages(crash)).containsExactly("writing report to /var/reports/orders.csv");
        assertThat(harness.summary()).startsWith("3 events (2 error, 1 fatal), 5 breadcrumbs, tags: ")
                .contains("app=jul-example x3", "order=A-1002 x1", "order=A-1003 x1");

        // logsEnabled in logging.properties: every record from INFO up is also a structured log, with its
        // {0} pattern and parameters and JUL as origin; the uncaught exception is an event only.
        List<JsonObject> logs = harness.awaitLogs(9);
        assertThat(logs).hasSize(9);
        assertThat(logs.stream().filter(l -> l.get("level").getAsString().equals("error")).count()).isEqualTo(2);
        assertThat(bodies(logs)).contains("order service started, 3 orders queued", "order A-1001 paid",
                "payment failed for order A-1002", "writing report to /var/reports/orders.csv");
        JsonObject paid = logs.stream().filter(l -> l.get("body").getAsString().equals("order A-1001 paid"))
                .findFirst().orElseThrow();
        assertThat(attribute(paid, "sentry.origin")).isEqualTo("auto.log.jul");
        assertThat(attribute(paid, "logger.name")).isEqualTo(main);
        assertThat(attribute(paid, "sentry.message.template")).isEqualTo("order {0} paid");
        assertThat(attribute(paid, "sentry.message.parameter.0")).isEqualTo("A-1001");
        assertThat(attribute(paid, "sentry.environment")).isEqualTo("demo");
        assertThat(harness.summary()).endsWith("; 9 structured logs (2 error, 7 info)");
    }

    /**
     * The Logback and Log4j2 examples are the same order service on two frameworks: the same three
     * events, differing only in package, main class, app tag and the mechanism of logged exceptions.
     */
    private void assertOrderServiceApp(ExampleProgram program, String packageName, String mainClass,
            String logMechanism) throws Exception {
        ProgramRun run = harness.run(program);
        String app = program.name();

        assertThat(run.finished).as("finished within %s: %s", InboxHarness.PROGRAM_LIMIT, run).isTrue();
        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.output).doesNotContain("SLF4J");
        assertThat(run.output).contains(app + ": done, 3 events sent")
                .contains("Exception in thread \"report-exporter\" java.io.UncheckedIOException");

        List<JsonObject> events = harness.awaitEvents(3);
        assertThat(events).hasSize(3);
        events.forEach(EventSchema::assertValid);
        assertThat(levels(events)).containsExactly("error", "error", "fatal");
        for (JsonObject event : events) { // all from the XML configuration, and the user from configureScope
            assertThat(event.get("release").getAsString()).isEqualTo("order-service@1.0.0");
            assertThat(event.get("environment").getAsString()).isEqualTo("demo");
            assertThat(tag(event, "app")).isEqualTo(app);
            assertThat(userId(event)).isEqualTo("u-42");
            assertThat(event.getAsJsonObject("user").get("email").getAsString()).isEqualTo("ops@example.com");
        }
        String orderService = packageName + ".OrderService";

        // log.error("payment failed for order {}", id, e): the chain, MDC/ThreadContext as tags, the job's
        // own breadcrumbs after those of the scope Sentry.wrap carried into the pool.
        JsonObject payment = only(events, e -> exceptionTypes(e).contains("java.lang.IllegalStateException"));
        assertThat(payment.get("logger").getAsString()).isEqualTo(orderService);
        assertThat(message(payment)).isEqualTo("payment failed for order A-1002");
        assertThat(exceptionTypes(payment))
                .containsExactly("java.lang.IllegalStateException", "java.net.SocketTimeoutException");
        assertThat(mechanism(payment)).isEqualTo(logMechanism + "/true");
        assertThat(topInAppFunction(payment)).isEqualTo(orderService + ".checkout");
        assertThat(tag(payment, "order")).isEqualTo("A-1002");
        assertThat(tag(payment, "customer")).isEqualTo("c-7");
        assertThat(breadcrumbMessages(payment))
                .containsExactly("order service started, 3 orders queued", "processing order A-1002");

        // A parameterised error log without an exception.
        JsonObject rejected = only(events, e -> "order A-1003 rejected: quantity -1 is not positive".equals(message(e)));
        assertThat(rejected.has("exception")).isFalse();
        assertThat(level(rejected)).isEqualTo("error");
        assertThat(rejected.get("logger").getAsString()).isEqualTo(orderService);
        JsonObject logentry = rejected.getAsJsonObject("logentry");
        assertThat(logentry.get("message").getAsString()).isEqualTo("order {} rejected: quantity {} is not positive");
        assertThat(logentry.getAsJsonArray("params").toString()).isEqualTo("[\"A-1003\",\"-1\"]");
        assertThat(tag(rejected, "order")).isEqualTo("A-1003");
        assertThat(tag(rejected, "customer")).isEqualTo("c-9");
        assertThat(breadcrumbMessages(rejected))
                .containsExactly("order service started, 3 orders queued", "processing order A-1003");

        // The exception nobody caught, reported by the core's handler before the thread died; the
        // thread had no context map and no pushed scope: its own scope's breadcrumbs only (scopes are per
        // thread), with the global scope's user.
        JsonObject crash = only(events, e -> level(e).equals("fatal"));
        assertThat(exceptionTypes(crash)).containsExactly("java.io.UncheckedIOException", "java.io.IOException");
        assertThat(mechanism(crash)).isEqualTo("UncaughtExceptionHandler/false");
        assertThat(topInAppFunction(crash)).isEqualTo(packageName + "." + mainClass + ".exportReport");
        assertThat(tag(crash, "order")).isNull();
        assertThat(breadcrumbMessages(crash)).containsExactly("writing report to /var/reports/orders.csv");

        assertThat(harness.printed())
                .contains("logger      " + orderService)
                .contains("exception   java.lang.IllegalStateException: checkout failed for order A-1002")
                .contains("caused by   java.net.SocketTimeoutException");
        assertThat(harness.summary()).startsWith("3 events (2 error, 1 fatal), 5 breadcrumbs, tags: ")
                .contains("app=" + app + " x3", "order=A-1002 x1", "order=A-1003 x1");

        // logsEnabled in the XML: every log from INFO up is also a structured log, with its template, the
        // framework as origin and the context map; the uncaught exception is an event only.
        List<JsonObject> logs = harness.awaitLogs(9);
        assertThat(logs).hasSize(9);
        assertThat(logs.stream().filter(l -> l.get("level").getAsString().equals("error")).count()).isEqualTo(2);
        assertThat(bodies(logs)).contains("order service started, 3 orders queued", "order A-1001 paid",
                "payment failed for order A-1002", "writing report to /var/reports/orders.csv");
        JsonObject paid = logs.stream().filter(l -> l.get("body").getAsString().equals("order A-1001 paid"))
                .findFirst().orElseThrow();
        assertThat(attribute(paid, "sentry.origin")).isEqualTo("auto.log." + logMechanism);
        assertThat(attribute(paid, "logger.name")).isEqualTo(orderService);
        assertThat(attribute(paid, "sentry.message.template")).isEqualTo("order {} paid");
        assertThat(attribute(paid, "sentry.message.parameter.0")).isEqualTo("A-1001");
        assertThat(attribute(paid, "mdc.order")).isEqualTo("A-1001");
        assertThat(attribute(paid, "sentry.environment")).isEqualTo("demo");
        assertThat(harness.summary()).endsWith("; 9 structured logs (2 error, 7 info)");
    }

    private static JsonObject only(List<JsonObject> events, Predicate<JsonObject> which) {
        List<JsonObject> matching = events.stream().filter(which).collect(Collectors.toList());
        assertThat(matching).as("exactly one matching event among %s", events).hasSize(1);
        return matching.get(0);
    }
}
