/**
 * Internal: events and client reports as Sentry's JSON, written with streaming writers (no reflection,
 * no intermediate tree): events with {@code JsonOut} straight into UTF-8, reusing the JSON of
 * breadcrumbs and frames already written; the small envelope and client-report headers with Gson's
 * writer. Not API.
 */
package org.sentry4j.internal.json;
