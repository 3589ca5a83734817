/**
 * Integrations: behaviour added to the client when it starts (uncaught exceptions, flush on exit,
 * dedupe, modules, JVM arguments, HTTP breadcrumbs) and the interface to write your own.
 */
package org.sentry4j.integration;
