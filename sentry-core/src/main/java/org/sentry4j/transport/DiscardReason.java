package org.sentry4j.transport;

/** Why something was not delivered, in the vocabulary of Sentry's client reports. */
public enum DiscardReason {
    QUEUE_OVERFLOW("queue_overflow"),
    CACHE_OVERFLOW("cache_overflow"),
    RATELIMIT_BACKOFF("ratelimit_backoff"),
    NETWORK_ERROR("network_error"),
    SAMPLE_RATE("sample_rate"),
    BEFORE_SEND("before_send"),
    EVENT_PROCESSOR("event_processor"),
    SEND_ERROR("send_error"),
    INTERNAL_SDK_ERROR("internal_sdk_error");

    private final String wireName;

    DiscardReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
