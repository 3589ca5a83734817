package org.sentry4j;

/** Last look at an event before it is sent: edit it, return another, or return null to drop it. */
@FunctionalInterface
public interface BeforeSendCallback {
    SentryEvent execute(SentryEvent event, Hint hint);
}
