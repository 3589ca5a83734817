package org.sentry4j.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestClock;
import org.sentry4j.testkit.TestReceiver;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/** Builds transports against a test receiver with a test clock, and waits for what arrives. */
final class TransportFixture {
    static final Duration WAIT = Duration.ofSeconds(30);

    final TestClock clock = new TestClock();
    final ByteArrayOutputStream diagnosticsOut = new ByteArrayOutputStream();
    final Diagnostics diagnostics = new Diagnostics(true, clock,
            new PrintStream(diagnosticsOut, true, StandardCharsets.UTF_8));
    final TestReceiver receiver;
    final Path cacheDir;

    TransportFixture(TestReceiver receiver, Path cacheDir) {
        this.receiver = receiver;
        this.cacheDir = cacheDir;
    }

    SentryOptions options(Consumer<SentryOptions.Builder> tweak) {
        SentryOptions.Builder b = SentryOptions.builder().dsn(receiver.dsn()).ambientSources(false)
                .clock(clock).random(new java.util.Random(7)).cacheDir(cacheDir);
        tweak.accept(b);
        return b.build();
    }

    HttpTransport transport(Consumer<SentryOptions.Builder> tweak) {
        return new HttpTransport(options(tweak), diagnostics);
    }

    String diagnostics() {
        return diagnosticsOut.toString(StandardCharsets.UTF_8);
    }

    static Envelope event(String id) {
        String json = "{\"event_id\":\"" + id + "\",\"level\":\"error\",\"logentry\":{\"formatted\":\"boom " + id + "\"}}";
        return Envelope.of(id, "sentry4j.java", "0.0.1",
                List.of(EnvelopeItem.event(json.getBytes(StandardCharsets.UTF_8))));
    }

    static String id(int n) {
        return String.format("%032x", n);
    }

    /** Event ids in all accepted envelopes, failing on a duplicate. */
    static Set<String> eventIds(List<ReceivedEnvelope> envelopes) {
        Set<String> ids = new HashSet<>();
        for (ReceivedEnvelope e : envelopes) {
            if (e.event() != null && !ids.add(e.event().get("event_id").getAsString())) {
                throw new AssertionError("event " + e.event().get("event_id") + " arrived twice");
            }
        }
        return ids;
    }

    /**
     * Waits until {@code n} events arrived, moving the test clock on so backoff deadlines pass; fails at
     * the deadline with what {@code state} says.
     */
    Set<String> awaitEvents(int n, Supplier<String> state) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean progressed = false;
        while (true) {
            if (receiver.envelopes().size() >= n) { // cheap; parse events only when there may be enough
                Set<String> ids = eventIds(receiver.envelopes());
                if (ids.size() >= n) {
                    return ids;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + n + " events, got " + eventIds(receiver.envelopes()).size()
                        + "; " + state.get()
                        + "\n" + diagnostics());
            }
            if (!progressed) {
                clock.advance(Duration.ofSeconds(61)); // past any backoff
            }
            try {
                receiver.awaitEnvelopes(receiver.envelopes().size() + 1, Duration.ofMillis(100));
                progressed = true;
            } catch (AssertionError notYet) {
                progressed = false;
            }
        }
    }
}
