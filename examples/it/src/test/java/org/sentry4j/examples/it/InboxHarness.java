package org.sentry4j.examples.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.sentry4j.examples.inbox.InboxOptions;
import org.sentry4j.examples.inbox.InboxServer;

/**
 * An inbox in this JVM, plus what one example program run sent to it: start it, {@link #run} a
 * program against it, then look at the parsed events and at the blocks the inbox printed.
 */
final class InboxHarness implements AutoCloseable {
    /** What a program is allowed for start-up, work and shutdown together: "a few seconds", generously. */
    static final Duration PROGRAM_LIMIT = Duration.ofSeconds(20);

    private final Path workDir;
    private final InboxServer inbox;
    private final List<String> printed = new ArrayList<>();

    InboxHarness(Path workDir) throws IOException {
        this.workDir = workDir;
        this.inbox = InboxServer.start(InboxOptions.parse("--port", "0", "--out", workDir.resolve("inbox").toString()),
                this::print);
    }

    private synchronized void print(String block) {
        printed.add(block);
    }

    ProgramRun run(ExampleProgram program) throws IOException, InterruptedException {
        return program.run(inbox.dsn(), PROGRAM_LIMIT, workDir);
    }

    /**
     * The events received, once {@code expected} arrived (a short deadline: the programs flush before
     * they exit). Fails listing what did arrive otherwise; a few more than expected are returned too.
     */
    List<JsonObject> awaitEvents(int expected) throws InterruptedException {
        if (!inbox.awaitEvents(expected, Duration.ofSeconds(10))) {
            throw new AssertionError("expected " + expected + " events, got " + inbox.events().size()
                    + ":\n" + printed());
        }
        return inbox.events();
    }

    /**
     * The structured logs received, once {@code expected} arrived (the programs send them at close at the
     * latest); fails listing what did arrive otherwise.
     */
    List<JsonObject> awaitLogs(int expected) throws InterruptedException {
        if (!inbox.await(0, expected, Duration.ofSeconds(10))) {
            throw new AssertionError("expected " + expected + " structured logs, got " + inbox.logs().size()
                    + ":\n" + printed());
        }
        return inbox.logs();
    }

    /** A structured log's attribute value as text, or null. */
    static String attribute(JsonObject log, String name) {
        JsonObject attributes = log.getAsJsonObject("attributes");
        JsonObject a = attributes == null ? null : attributes.getAsJsonObject(name);
        return a == null ? null : a.get("value").getAsString();
    }

    static List<String> bodies(List<JsonObject> logs) {
        return logs.stream().map(l -> l.get("body").getAsString()).collect(Collectors.toList());
    }

    synchronized String printed() {
        return String.join("\n", printed);
    }

    String summary() {
        return inbox.summary();
    }

    @Override
    public void close() {
        inbox.close();
    }

    // Small readers for the event JSON, so assertions say what they check.

    static String level(JsonObject event) {
        return event.get("level").getAsString();
    }

    static String tag(JsonObject event, String key) {
        JsonObject tags = event.getAsJsonObject("tags");
        return tags == null || !tags.has(key) ? null : tags.get(key).getAsString();
    }

    /** Fully qualified exception types, the captured one first, then its causes. */
    static List<String> exceptionTypes(JsonObject event) {
        List<String> types = new ArrayList<>();
        if (!event.has("exception")) {
            return types;
        }
        for (JsonElement value : event.getAsJsonObject("exception").getAsJsonArray("values")) {
            JsonObject ex = value.getAsJsonObject();
            types.add(0, ex.get("module").getAsString() + "." + ex.get("type").getAsString());
        }
        return types;
    }

    /** The function of the innermost in-app frame of the captured exception. */
    static String topInAppFunction(JsonObject event) {
        JsonArray values = event.getAsJsonObject("exception").getAsJsonArray("values");
        JsonArray frames = values.get(values.size() - 1).getAsJsonObject()
                .getAsJsonObject("stacktrace").getAsJsonArray("frames");
        for (int i = frames.size() - 1; i >= 0; i--) {
            JsonObject frame = frames.get(i).getAsJsonObject();
            if (frame.has("in_app") && frame.get("in_app").getAsBoolean()) {
                return frame.get("module").getAsString() + "." + frame.get("function").getAsString();
            }
        }
        return null;
    }

    static List<String> breadcrumbMessages(JsonObject event) {
        if (!event.has("breadcrumbs")) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        for (JsonElement crumb : event.getAsJsonObject("breadcrumbs").getAsJsonArray("values")) {
            JsonElement message = crumb.getAsJsonObject().get("message");
            messages.add(message == null ? null : message.getAsString());
        }
        return messages;
    }

    /** The mechanism of the captured exception, as {@code type/handled}, e.g. {@code logback/true}. */
    static String mechanism(JsonObject event) {
        JsonArray values = event.getAsJsonObject("exception").getAsJsonArray("values");
        JsonObject mechanism = values.get(values.size() - 1).getAsJsonObject().getAsJsonObject("mechanism");
        return mechanism.get("type").getAsString() + "/" + mechanism.get("handled").getAsBoolean();
    }

    static String message(JsonObject event) {
        return event.has("logentry") ? event.getAsJsonObject("logentry").get("formatted").getAsString() : null;
    }

    static String userId(JsonObject event) {
        return event.has("user") ? event.getAsJsonObject("user").get("id").getAsString() : null;
    }

    static List<String> levels(List<JsonObject> events) {
        return events.stream().map(InboxHarness::level).sorted().collect(Collectors.toList());
    }
}
