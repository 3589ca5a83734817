package org.sentry4j;

/**
 * Last look at a structured log before it is batched for sending: edit it, or return null to drop it
 * (counted as {@code before_send} under {@code log_item} in the client report). Runs on the SDK's
 * worker thread; logs made from inside it are ignored.
 */
@FunctionalInterface
public interface BeforeSendLogCallback {
    SentryLog execute(SentryLog log);
}
