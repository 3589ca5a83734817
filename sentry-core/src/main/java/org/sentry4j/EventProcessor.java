package org.sentry4j;

/**
 * Enriches or filters events on the SDK's worker thread, before {@code beforeSend}. Integrations
 * register these; returning null drops the event (counted as {@code event_processor}).
 */
@FunctionalInterface
public interface EventProcessor {
    SentryEvent process(SentryEvent event, Hint hint);
}
