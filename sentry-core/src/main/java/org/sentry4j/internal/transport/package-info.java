/**
 * Internal: the HTTP transport — its memory queue and sender threads, the HTTP request, rate limits,
 * backoff, the disk spool and its replay, and the client reports it keeps. Not API.
 */
package org.sentry4j.internal.transport;
