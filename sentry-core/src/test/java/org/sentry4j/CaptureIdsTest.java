package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.logging.LogRecord;
import org.sentry4j.logging.LogRecordMapper;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.InMemoryTransport;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestClock;
import org.sentry4j.testkit.TestReceiver;

/** The id a capture returns names the one event that arrives, and a capture never changes the caller's event. */
class CaptureIdsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TestReceiver receiver;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
    }

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    private void init(Consumer<SentryOptions.Builder> more) {
        Sentry.init(o -> {
            o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false).sendClientReports(false);
            more.accept(o);
        });
    }

    private JsonObject arrived(String id) {
        JsonObject event = receiver.awaitEvent(e -> id.equals(e.eventString("event_id")), WAIT).event();
        EventSchema.assertValid(event);
        return event;
    }

    private static List<String> breadcrumbMessages(JsonObject event) {
        return event.getAsJsonObject("breadcrumbs").getAsJsonArray("values").asList().stream()
                .map(b -> b.getAsJsonObject().get("message").getAsString()).collect(Collectors.toList());
    }

    @Test
    void theSameEventCapturedTwiceArrivesTwiceWithDistinctIdsAndTheScopeAppliedOnceEach() {
        init(o -> { });
        Sentry.addBreadcrumb("from the scope");
        SentryEvent event = new SentryEvent();
        event.setMessage("reused");

        String first = Sentry.captureEvent(event);
        String second = Sentry.captureEvent(event);

        assertThat(first).matches("[0-9a-f]{32}").isNotEqualTo(second);
        assertThat(second).matches("[0-9a-f]{32}");
        assertThat(breadcrumbMessages(arrived(first))).containsExactly("from the scope");
        assertThat(breadcrumbMessages(arrived(second))).containsExactly("from the scope");
        assertThat(event.getEventId()).as("the caller's object is left alone").isNull();
        assertThat(event.getBreadcrumbs()).isEmpty();
        assertThat(event.getContexts()).isEmpty();
    }

    @Test
    void changesToTheEventAfterCaptureDoNotReachTheCapturedOne() throws Exception {
        CountDownLatch inBeforeSend = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        init(o -> o.beforeSend((e, hint) -> {
            inBeforeSend.countDown();
            try {
                changed.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return e;
        }));
        SentryEvent event = new SentryEvent();
        event.setMessage("before");
        event.setTag("stage", "captured");

        String id = Sentry.captureEvent(event);
        assertThat(inBeforeSend.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        event.setMessage("after");
        event.setTag("stage", "changed later");
        event.getFingerprint().add("later");
        changed.countDown();

        JsonObject sent = arrived(id);
        assertThat(sent.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("before");
        assertThat(sent.getAsJsonObject("tags").get("stage").getAsString()).isEqualTo("captured");
        assertThat(sent.has("fingerprint")).isFalse();
    }

    @Test
    void anExplicitIdIsKeptWhenItIs32HexCharactersAndReplacedOtherwise() {
        init(o -> { });
        String explicit = "0123456789ABCDEF0123456789abcdef";
        for (String given : List.of(explicit, "not-an-id", "0123456789abcdef0123456789abcdeg",
                "0123456789abcdef0123456789abcdef0", Sentry.EMPTY_ID,
                "0123456789abcdef0123456789abcde\u0663")) { // an Arabic-Indic digit is no hex digit
            SentryEvent event = new SentryEvent();
            event.setMessage(given);
            event.setEventId(given);

            String id = Sentry.captureEvent(event);

            assertThat(id).matches("[0-9a-f]{32}").isNotEqualTo(Sentry.EMPTY_ID);
            if (given.equals(explicit)) {
                assertThat(id).isEqualTo(explicit.toLowerCase(java.util.Locale.ROOT));
            } else {
                assertThat(id).as(given).isNotEqualTo(given);
            }
            assertThat(arrived(id).getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo(given);
        }
    }

    @Test
    void aReplacementEventFromBeforeSendCarriesTheReturnedId() {
        init(o -> o.beforeSend((event, hint) -> {
            SentryEvent replacement = new SentryEvent();
            replacement.setMessage("replaced " + event.getMessage().formatted());
            if (event.getMessage().formatted().equals("own id")) {
                replacement.setEventId("ffffffffffffffffffffffffffffffff");
            }
            return replacement;
        }));

        String plain = Sentry.captureMessage("plain");
        String ownId = Sentry.captureMessage("own id");

        assertThat(arrived(plain).getAsJsonObject("logentry").get("formatted").getAsString())
                .isEqualTo("replaced plain");
        assertThat(arrived(ownId).getAsJsonObject("logentry").get("formatted").getAsString())
                .isEqualTo("replaced own id");
        assertThat(receiver.envelopes().stream().map(e -> e.header().get("event_id").getAsString()))
                .containsExactlyInAnyOrder(plain, ownId);
    }

    @Test
    void anAdmittedLogEventHadItsOneDrawAndIsNotSampledAgain() {
        InMemoryTransport transport = new InMemoryTransport();
        // Draws, in order: 0.25 (< 0.5: admitted), 0.75 (dropped). A second draw for the admitted one
        // would take the 0.75 and drop it.
        double[] draws = {0.25, 0.75};
        int[] next = new int[1];
        java.util.Random scripted = new java.util.Random() {
            @Override
            public double nextDouble() {
                return draws[next[0]++];
            }
        };
        init(o -> o.sampleRate(0.5).random(scripted).transportFactory(opts -> transport));
        LogRecordMapper mapper = new LogRecordMapper("test", Set.of());

        assertThat(LogCapture.admitEvent()).isTrue();
        assertThat(LogCapture.queueAdmitted(LogRecord.builder().level(SentryLevel.ERROR)
                .message("kept", "kept", List.of()).build(), mapper)).isTrue();
        assertThat(LogCapture.admitEvent()).isFalse();

        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(transport.events()).hasSize(1);
        assertThat(next[0]).as("draws taken").isEqualTo(2);
        assertThat(transport.discards()).containsEntry("sample_rate:error", 1L);
    }

    @Test
    void sampledOutCapturesReturnTheEmptyIdLeaveLastEventIdAndAreCountedAsSampleRate() {
        init(o -> { });
        String kept = Sentry.captureMessage("kept");
        assertThat(Sentry.lastEventId()).isEqualTo(kept);
        Sentry.close();
        InMemoryTransport transport = new InMemoryTransport();
        init(o -> o.sampleRate(0.0).transportFactory(opts -> transport));
        SentryEvent event = new SentryEvent();
        event.setMessage("event");

        assertThat(Sentry.captureMessage("message")).isEqualTo(Sentry.EMPTY_ID);
        assertThat(Sentry.captureException(new IllegalStateException("error"))).isEqualTo(Sentry.EMPTY_ID);
        assertThat(Sentry.captureEvent(event)).isEqualTo(Sentry.EMPTY_ID);
        assertThat(LogCapture.admitEvent()).as("a log record").isFalse();

        assertThat(Sentry.lastEventId()).isEqualTo(kept);
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(transport.events()).isEmpty();
        assertThat(transport.discards()).containsEntry("sample_rate:error", 4L);
        assertThat(event.getEventId()).isNull();
    }

    @Test
    void sampledOutCapturesAreInTheClientReportSentToSentry() {
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false).sampleRate(0.0));
        Sentry.captureMessage("a");
        Sentry.captureMessage("b");
        Sentry.close(); // sends what is pending, the client report included

        ReceivedEnvelope report = receiver.awaitEnvelopes(1, WAIT).get(0);
        assertThat(report.clientReport().toString()).contains("\"reason\":\"sample_rate\"")
                .contains("\"category\":\"error\"").contains("\"quantity\":2");
    }

    @Test
    void sampledInCapturesReturnTheIdOfTheEventThatArrives() {
        init(o -> o.sampleRate(0.5).random(new java.util.Random(11)));
        int returned = 0;
        for (int i = 0; i < 40; i++) {
            String id = Sentry.captureMessage("m" + i);
            if (!id.equals(Sentry.EMPTY_ID)) {
                returned++;
                arrived(id);
            }
        }
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(returned).isBetween(1, 39);
        assertThat(receiver.events()).hasSize(returned);
    }

    @Test
    void anEventWithoutTimestampIsSentStampedAtCapture() {
        TestClock clock = new TestClock(Instant.parse("2026-11-25T12:00:00Z"));
        init(o -> o.clock(clock));
        SentryEvent event = new SentryEvent();
        event.setMessage("no time");
        event.setTimestamp(null);

        String id = Sentry.captureEvent(event);

        assertThat(Instant.parse(arrived(id).get("timestamp").getAsString())).isEqualTo(clock.instant());
        assertThat(event.getTimestamp()).isNull();
    }

    @Test
    void anEventWhoseTimestampBeforeSendClearedIsStillSent() {
        TestClock clock = new TestClock(Instant.parse("2026-11-25T12:00:00Z"));
        init(o -> o.clock(clock).beforeSend((event, hint) -> {
            event.setTimestamp(null);
            return event;
        }));

        String id = Sentry.captureMessage("cleared");

        assertThat(Instant.parse(arrived(id).get("timestamp").getAsString())).isEqualTo(clock.instant());
    }

    @Test
    void initClosesThePreviousClientWithinThePreviousClientsOwnShutdownTimeout() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        receiver.holdRequests(held, release, WAIT);
        try {
            init(o -> o.shutdownTimeout(Duration.ofMillis(200)).cacheEnabled(false));
            Sentry.captureMessage("held by a slow server");
            assertThat(held.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            init(o -> o.shutdownTimeout(Duration.ofMinutes(1)).cacheEnabled(false));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // Generous: the previous client's budget is 200 ms, the new one's (and the held request) far longer.
            assertThat(took).isLessThan(Duration.ofSeconds(10));
        } finally {
            release.countDown();
        }
    }
}
