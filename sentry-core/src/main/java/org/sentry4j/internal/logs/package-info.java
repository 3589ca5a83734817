/**
 * Internal: structured logs (Sentry Logs) between the logging thread and the transport. A
 * {@link org.sentry4j.internal.logs.LogEntry} is what the logging thread copies; the
 * {@link org.sentry4j.internal.logs.LogQueue} holds entries under a hard cap; the
 * {@link org.sentry4j.internal.logs.LogBatcher}, a chore of the SDK's worker, turns them into batches of
 * {@code log} envelope items. Not API; may change in any release.
 */
package org.sentry4j.internal.logs;
