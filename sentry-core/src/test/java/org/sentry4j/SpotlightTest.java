package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestReceiver;

/** Spotlight's sidecar gets a copy of every envelope, also without a DSN, and never costs Sentry one. */
class SpotlightTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TestReceiver sentry;
    private TestReceiver spotlight;

    @BeforeEach
    void start() {
        sentry = TestReceiver.start();
        spotlight = TestReceiver.start();
    }

    @AfterEach
    void stop() {
        Sentry.close();
        sentry.close();
        spotlight.close();
    }

    private String sidecar() {
        return "http://127.0.0.1:" + spotlight.port() + "/stream";
    }

    private static void init(Consumer<SentryOptions.Builder> more) {
        Sentry.init(o -> {
            o.ambientSources(false).defaultIntegrations(false).sendClientReports(false);
            more.accept(o);
        });
    }

    private static List<String> eventIds(TestReceiver receiver) {
        return receiver.events().stream().map(e -> e.get("event_id").getAsString()).collect(Collectors.toList());
    }

    @Test
    void everyEnvelopeGoesToSentryAndACopyToTheSidecarBeforeFlushReturns() {
        init(o -> o.dsn(sentry.dsn()).spotlightUrl(sidecar()));

        String id = Sentry.captureMessage("seen in both places");

        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(eventIds(sentry)).containsExactly(id);
        List<ReceivedEnvelope> copies = spotlight.envelopes();
        assertThat(copies).hasSize(1);
        ReceivedEnvelope copy = copies.get(0);
        assertThat(copy.path()).isEqualTo("/stream");
        assertThat(copy.requestHeader("Content-Type")).isEqualTo("application/x-sentry-envelope");
        assertThat(copy.requestHeader("X-Sentry-Auth")).as("the sidecar gets no key").isNull();
        assertThat(copy.event().get("event_id").getAsString()).isEqualTo(id);
        EventSchema.assertValid(copy.event());
    }

    @Test
    void withoutADsnTheSidecarAloneGetsTheEvents() {
        init(o -> o.spotlight(true).spotlightUrl(sidecar()));
        assertThat(Sentry.isEnabled()).as("Spotlight alone runs a client").isTrue();

        String id = Sentry.captureMessage("local only");
        Sentry.close();

        assertThat(eventIds(spotlight)).as("close waits for the copy").containsExactly(id);
        assertThat(sentry.envelopes()).isEmpty();
    }

    @Test
    void aSidecarThatIsNotRunningCostsSentryNothingAndIsSaidOnce() {
        spotlight.down();
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            init(o -> o.dsn(sentry.dsn()).spotlightUrl(sidecar()).debug(true));
            for (int i = 0; i < 5; i++) {
                Sentry.captureMessage("while the sidecar is away " + i);
            }
            assertThat(Sentry.flush(WAIT)).as("flush answers for Sentry").isTrue();
            assertThat(sentry.events()).hasSize(5);
        } finally {
            Sentry.close();
            System.setErr(original);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(said.split("cannot reach the sidecar", -1)).as(said).hasSize(2);
    }
}
