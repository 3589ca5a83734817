package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.EventStructure;
import org.sentry4j.testkit.TestReceiver;

/**
 * Our own structural rules (run in every clone, with or without Sentry's schema beside it) accept what
 * the SDK sends and catch each kind of malformed event.
 */
class EventStructureTest {
    private static TestReceiver receiver;
    private static JsonObject sent;

    @BeforeAll
    static void captureOne() {
        receiver = TestReceiver.start();
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                .sendClientReports(false));
        Sentry.configureScope(s -> {
            s.setUser(User.ofId("u-1"));
            s.setTag("tier", "gold");
        });
        Sentry.addBreadcrumb("before", "test");
        String id = Sentry.captureException(new IllegalStateException("boom", new RuntimeException("cause")));
        // The raw item, not ReceivedEnvelope.event(), which would already assert what this test checks.
        sent = receiver.awaitEvent(e -> id.equals(e.eventString("event_id")), Duration.ofSeconds(20)).items().stream()
                .filter(i -> i.type().equals("event")).findFirst().orElseThrow().json();
        Sentry.close();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    private static JsonObject broken(Consumer<JsonObject> change) {
        JsonObject copy = sent.deepCopy();
        change.accept(copy);
        return copy;
    }

    @Test
    void whatTheSdkSendsKeepsEveryRule() {
        assertThat(EventStructure.violations(sent)).isEmpty();
        // Naming the sdk is what makes the rules for an SDK-built event (timestamp, platform) apply.
        assertThat(sent.getAsJsonObject("sdk").get("name").getAsString()).isNotEmpty();
        assertThat(EventSchema.violations(sent)).isEmpty();
        assertThat(sent.getAsJsonObject("exception").getAsJsonArray("values")).hasSize(2);
    }

    @Test
    void eachKindOfMalformedEventIsCaught() {
        JsonObject dashedId = broken(e -> e.addProperty("event_id", "0123abcd-0123-0123-0123-0123456789ab"));
        JsonObject noTimestamp = broken(e -> e.remove("timestamp"));
        JsonObject localTime = broken(e -> e.addProperty("timestamp", "2026-01-01T10:00:00+02:00"));
        JsonObject handMade = JsonParser.parseString("{\"event_id\":\"" + sent.get("event_id").getAsString()
                + "\",\"level\":\"error\",\"logentry\":{\"formatted\":\"boom\"}}").getAsJsonObject();
        JsonObject badLevel = broken(e -> e.addProperty("level", "warn"));
        JsonObject noPlatform = broken(e -> e.remove("platform"));
        JsonObject flatExceptions = broken(e -> e.add("exception", e.getAsJsonObject("exception").getAsJsonArray("values")));
        JsonObject mechanismWithoutType = broken(e -> firstException(e).getAsJsonObject("mechanism").remove("type"));
        JsonObject lineAsText = broken(e -> firstFrame(e).addProperty("lineno", "12"));
        JsonObject numericTag = broken(e -> e.getAsJsonObject("tags").addProperty("tier", 3));
        JsonObject unknownField = broken(e -> e.addProperty("severity", "high"));
        JsonObject noSdkVersion = broken(e -> e.getAsJsonObject("sdk").remove("version"));
        JsonObject crumbWithoutTime = broken(e -> e.getAsJsonObject("breadcrumbs").getAsJsonArray("values")
                .get(0).getAsJsonObject().remove("timestamp"));

        assertThat(EventStructure.violations(dashedId)).anyMatch(v -> v.startsWith("event_id"));
        assertThat(EventStructure.violations(noTimestamp)).contains("timestamp: required");
        assertThat(EventStructure.violations(handMade)).isEmpty();
        assertThat(EventStructure.violations(localTime)).anyMatch(v -> v.startsWith("timestamp: must be UTC"));
        assertThat(EventStructure.violations(badLevel)).anyMatch(v -> v.startsWith("level"));
        assertThat(EventStructure.violations(noPlatform)).anyMatch(v -> v.startsWith("platform"));
        assertThat(EventStructure.violations(flatExceptions)).anyMatch(v -> v.startsWith("exception: must be an object"));
        assertThat(EventStructure.violations(mechanismWithoutType)).anyMatch(v -> v.endsWith(".mechanism.type: required string"));
        assertThat(EventStructure.violations(lineAsText)).anyMatch(v -> v.contains(".frames[") && v.contains("lineno"));
        assertThat(EventStructure.violations(numericTag)).anyMatch(v -> v.startsWith("tags.tier"));
        assertThat(EventStructure.violations(unknownField)).contains("severity: not a field of Sentry's event payload");
        assertThat(EventStructure.violations(noSdkVersion)).contains("sdk.version: required string");
        assertThat(EventStructure.violations(crumbWithoutTime)).contains("breadcrumbs.values[0].timestamp: required");
        assertThatThrownBy(() -> EventSchema.assertValid(badLevel)).isInstanceOf(AssertionError.class);

    }

    /** The outermost exception: the last of the values, which Sentry orders oldest (the root cause) first. */
    private static JsonObject firstException(JsonObject event) {
        JsonArray values = event.getAsJsonObject("exception").getAsJsonArray("values");
        return values.get(values.size() - 1).getAsJsonObject();
    }

    private static JsonObject firstFrame(JsonObject event) {
        return firstException(event).getAsJsonObject("stacktrace").getAsJsonArray("frames").get(0).getAsJsonObject();
    }

    @Test
    void aNumericTimestampAndPairTagsAreAccepted() {
        JsonObject other = broken(e -> {
            e.addProperty("timestamp", 1767225600.25);
            e.add("tags", JsonParser.parseString("[[\"tier\",\"gold\"]]"));
        });
        assertThat(EventStructure.violations(other)).isEmpty();
    }
}
