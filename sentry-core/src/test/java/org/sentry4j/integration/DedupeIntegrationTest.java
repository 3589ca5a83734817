package org.sentry4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Hint;
import org.sentry4j.Sentry;
import org.sentry4j.SentryEvent;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

class DedupeIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private TestReceiver receiver;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                .addIntegration(new DedupeIntegration()));
    }

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    private List<String> sentValues() {
        assertThat(Sentry.flush(WAIT)).isTrue();
        return receiver.events().stream().peek(EventSchema::assertValid)
                .map(DedupeIntegrationTest::outermostValue).collect(Collectors.toList());
    }

    private static String outermostValue(JsonObject event) {
        var values = event.getAsJsonObject("exception").getAsJsonArray("values");
        return values.get(values.size() - 1).getAsJsonObject().get("value").getAsString();
    }

    @Test
    void theSameThrowableCapturedTwiceIsSentOnce() {
        IllegalStateException e = new IllegalStateException("db down");
        Sentry.captureException(e); // e.g. a library logged it at ERROR
        Sentry.captureException(e); // and the application reported it too
        Sentry.captureException(new IllegalStateException("db down")); // equal, but another occurrence

        assertThat(sentValues()).containsExactly("db down", "db down");
    }

    @Test
    void aWrapperOfAnAlreadySentThrowableIsDropped() {
        IllegalStateException cause = new IllegalStateException("db down");
        Sentry.captureException(cause);
        Sentry.captureException(new RuntimeException("order failed", new RuntimeException("retry", cause)));
        Sentry.captureException(new RuntimeException("unrelated"));

        assertThat(sentValues()).containsExactlyInAnyOrder("db down", "unrelated"); // senders run in parallel
    }

    @Test
    void aCyclicCauseChainEndsTheSearch() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        DedupeIntegration dedupe = new DedupeIntegration();

        assertThat(dedupe.process(new SentryEvent(a), Hint.empty())).isNotNull();
        assertThat(dedupe.process(new SentryEvent(b), Hint.empty())).isNull();
        assertThat(dedupe.process(new SentryEvent(new RuntimeException("c")), Hint.empty())).isNotNull();
    }

    @Test
    void memoryIsBoundedToTheLastThrowables() {
        DedupeIntegration dedupe = new DedupeIntegration();
        RuntimeException first = new RuntimeException("first");
        dedupe.process(new SentryEvent(first), Hint.empty());
        for (int i = 0; i < DedupeIntegration.REMEMBERED; i++) {
            dedupe.process(new SentryEvent(new RuntimeException("n" + i)), Hint.empty());
        }

        assertThat(dedupe.process(new SentryEvent(first), Hint.empty())).isNotNull(); // forgotten, so sent again
    }

    @Test
    void eventsWithoutThrowableAreNeverDropped() {
        Sentry.captureMessage("same");
        Sentry.captureMessage("same");

        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(receiver.events()).hasSize(2);
    }
}
