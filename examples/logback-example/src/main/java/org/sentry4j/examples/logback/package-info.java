/**
 * An order service in miniature that reports to Sentry through SLF4J and Logback alone, configured in
 * logback.xml: error logs as events, info logs as breadcrumbs, MDC as tags, the user and the scope
 * carried into a thread pool, and a thread killed by an uncaught exception.
 */
package org.sentry4j.examples.logback;
