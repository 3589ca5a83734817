/**
 * The Logback appender: {@link org.sentry4j.logback.SentryAppender} turns error logs into Sentry events
 * and lower logs into breadcrumbs, sharing the one client of {@link org.sentry4j.Sentry}.
 * {@link org.sentry4j.logback.AppenderSettings} carries its options as Logback's XML gives them.
 */
package org.sentry4j.logback;
