package org.sentry4j.internal.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads one gzip stream through direct buffers, for the same reason {@link DirectDeflater} writes
 * through them: the spool replays on a minimum-priority thread, which must not hold the GC locker.
 * Checks the trailer; a bad header, corrupt data or a wrong CRC throws {@link ZipException}, a
 * truncated stream {@link EOFException}. Closing it closes the underlying stream.
 */
final class GzipReader extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final ByteBuffer input = ByteBuffer.allocateDirect(DirectDeflater.CHUNK);
    private final ByteBuffer output = ByteBuffer.allocateDirect(DirectDeflater.CHUNK);
    private final byte[] chunk = new byte[DirectDeflater.CHUNK];
    private final CRC32 crc = new CRC32();
    private long length;
    private boolean ended;

    GzipReader(InputStream in) throws IOException {
        this.in = in;
        input.limit(0);
        output.limit(0);
        try {
            readHeader();
            inflater.setInput(input); // what the header read ahead of the compressed data
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!output.hasRemaining()) {
            if (ended) {
                return -1;
            }
            inflate();
        }
        int n = Math.min(len, output.remaining());
        output.get(b, off, n);
        return n;
    }

    private void inflate() throws IOException {
        output.clear();
        int before = input.position();
        int n;
        try {
            n = inflater.inflate(output);
        } catch (DataFormatException e) {
            throw new ZipException("corrupt gzip data: " + e.getMessage());
        }
        output.flip();
        crc.update(output.duplicate());
        length += n;
        if (inflater.finished()) {
            checkTrailer();
            ended = true;
        } else if (n == 0) {
            if (inflater.needsDictionary()) {
                throw new ZipException("corrupt gzip data: asks for a dictionary");
            }
            if (inflater.needsInput()) {
                refill();
            } else if (input.position() == before) {
                throw new ZipException("corrupt gzip data: the inflater makes no progress");
            }
        }
    }

    private void refill() throws IOException {
        readAhead();
        inflater.setInput(input);
    }

    private void readAhead() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        if (n < 0) {
            throw new EOFException("gzip stream ends early");
        }
        input.clear();
        input.put(chunk, 0, n).flip();
    }

    private void checkTrailer() throws IOException {
        long storedCrc = readIntLe();
        long storedLength = readIntLe();
        if (storedCrc != crc.getValue() || storedLength != (length & 0xffffffffL)) {
            throw new ZipException("corrupt gzip data: trailer does not match");
        }
    }

    private void readHeader() throws IOException {
        if (readByte() != 0x1f || readByte() != 0x8b || readByte() != 8) {
            throw new ZipException("not in gzip format");
        }
        int flags = readByte();
        for (int i = 0; i < 6; i++) {
            readByte(); // modification time, extra flags, operating system
        }
        if ((flags & FEXTRA) != 0) {
            int n = readByte() | readByte() << 8;
            for (int i = 0; i < n; i++) {
                readByte();
            }
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            readByte();
            readByte();
        }
    }

    private void skipZeroTerminated() throws IOException {
        while (readByte() != 0) {
            // a name or comment, not kept
        }
    }

    private long readIntLe() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) readByte() << (8 * i);
        }
        return v;
    }

    /** One byte of the header or trailer: what the inflater has not consumed, then more of the stream. */
    private int readByte() throws IOException {
        if (!input.hasRemaining()) {
            readAhead();
        }
        return input.get() & 0xff;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
