package org.sentry4j.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;
import org.sentry4j.transport.Transport;
import org.sentry4j.transport.TransportStats;

/** A transport that keeps envelopes in memory, for tests of what the client produces. */
public final class InMemoryTransport implements Transport {
    private final List<Envelope> envelopes = new CopyOnWriteArrayList<>();
    private final Map<String, Long> discards = new TreeMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public void send(Envelope envelope) {
        envelopes.add(envelope);
    }

    @Override
    public synchronized void recordDiscard(DiscardReason reason, String category, long quantity) {
        discards.merge(reason.wireName() + ":" + category, quantity, Long::sum);
    }

    @Override
    public boolean flush(Duration timeout) {
        return true;
    }

    @Override
    public void close(Duration timeout) {
        closed.set(true);
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public TransportStats stats() {
        return new TransportStats(0, envelopes.size(), 0, Map.of(), null);
    }

    public List<Envelope> envelopes() {
        return List.copyOf(envelopes);
    }

    /** Event payloads, parsed; fails if any does not match Sentry's schema. */
    public List<JsonObject> events() {
        List<JsonObject> events = envelopes.stream()
                .flatMap(e -> e.items().stream())
                .filter(i -> i.type().equals("event"))
                .map(EnvelopeItem::payloadAsString)
                .map(s -> JsonParser.parseString(s).getAsJsonObject())
                .collect(java.util.stream.Collectors.toList());
        events.forEach(EventSchema::assertValid);
        return events;
    }

    /** The logs of every {@code log} item, in order; fails if an item breaks the log protocol ({@link LogItemShape}). */
    public List<JsonObject> logs() {
        List<JsonObject> logs = new java.util.ArrayList<>();
        for (Envelope e : envelopes()) {
            for (EnvelopeItem i : e.items()) {
                if (i.type().equals("log")) {
                    JsonObject header = new JsonObject();
                    header.addProperty("type", i.type());
                    header.addProperty("content_type", i.contentType());
                    header.addProperty("item_count", i.itemCount());
                    JsonObject payload = JsonParser.parseString(i.payloadAsString()).getAsJsonObject();
                    LogItemShape.assertValid(header, payload);
                    payload.getAsJsonArray("items").forEach(l -> logs.add(l.getAsJsonObject()));
                }
            }
        }
        return logs;
    }

    /** Discards recorded, keyed {@code reason:category}. */
    public synchronized Map<String, Long> discards() {
        return Map.copyOf(discards);
    }
}
