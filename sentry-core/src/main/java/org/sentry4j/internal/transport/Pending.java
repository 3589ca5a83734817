package org.sentry4j.internal.transport;

import org.sentry4j.transport.Envelope;

/**
 * An envelope on its way: either accepted through {@code send} (counted for flush, by its
 * {@link FlushTracker} sequence number) or read back from the disk spool (then {@code spoolFile} and
 * {@code spoolPosition} say where it is, acknowledged once the envelope is settled), or an internal one
 * (a client report sent alone, not counted).
 */
final class Pending {
    final String spoolFile;
    final int spoolPosition;
    /** Its sequence number among accepted envelopes, or {@link FlushTracker#NOT_COUNTED}. */
    final long seq;
    final long bytes;
    /** When it was accepted (the options' clock, millis): an envelope kept in memory is retried until max-cache-age. */
    final long acceptedMillis;
    /** Replaced by the owning sender thread only (rate-limit filtering, a client report riding along). */
    Envelope envelope;
    int attempts;

    /** @param seq from {@link FlushTracker#accept()}, or {@link FlushTracker#NOT_COUNTED} */
    Pending(Envelope envelope, long seq, long acceptedMillis) {
        this(envelope, null, -1, seq, acceptedMillis);
    }

    /** One read back from the spool (its file's age is the spool's to judge). */
    Pending(Envelope envelope, String spoolFile, int spoolPosition) {
        this(envelope, spoolFile, spoolPosition, FlushTracker.NOT_COUNTED, Long.MAX_VALUE);
    }

    private Pending(Envelope envelope, String spoolFile, int spoolPosition, long seq, long acceptedMillis) {
        this.envelope = envelope;
        this.spoolFile = spoolFile;
        this.spoolPosition = spoolPosition;
        this.seq = seq;
        this.acceptedMillis = acceptedMillis;
        this.bytes = envelope.payloadBytes();
    }

    boolean fromSpool() {
        return spoolFile != null;
    }

    String category() {
        return envelope.items().isEmpty() ? "default" : envelope.items().get(0).category();
    }
}
