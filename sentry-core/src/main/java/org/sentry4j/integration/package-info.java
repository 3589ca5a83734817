/**
 * Integrations: behaviour added to the client when it starts (uncaught exceptions, flush on exit,
 * dedupe, modules, JVM arguments), the interface to write your own, and the Apache HttpClient 5
 * interceptor that records HTTP breadcrumbs ({@link org.sentry4j.integration.SentryHttpBreadcrumbs}).
 */
package org.sentry4j.integration;
