package org.sentry4j.internal.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.sentry4j.transport.Envelope;

/**
 * The format of one spool file: a gzip stream of envelopes in their spool form (no {@code sent_at}),
 * each preceded by its length in bytes on a line of its own. Gzip so a burst fits the spool's byte
 * bound and the disk writes little.
 * Files of the single-envelope format written before batches ({@code .envelope}) are still read.
 */
final class BatchFile {
    static final String SUFFIX = ".batch";
    static final String SINGLE_SUFFIX = ".envelope";
    private static final int MAX_FRAME = 256 << 20;

    private BatchFile() {
    }

    /** Writes the envelopes as one gzip stream. */
    static void write(Path file, List<Envelope> envelopes) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(8192);
        GzipWriter gzip = new GzipWriter();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            gzip.start(out::write);
            for (Envelope e : envelopes) {
                frame.reset();
                e.writeTo(frame, null);
                byte[] length = (frame.size() + "\n").getBytes(StandardCharsets.US_ASCII);
                gzip.write(length, 0, length.length);
                frame.writeTo(gzip);
            }
            gzip.end();
        } finally {
            gzip.release();
        }
    }

    /**
     * The envelopes at the {@code wanted} positions of a file holding {@code count}; a position whose
     * envelope cannot be read (corrupt or truncated file) is left null. Never throws for bad content.
     */
    static Envelope[] read(Path file, int count, BitSet wanted) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, isSingle(file), count, wanted);
        }
    }

    /** Whether the file is of the single-envelope format. */
    static boolean isSingle(Path file) {
        return file.getFileName().toString().endsWith(SINGLE_SUFFIX);
    }

    /** As {@link #read(Path, int, BitSet)}, from a file's bytes ({@code raw}, which the caller closes). */
    static Envelope[] read(InputStream raw, boolean single, int count, BitSet wanted) throws IOException {
        Envelope[] out = new Envelope[count];
        if (single) {
            if (wanted.get(0)) {
                out[0] = parseOrNull(raw.readAllBytes());
            }
            return out;
        }
        try (InputStream in = new BufferedInputStream(new GzipReader(raw), 1 << 14)) {
            for (int i = 0; i < count && i < wanted.length(); i++) {
                int length = readLength(in);
                if (length < 0) {
                    return out; // fewer envelopes than the name says: the rest stay null
                }
                if (wanted.get(i)) {
                    byte[] bytes = new byte[length];
                    if (in.readNBytes(bytes, 0, length) < length) {
                        return out;
                    }
                    out[i] = parseOrNull(bytes);
                } else if (!skipFully(in, length)) {
                    return out;
                }
            }
        } catch (EOFException | java.util.zip.ZipException e) {
            return out; // a damaged stream: what was read before stays
        }
        return out;
    }

    /**
     * Skips {@code length} bytes, or returns false at the end of the stream. One {@code skip} is not
     * enough: a buffered stream skips only what its buffer holds, which would end the read early and
     * leave every later envelope of the file unread.
     */
    private static boolean skipFully(InputStream in, long length) throws IOException {
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return false;
                }
                skipped = 1;
            }
            left -= skipped;
        }
        return true;
    }

    private static Envelope parseOrNull(byte[] bytes) {
        try {
            return Envelope.parse(bytes);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The next frame's length, or -1 at the end or on a malformed length line. */
    private static int readLength(InputStream in) throws IOException {
        long n = 0;
        int digits = 0;
        int b;
        while ((b = in.read()) != '\n') {
            if (b < '0' || b > '9' || ++digits > 10) {
                return -1;
            }
            n = n * 10 + (b - '0');
        }
        return digits == 0 || n > MAX_FRAME ? -1 : (int) n;
    }
}
