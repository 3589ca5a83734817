/**
 * Internal: the HTTP transport — its queue and sender thread, the request it sends, and the client
 * reports it keeps. Not API.
 */
package org.sentry4j.internal.transport;
