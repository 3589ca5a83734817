package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.WAIT;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestReceiver;
import org.sentry4j.testkit.TestReceiver.Response;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

class RateLimitTest extends TransportTestBase {
    final AtomicInteger requests = new AtomicInteger();

    private static Envelope checkIn(String id) {
        String json = "{\"check_in_id\":\"" + id + "\",\"monitor_slug\":\"nightly\",\"status\":\"ok\"}";
        return Envelope.of(null, "sentry4j.java", "0.0.1", List.of(new EnvelopeItem("check_in", "application/json",
                json.getBytes(StandardCharsets.UTF_8))));
    }

    private static long discarded(ReceivedEnvelope envelope, String reason, String category) {
        JsonObject report = envelope.clientReport();
        if (report == null) {
            return 0;
        }
        long n = 0;
        JsonArray all = report.getAsJsonArray("discarded_events");
        for (int i = 0; i < all.size(); i++) {
            JsonObject d = all.get(i).getAsJsonObject();
            if (reason.equals(d.get("reason").getAsString()) && category.equals(d.get("category").getAsString())) {
                n += d.get("quantity").getAsLong();
            }
        }
        return n;
    }

    @Test
    void retryAfterOn429StopsEverythingUntilTheDeadlineAndDropsAreReported() {
        receiver.respondWith(e -> requests.incrementAndGet() == 1
                ? Response.status(429).header("Retry-After", "60") : Response.status(200));
        transport = fx.transport(o -> { });
        transport.send(event(id(1)));
        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(requests.get()).isEqualTo(1);

        for (int i = 2; i <= 4; i++) {
            transport.send(event(id(i)));
        }
        transport.send(checkIn("c1"));
        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(requests.get()).as("nothing sent while limited, not even the client report").isEqualTo(1);

        fx.clock.advance(Duration.ofSeconds(61));
        transport.send(event(id(5)));
        ReceivedEnvelope next = receiver.awaitEnvelopes(1, WAIT).get(0);

        assertThat(next.event().get("event_id").getAsString()).isEqualTo(id(5));
        assertThat(discarded(next, "ratelimit_backoff", "error")).isEqualTo(3);
        assertThat(discarded(next, "ratelimit_backoff", "monitor")).isEqualTo(1);
        assertThat(transport.stats().dropped()).containsEntry("ratelimit_backoff", 4L)
                .doesNotContainKey("send_error");
    }

    @Test
    void whileTheRateLimitStateIsUnknownOneProbeGoesAloneAndItsA429StopsTheRest() {
        AtomicReference<HttpTransport> current = new AtomicReference<>();
        AtomicInteger limited = new AtomicInteger();
        AtomicBoolean limiting = new AtomicBoolean();
        receiver.respondWith(e -> {
            if (!limiting.get()) {
                return Response.status(200);
            }
            if (e.event() != null && limited.incrementAndGet() <= 2) {
                // Answer each window's first request only once every sender holds an envelope: without
                // the gate they would all be sending now.
                awaitHolding(current.get(), HttpTransport.SENDERS);
            }
            return Response.status(429).header("Retry-After", "60");
        });
        transport = fx.transport(o -> { });
        current.set(transport);
        for (int i = 0; i < 50; i++) { // a healthy start: the senders go in parallel, then the flow goes idle
            transport.send(event(id(i)));
        }
        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(TransportFixture.eventIds(receiver.awaitEnvelopes(50, WAIT))).hasSize(50);

        limiting.set(true); // the server starts limiting while nothing is sent: the state is unknown
        for (int i = 50; i < 100; i++) {
            transport.send(event(id(i)));
        }
        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(limited.get()).as("one probe after the idle time; its 429 drops the rest").isEqualTo(1);
        assertThat(transport.stats().dropped()).containsEntry("ratelimit_backoff", 49L);

        fx.clock.advance(Duration.ofSeconds(61)); // the limit is over: the state is unknown again
        for (int i = 100; i < 150; i++) {
            transport.send(event(id(i)));
        }
        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(limited.get()).as("one request in the next window too").isEqualTo(2);

        limiting.set(false);
        fx.clock.advance(Duration.ofSeconds(61));
        for (int i = 150; i < 200; i++) {
            transport.send(event(id(i)));
        }
        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(TransportFixture.eventIds(receiver.awaitEnvelopes(100, WAIT))).hasSize(100);
    }

    private static void awaitHolding(HttpTransport t, int senders) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (t.holding() < senders && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000L);
        }
        assertThat(t.holding()).isEqualTo(senders);
    }

    @Test
    void aCategoryLimitStopsOnlyThatCategoryWhileOthersFlow() {
        receiver.respondWith(e -> requests.incrementAndGet() == 1
                ? Response.status(200).header("X-Sentry-Rate-Limits", "60:error;transaction:key, 5:foo:organization")
                : Response.status(200));
        transport = fx.transport(o -> { });
        transport.send(event(id(1)));
        receiver.awaitEnvelopes(1, WAIT);
        assertThat(transport.flush(WAIT)).isTrue();

        transport.send(event(id(2)));
        transport.send(checkIn("c1"));
        transport.send(event(id(3)));
        transport.send(checkIn("c2"));
        assertThat(transport.flush(WAIT)).isTrue();

        List<ReceivedEnvelope> got = receiver.awaitEnvelopes(3, WAIT);
        assertThat(TransportFixture.eventIds(got)).containsExactly(id(1));
        assertThat(got.stream().filter(e -> e.items().stream().anyMatch(i -> i.type().equals("check_in"))))
                .hasSize(2);
        long reported = got.stream().mapToLong(e -> discarded(e, "ratelimit_backoff", "error")).sum();
        // the report rides on a check-in, or goes alone at flush: either way it is not rate limited
        if (reported == 0) {
            reported = receiver.awaitEnvelopes(4, WAIT).stream()
                    .mapToLong(e -> discarded(e, "ratelimit_backoff", "error")).sum();
        }
        assertThat(reported).isEqualTo(2);

        fx.clock.advance(Duration.ofSeconds(60));
        transport.send(event(id(4)));
        receiver.awaitEvent(e -> e.event().get("event_id").getAsString().equals(id(4)), WAIT);
    }

    @Test
    void parsesTheRateLimitGrammar() {
        org.sentry4j.testkit.TestClock clock = new org.sentry4j.testkit.TestClock();
        RateLimits limits = new RateLimits(clock);
        limits.update(200, "60:transaction:key, 2700:default;error;security:organization", null);
        assertThat(limits.isLimited("error")).isTrue();
        assertThat(limits.isLimited("transaction")).isTrue();
        assertThat(limits.isLimited("monitor")).isFalse();
        assertThat(limits.isLimited("internal")).isFalse();
        clock.advance(Duration.ofSeconds(61));
        assertThat(limits.isLimited("transaction")).isFalse();
        assertThat(limits.isLimited("error")).isTrue();

        limits.update(200, "1.5:unknown_thing:key", null);
        assertThat(limits.allLimited()).as("a limit of only unknown categories is ignored").isFalse();
        limits.update(200, " 10::organization", null);
        assertThat(limits.allLimited()).isTrue();
        assertThat(limits.isLimited("internal")).as("the all-limit covers client reports").isTrue();

        RateLimits plain = new RateLimits(clock);
        plain.update(429, null, null);
        clock.advance(Duration.ofSeconds(59));
        assertThat(plain.allLimited()).as("429 without headers: 60 s").isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(plain.allLimited()).isFalse();
        plain.update(429, null, "2");
        plain.update(200, "1:error:key", null);
        clock.advance(Duration.ofSeconds(1));
        assertThat(plain.allLimited()).as("overlapping limits keep the longer").isTrue();
        assertThat(plain.isLimited("error")).isTrue();
    }
}
