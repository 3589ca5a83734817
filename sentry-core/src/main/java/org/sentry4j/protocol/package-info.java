/**
 * The parts of an event that Sentry's protocol defines and the SDK derives for you: exceptions with
 * their stack frames and mechanism, threads, and the log message. Immutable values; {@code beforeSend}
 * may replace them on the {@link org.sentry4j.SentryEvent}.
 */
package org.sentry4j.protocol;
