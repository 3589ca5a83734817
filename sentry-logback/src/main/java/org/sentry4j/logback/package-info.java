/**
 * The Logback appender: {@link org.sentry4j.logback.SentryAppender} turns error logs into Sentry events
 * and lower logs into breadcrumbs (and, with {@code logsEnabled}, logs into Sentry Logs), sharing the one client of {@link org.sentry4j.Sentry}.
 * {@link org.sentry4j.logback.SentryAppenderElements} are its child elements, and
 * {@link org.sentry4j.logback.AppenderSettings} carries its options as Logback's XML gives them;
 * {@code ParkedLeases} keeps the client of a context's appenders across a reconfiguration.
 */
package org.sentry4j.logback;
