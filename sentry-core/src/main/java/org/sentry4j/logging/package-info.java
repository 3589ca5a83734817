/**
 * What a log record becomes, decided once for every logging framework: appenders snapshot the
 * framework's record into a {@link org.sentry4j.logging.LogRecord} on the logging thread, and
 * {@link org.sentry4j.logging.LogRecordMapper} turns it into an event on the SDK's worker.
 */
package org.sentry4j.logging;
