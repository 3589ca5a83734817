package org.sentry4j.internal.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
    // Indexed by reason, keyed by category: counting allocates nothing (it runs for every dropped event).
    // AtomicLong, drained with getAndSet(0): exact under concurrent adds (LongAdder.sumThenReset is
    // documented as not atomic then). Entries are never removed: a thread that has just looked one up
    // would add to a counter no drain reads any more.
    private final ConcurrentHashMap<String, AtomicLong>[] pending = newTable();
    private final LongAdder[] totals = new LongAdder[DiscardReason.values().length];
    private final Clock clock;
    private final boolean enabled;

    public ClientReports(Clock clock, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
        for (int i = 0; i < totals.length; i++) {
            totals[i] = new LongAdder();
        }
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentHashMap<String, AtomicLong>[] newTable() {
        ConcurrentHashMap<String, AtomicLong>[] table = new ConcurrentHashMap[DiscardReason.values().length];
        for (int i = 0; i < table.length; i++) {
            table[i] = new ConcurrentHashMap<>();
        }
        return table;
    }

    public void record(DiscardReason reason, String category, long quantity) {
        if (quantity <= 0) {
            return;
        }
        if (!category.endsWith("_byte")) { // the stats count items; a log_byte quantity is bytes
            totals[reason.ordinal()].add(quantity);
        }
        if (enabled) {
            pending[reason.ordinal()].computeIfAbsent(category, k -> new AtomicLong()).addAndGet(quantity);
        }
    }

    /** Counts every item of an envelope that was not delivered (a client report itself is not counted). */
    public void recordItems(Envelope envelope, DiscardReason reason) {
        for (EnvelopeItem item : envelope.items()) {
            if (!"client_report".equals(item.type())) {
                recordItem(reason, item);
            }
        }
    }

    /**
     * Counts one item that was not delivered: as many records as it holds (a {@code log} item's
     * {@code item_count}) in its category, and for a {@code log} item its size as {@code log_byte}.
     */
    public void recordItem(DiscardReason reason, EnvelopeItem item) {
        record(reason, item.category(), item.quantity());
        if ("log".equals(item.type())) {
            record(reason, "log_byte", item.length());
        }
    }

    /** The pending counts as an envelope of their own, resetting them; null when there is nothing. */
    public Envelope drainAlone() {
        EnvelopeItem report = drain();
        return report == null ? null : Envelope.of(null, SdkInfo.NAME, SdkInfo.VERSION, List.of(report));
    }

    public boolean hasPending() {
        for (ConcurrentHashMap<String, AtomicLong> byCategory : pending) {
            for (AtomicLong count : byCategory.values()) {
                if (count.get() > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The pending counts as one item, resetting them; null when there is nothing to report. */
    public EnvelopeItem drain() {
        if (!hasPending()) {
            return null;
        }
        Map<String, Long> counts = new TreeMap<>();
        for (DiscardReason reason : DiscardReason.values()) {
            ConcurrentHashMap<String, AtomicLong> byCategory = pending[reason.ordinal()];
            for (Map.Entry<String, AtomicLong> e : byCategory.entrySet()) {
                long n = e.getValue().getAndSet(0);
                if (n > 0) {
                    counts.merge(reason.wireName() + "\u0000" + e.getKey(), n, Long::sum);
                }
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

    /**
     * Counts a drained report again: the envelope it rode on was not accepted, so the server never saw
     * it. Only what waits to be reported grows; the totals counted it already.
     */
    public void restore(EnvelopeItem report) {
        if (!enabled) {
            return;
        }
        try {
            JsonArray all = JsonParser.parseString(report.payloadAsString()).getAsJsonObject()
                    .getAsJsonArray("discarded_events");
            for (JsonElement element : all) {
                JsonObject d = element.getAsJsonObject();
                DiscardReason reason = byWireName(d.get("reason").getAsString());
                if (reason != null) {
                    pending[reason.ordinal()].computeIfAbsent(d.get("category").getAsString(), k -> new AtomicLong())
                            .addAndGet(d.get("quantity").getAsLong());
                }
            }
        } catch (RuntimeException e) { // our own JSON; should it ever be unreadable, these counts are lost
            return;
        }
    }

    private static DiscardReason byWireName(String name) {
        for (DiscardReason r : DiscardReason.values()) {
            if (r.wireName().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** Everything dropped so far, by reason. */
    public Map<String, Long> totals() {
        Map<String, Long> out = new TreeMap<>();
        for (DiscardReason reason : DiscardReason.values()) {
            long n = totals[reason.ordinal()].sum();
            if (n > 0) {
                out.put(reason.wireName(), n);
            }
        }
        return out;
    }
}
