/**
 * Internal: the client and its capture pipeline — what happens between {@code Sentry.capture*} on the
 * application's thread and the transport. Not API; may change in any release.
 */
package org.sentry4j.internal;
