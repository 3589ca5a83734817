/**
 * Internal: events and client reports as Sentry's JSON, written with a streaming writer (no reflection,
 * no intermediate tree). Not API.
 */
package org.sentry4j.internal.json;
