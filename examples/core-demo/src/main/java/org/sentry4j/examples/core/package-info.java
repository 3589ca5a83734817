/**
 * An order service in miniature that reports to Sentry through the core API alone: init, scope (user,
 * tags), breadcrumbs, captured exceptions with causes, messages, scope carried into a thread pool, close.
 */
package org.sentry4j.examples.core;
