/**
 * The Log4j2 appender: the {@code <Sentry>} plugin, its attributes, and the snapshot of a
 * {@code LogEvent} into the shared {@link org.sentry4j.logging.LogRecord}. What a record becomes is
 * decided in {@code org.sentry4j.logging}, the same for every logging framework.
 */
package org.sentry4j.log4j2;
