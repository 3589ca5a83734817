/**
 * An order service in miniature that reports to Sentry through the Log4j2 API alone, configured in
 * log4j2.xml: error logs as events, info logs as breadcrumbs, ThreadContext as tags, the user and the
 * scope carried into a thread pool, and a thread killed by an uncaught exception.
 */
package org.sentry4j.examples.log4j2;
