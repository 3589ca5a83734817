/**
 * The java.util.logging handler: {@link org.sentry4j.jul.SentryHandler} hands JUL records to the core's
 * front-end API ({@link org.sentry4j.logging.LogFrontEnd}), which turns severe ones into Sentry events
 * and lower ones into breadcrumbs on the one client of {@link org.sentry4j.Sentry}. It is configured from
 * {@code logging.properties} ({@code Settings}) or in code ({@link org.sentry4j.jul.SentryHandler.Builder});
 * {@code JulEvents} reads a JUL record for the front-end, with its message formatted as JUL does
 * ({@code JulMessage}). Nothing here uses the core's internals.
 */
package org.sentry4j.jul;
