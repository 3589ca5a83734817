/**
 * An order service in miniature that reports to Sentry through java.util.logging alone, configured in
 * logging.properties: severe logs as events, info logs as breadcrumbs, a {@code {0}} pattern kept as the
 * event's template, tags set on a scope, and a thread killed by an uncaught exception.
 */
package org.sentry4j.examples.jul;
