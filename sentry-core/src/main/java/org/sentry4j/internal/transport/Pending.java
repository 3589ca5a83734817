package org.sentry4j.internal.transport;

import org.sentry4j.transport.Envelope;

/**
 * An envelope on its way: either accepted through {@code send} (counted for flush) or read back from
 * the disk spool (then {@code spoolFile} names its file, deleted once the envelope is settled), or an
 * internal one (a client report sent alone, not counted).
 */
final class Pending {
    final String spoolFile;
    final boolean counted;
    final long bytes;
    /** Replaced by the owning sender thread only (rate-limit filtering, a client report riding along). */
    Envelope envelope;
    int attempts;

    Pending(Envelope envelope, String spoolFile, boolean counted) {
        this.envelope = envelope;
        this.spoolFile = spoolFile;
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
