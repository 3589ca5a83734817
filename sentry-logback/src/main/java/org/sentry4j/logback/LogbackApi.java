package org.sentry4j.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.spi.MDCAdapter;

/**
 * What differs between the Logback lines the appender runs on: 1.2 (with SLF4J 1.7) has no
 * {@code getInstant}, marker lists, key-values or per-context MDC adapter; 1.3 and later have them. Asked
 * once, answered without reflection per log. A method of the newer API is only called where it
 * exists; the JVM resolves a call only when it runs.
 */
final class LogbackApi {
    /** Logback 1.3 or later (SLF4J 2): nanosecond instants, marker lists, key-values. */
    static final boolean MODERN = hasMethod(ILoggingEvent.class, "getInstant");
    /** Logback's {@code LoggerContext.getMDCAdapter()}, in later 1.3/1.4/1.5 releases. */
    private static final boolean CONTEXT_MDC = hasMethod(LoggerContext.class, "getMDCAdapter");

    private LogbackApi() {
    }

    static Instant instant(ILoggingEvent event) {
        return MODERN ? event.getInstant() : Instant.ofEpochMilli(event.getTimeStamp());
    }

    @SuppressWarnings("deprecation") // getMarker(): the only one Logback 1.2 has
    static List<Marker> markers(ILoggingEvent event) {
        if (MODERN) {
            return event.getMarkerList();
        }
        Marker marker = event.getMarker();
        return marker == null ? null : Collections.singletonList(marker);
    }

    /** SLF4J 2 key-values as a map, or null where there are none (or Logback 1.2 cannot have them). */
    static Map<String, Object> keyValues(ILoggingEvent event) {
        return MODERN ? Slf4jKeyValues.of(event) : null;
    }

    /** The MDC the context's records are made from. */
    static MDCAdapter mdc(LoggerContext context) {
        return CONTEXT_MDC ? context.getMDCAdapter() : MDC.getMDCAdapter();
    }

    private static boolean hasMethod(Class<?> type, String name) {
        try {
            type.getMethod(name);
            return true;
        } catch (NoSuchMethodException | LinkageError | SecurityException e) {
            return false;
        }
    }
}
