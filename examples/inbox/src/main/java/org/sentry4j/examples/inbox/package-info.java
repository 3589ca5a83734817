/**
 * The inbox: a local stand-in for a Sentry server. It accepts envelopes on 127.0.0.1, prints one readable
 * block per event and per item of structured logs (a line a log), keeps the raw (decompressed) envelopes
 * in a folder, and can refuse requests on purpose so the SDK's back-off and spooling can be watched.
 * {@link org.sentry4j.examples.inbox.Inbox} is the command-line entry point;
 * {@link org.sentry4j.examples.inbox.InboxServer} is what tests embed.
 */
package org.sentry4j.examples.inbox;
