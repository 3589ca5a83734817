package org.sentry4j.internal.json;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * JSON written once per key and reused: every event repeats its scope's breadcrumbs, and the same code
 * fails the same way again and again, so most of an event's breadcrumbs and frames were in an earlier
 * one. Cleared when full, which costs one re-write of each key still in use. One lock per list written.
 */
final class FragmentCache<K> {
    private final Map<K, byte[]> fragments;
    private final int capacity;
    private final BiConsumer<JsonOut, K> writer;

    /** @param empty identity or value keys, as the key's type needs */
    FragmentCache(Map<K, byte[]> empty, int capacity, BiConsumer<JsonOut, K> writer) {
        this.fragments = empty;
        this.capacity = capacity;
        this.writer = writer;
    }

    /** Writes each key's JSON into {@code out} as one array element. */
    synchronized void writeAll(JsonOut out, List<? extends K> keys) {
        if (fragments.size() > capacity) {
            fragments.clear();
        }
        for (K key : keys) {
            byte[] json = fragments.get(key);
            if (json == null) {
                json = written(o -> writer.accept(o, key));
                fragments.put(key, json);
            }
            out.jsonValue(json);
        }
    }

    /** One JSON value written with a fresh writer, as bytes to insert later. */
    static byte[] written(Consumer<JsonOut> part) {
        JsonOut out = new JsonOut(256);
        part.accept(out);
        return out.toBytes();
    }
}
