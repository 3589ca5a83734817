package org.sentry4j.internal.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import com.google.gson.stream.JsonWriter;
import org.sentry4j.internal.json.StringBuilderWriter;
import org.sentry4j.internal.SdkInfo;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/**
 * Counts what was dropped and why (protocol section 9). Counts waiting to be reported are drained into
 * one {@code client_report} item that rides along the next envelope; totals are kept for the stats.
 */
public final class ClientReports {
    private final ConcurrentHashMap<String, LongAdder> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> totals = new ConcurrentHashMap<>();
    private final Clock clock;
    private final boolean enabled;

    public ClientReports(Clock clock, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
    }

    public void record(DiscardReason reason, String category, long quantity) {
        if (quantity <= 0) {
            return;
        }
        totals.computeIfAbsent(reason.wireName(), k -> new LongAdder()).add(quantity);
        if (enabled) {
            pending.computeIfAbsent(reason.wireName() + "\u0000" + category, k -> new LongAdder()).add(quantity);
        }
    }

    /** Counts every item of an envelope that was not delivered (a client report itself is not counted). */
    public void recordItems(Envelope envelope, DiscardReason reason) {
        for (EnvelopeItem item : envelope.items()) {
            if (!"client_report".equals(item.type())) {
                record(reason, item.category(), 1);
            }
        }
    }

    /** The pending counts as an envelope of their own, resetting them; null when there is nothing. */
    public Envelope drainAlone() {
        EnvelopeItem report = drain();
        return report == null ? null : Envelope.of(null, SdkInfo.NAME, SdkInfo.VERSION, List.of(report));
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The pending counts as one item, resetting them; null when there is nothing to report. */
    public EnvelopeItem drain() {
        if (pending.isEmpty()) {
            return null;
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String key : pending.keySet()) {
            LongAdder adder = pending.remove(key);
            if (adder != null && adder.sum() > 0) {
                counts.merge(key, adder.sum(), Long::sum);
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        StringBuilderWriter out = new StringBuilderWriter(256);
        try (JsonWriter json = new JsonWriter(out)) {
            json.beginObject();
            json.name("timestamp").value(clock.instant().toString());
            json.name("discarded_events").beginArray();
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                String[] parts = e.getKey().split("\u0000", 2);
                json.beginObject().name("reason").value(parts[0]).name("category").value(parts[1])
                        .name("quantity").value(e.getValue()).endObject();
            }
            json.endArray().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return EnvelopeItem.clientReport(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Everything dropped so far, by reason. */
    public Map<String, Long> totals() {
        Map<String, Long> out = new TreeMap<>();
        totals.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
