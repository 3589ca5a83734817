package org.sentry4j.internal.transport;

import org.sentry4j.transport.Envelope;

/**
 * An envelope on its way: either accepted through {@code send} (counted for flush) or read back from
 * the disk spool (then {@code spoolFile} and {@code spoolPosition} say where it is, acknowledged once
 * the envelope is settled), or an internal one (a client report sent alone, not counted).
 */
final class Pending {
    final String spoolFile;
    final int spoolPosition;
    final boolean counted;
    final long bytes;
    /** Replaced by the owning sender thread only (rate-limit filtering, a client report riding along). */
    Envelope envelope;
    int attempts;

    Pending(Envelope envelope, boolean counted) {
        this(envelope, null, -1, counted);
    }

    /** One read back from the spool. */
    Pending(Envelope envelope, String spoolFile, int spoolPosition) {
        this(envelope, spoolFile, spoolPosition, false);
    }

    private Pending(Envelope envelope, String spoolFile, int spoolPosition, boolean counted) {
        this.envelope = envelope;
        this.spoolFile = spoolFile;
        this.spoolPosition = spoolPosition;
        this.counted = counted;
        this.bytes = envelope.payloadBytes();
    }

    boolean fromSpool() {
        return spoolFile != null;
    }

    String category() {
        return envelope.items().isEmpty() ? "default" : envelope.items().get(0).category();
    }
}
