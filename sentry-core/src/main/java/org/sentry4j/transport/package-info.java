/**
 * How events leave the process: the {@link org.sentry4j.transport.Transport} contract, the envelope
 * wire format, the DSN, and the counters a transport keeps. The HTTP implementation lives in
 * {@code org.sentry4j.internal.transport}.
 */
package org.sentry4j.transport;
