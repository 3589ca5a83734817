/**
 * Internal: Spotlight — a copy of every envelope for Sentry's local development sidecar, sent by one
 * thread of its own, beside the transport to Sentry (or alone, when there is no DSN). Not API.
 */
package org.sentry4j.internal.spotlight;
