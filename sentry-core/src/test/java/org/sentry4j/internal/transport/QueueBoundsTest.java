package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.WAIT;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/** The memory queue's byte bound is soft for a single envelope: one bigger than it still goes through. */
class QueueBoundsTest extends TransportTestBase {
    private static final long MAX_QUEUE_BYTES = 64 * 1024;

    /** An event of about 100 KB, more than {@link #MAX_QUEUE_BYTES}. */
    private static Envelope bigEvent(String id) {
        String json = "{\"event_id\":\"" + id + "\",\"level\":\"error\",\"logentry\":{\"formatted\":\""
                + "x".repeat(100_000) + "\"}}";
        return Envelope.of(id, "sentry4j.java", "0.0.1", List.of(EnvelopeItem.event(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anEnvelopeBiggerThanTheQueueByteBoundIsDelivered() {
        transport = fx.transport(o -> o.maxQueueBytes(MAX_QUEUE_BYTES));
        Envelope big = bigEvent(id(1));
        assertThat(big.payloadBytes()).isGreaterThan(MAX_QUEUE_BYTES);

        transport.send(big);
        transport.send(event(id(2)));

        assertThat(fx.awaitEvents(2, () -> transport.stats().toString())).containsExactlyInAnyOrder(id(1), id(2));
        assertThat(transport.stats().dropped()).isEmpty();
    }

    @Test
    void anEnvelopeBiggerThanTheQueueByteBoundIsSpooledAndReplayedWithoutBlockingTheOnesBehindIt() {
        receiver.down();
        HttpTransport first = fx.transport(o -> o.maxQueueBytes(MAX_QUEUE_BYTES));
        first.send(bigEvent(id(1)));
        first.send(event(id(2)));
        assertThat(first.flush(WAIT)).isTrue();
        first.close(Duration.ofSeconds(2));
        assertThat(first.stats().spooled()).as(first.stats().toString()).isEqualTo(2);
        assertThat(first.stats().dropped()).isEmpty();

        receiver.up();
        transport = fx.transport(o -> o.maxQueueBytes(MAX_QUEUE_BYTES));

        assertThat(fx.awaitEvents(2, () -> transport.stats().toString())).containsExactlyInAnyOrder(id(1), id(2));
    }
}
