/**
 * The SDK's API: {@link org.sentry4j.Sentry} for applications (init, captures, scopes, breadcrumbs,
 * flush and close), {@link org.sentry4j.SentryOptions} for configuration, the values an event is made
 * of ({@link org.sentry4j.SentryEvent}, {@link org.sentry4j.Breadcrumb}, {@link org.sentry4j.User},
 * {@link org.sentry4j.Scope}) and the callbacks that see them; {@link org.sentry4j.SentryLogger}
 * ({@code Sentry.logger()}) and {@link org.sentry4j.SentryLog} for structured logs; {@code LogCapture}
 * is the running client's side of the front-end API ({@link org.sentry4j.logging.LogFrontEnd}). It owns
 * the hub — the current client and its scopes — which {@code init} and {@code close} replace as a
 * whole; the work behind it lives in {@code org.sentry4j.internal}.
 */
package org.sentry4j;
