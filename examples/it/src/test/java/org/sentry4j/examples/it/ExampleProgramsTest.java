package org.sentry4j.examples.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.examples.it.InboxHarness.breadcrumbMessages;
import static org.sentry4j.examples.it.InboxHarness.exceptionTypes;
import static org.sentry4j.examples.it.InboxHarness.level;
import static org.sentry4j.examples.it.InboxHarness.levels;
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
    static final ExampleProgram CORE_DEMO = ExampleProgram.of("core-demo", "org.sentry4j.examples.core.CoreDemo",
            "-Dslf4j.internal.verbosity=ERROR"); // httpclient5 logs through slf4j; the demo ships no provider

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
        assertThat(run.output).contains("core-demo: done, 4 events captured");

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
        try (Stream<Path> saved = Files.list(workDir.resolve("inbox"))) {
            assertThat(saved.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("0001-event.envelope", "0002-event.envelope",
                            "0003-event.envelope", "0004-event.envelope");
        }
    }

    private static JsonObject only(List<JsonObject> events, Predicate<JsonObject> which) {
        List<JsonObject> matching = events.stream().filter(which).collect(Collectors.toList());
        assertThat(matching).as("exactly one matching event among %s", events).hasSize(1);
        return matching.get(0);
    }
}
