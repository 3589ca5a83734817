package org.sentry4j.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * SLF4J 2's key-values of a record ({@code log.atInfo().addKeyValue(…)}). Its own class, loaded only on
 * Logback 1.3 or later ({@link LogbackApi#MODERN}): SLF4J 1.7 has no {@code KeyValuePair}.
 */
final class Slf4jKeyValues {
    private Slf4jKeyValues() {
    }

    /** The pairs with keys, values snapshotted; null when there are none. */
    static Map<String, Object> of(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs == null || pairs.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>(pairs.size() * 2);
        for (KeyValuePair kv : pairs) {
            if (kv != null && kv.key != null) {
                out.put(kv.key, LogbackEvents.snapshot(kv.value));
            }
        }
        return out.isEmpty() ? null : out;
    }
}
