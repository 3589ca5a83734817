/**
 * The front-end API: what an adapter for a logging framework (Logback, Log4j2, java.util.logging, …)
 * needs of the core, and all it may use besides {@link org.sentry4j.Sentry}'s application API.
 * <ul>
 *   <li>{@link org.sentry4j.logging.LogFrontEnd}: one per appender, built from its thresholds and
 *       context tags; {@code append(event)} takes one framework event, decides (thresholds, records the
 *       SDK made, admission) and captures it as an event and/or breadcrumb and/or structured log (the
 *       running client's {@code logsEnabled} and {@code minimumLogLevel}), and says what it did;</li>
 *   <li>{@link org.sentry4j.logging.LogEventReader}: the adapter's part, how to read its framework's
 *       events; {@link org.sentry4j.logging.LogLevel} the common severity scale;</li>
 *   <li>{@link org.sentry4j.logging.LogRecord}: a framework's record, snapshotted on the logging thread
 *       (message, template and parameters, logger, thread, level, time, context map, key-values,
 *       throwable, origin), which {@link org.sentry4j.logging.LogRecordMapper} turns into an event on the
 *       SDK's worker;</li>
 *   <li>helpers for the snapshot: {@link org.sentry4j.logging.LogArguments},
 *       {@link org.sentry4j.logging.CallerStack}, {@link org.sentry4j.logging.ThrowableReader},
 *       {@link org.sentry4j.logging.LogMessageFormatter}.</li>
 * </ul>
 */
package org.sentry4j.logging;
