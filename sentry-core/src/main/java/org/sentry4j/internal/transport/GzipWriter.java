package org.sentry4j.internal.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * Writes one gzip stream at a time into a {@link DirectDeflater.Sink}: the gzip header, what is
 * written compressed, and the trailer (CRC-32 and length). The request body and the spool files both
 * use it.
 *
 * <p>Reused by one owner; {@link #release} frees the native compressor.
 */
final class GzipWriter extends OutputStream {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final DirectDeflater deflater = new DirectDeflater();
    private final CRC32 crc = new CRC32();
    private final byte[] one = new byte[1];
    private DirectDeflater.Sink target;
    private long length;

    /** Starts a stream into {@code target}, writing the gzip header. */
    void start(DirectDeflater.Sink target) throws IOException {
        this.target = target;
        crc.reset();
        length = 0;
        deflater.reset();
        target.write(HEADER, 0, HEADER.length);
    }

    /** Ends the stream: its last block and the trailer (CRC-32 and length of what was written). */
    void end() throws IOException {
        deflater.finish(target);
        long sum = crc.getValue();
        byte[] trailer = new byte[8];
        for (int i = 0; i < 4; i++) {
            trailer[i] = (byte) (sum >>> (8 * i));
            trailer[4 + i] = (byte) (length >>> (8 * i));
        }
        target.write(trailer, 0, 8);
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b; // Envelope.writeTo writes each line's '\n' alone
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        length += len;
        crc.update(b, off, len);
        deflater.write(b, off, len, target);
    }

    /** Frees the native compressor. */
    void release() {
        deflater.end();
    }
}
