package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/**
 * The spool's file format: one gzip stream any reader takes, and the spool's own reader gets the
 * envelopes back.
 */
class BatchFileTest {
    @TempDir
    Path dir;

    private static byte[] json(int approximateSize, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("{\"exception\":[");
        while (sb.length() < approximateSize) {
            sb.append("{\"frame\":\"com.example.Orders.ship").append(random.nextInt(100_000)).append("\"},");
        }
        return sb.append("{}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void envelopesAreWrittenAsOneGzipAndReadBack() throws IOException {
        List<Envelope> envelopes = new ArrayList<>();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 6; i++) {
            byte[] event = json(3_000 + 9_000 * i, i); // up to ~48 KB: several of the compressor's chunks
            EnvelopeItem report = EnvelopeItem.clientReport("{\"discarded_events\":[]}".getBytes(StandardCharsets.UTF_8));
            List<EnvelopeItem> items = i % 2 == 0 ? List.of(EnvelopeItem.event(event), report)
                    : List.of(report, EnvelopeItem.event(event));
            Envelope envelope = Envelope.of(String.format("%032x", i), "sentry4j.java", "1", items);
            envelopes.add(envelope);
            byte[] plain = envelope.toBytes(null);
            expected.writeBytes((plain.length + "\n").getBytes(StandardCharsets.US_ASCII));
            expected.writeBytes(plain);
        }
        Path file = dir.resolve("1" + BatchFile.SUFFIX);

        BatchFile.write(file, envelopes);

        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) { // checks CRC and length
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(expected.toByteArray(), StandardCharsets.UTF_8));
        }
        BitSet all = new BitSet();
        all.set(0, envelopes.size());
        Envelope[] read = BatchFile.read(file, envelopes.size(), all);
        for (int i = 0; i < envelopes.size(); i++) {
            assertThat(read[i]).as("envelope %d", i).isNotNull();
            assertThat(read[i].toBytes(null)).isEqualTo(envelopes.get(i).toBytes(null));
        }
        BitSet some = new BitSet();
        some.set(4);
        Envelope[] one = BatchFile.read(file, envelopes.size(), some);
        assertThat(one[3]).isNull();
        assertThat(one[4].toBytes(null)).isEqualTo(envelopes.get(4).toBytes(null));
    }

    @Test
    void theReaderTakesAnyGzipStreamAndChecksItsTrailer() throws IOException {
        byte[] data = json(100_000, 7);
        byte[] jdk = jdkGzip(data);
        assertThat(readAll(jdk)).isEqualTo(data);

        // Optional header fields: extra, name, comment and header CRC (RFC 1952, section 2.3).
        byte[] deflated = rawDeflate(data);
        ByteArrayOutputStream withFields = new ByteArrayOutputStream();
        withFields.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3, 3, 0, 'a', 'b', 'c'});
        withFields.writeBytes("spool.json\0a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        withFields.writeBytes(new byte[] {0x12, 0x34});
        withFields.writeBytes(deflated);
        withFields.writeBytes(trailer(data));
        assertThat(readAll(withFields.toByteArray())).isEqualTo(data);

        byte[] badCrc = jdk.clone();
        badCrc[badCrc.length - 8] ^= 1;
        assertThatThrownBy(() -> readAll(badCrc)).isInstanceOf(ZipException.class);
        byte[] truncated = Arrays.copyOf(jdk, jdk.length / 2);
        assertThatThrownBy(() -> readAll(truncated)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> readAll(new byte[] {'{', '}', '\n'})).isInstanceOf(ZipException.class);
    }

    @Test
    void outputThatFillsTheCompressorsChunkExactlyStaysValid() throws IOException {
        // Random bytes do not compress: payloads around the 8 KB chunk make output that ends just
        // before, on and just after a chunk's edge.
        GzipBody body = new GzipBody();
        Random random = new Random(11);
        for (int size = 8_120; size <= 8_200; size++) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            Envelope envelope = Envelope.of(null, "sentry4j.java", "1",
                    List.of(new EnvelopeItem("attachment", null, payload), EnvelopeItem.event(payload)));
            body.fill(envelope, null);
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body.array(), 0, body.length()))) {
                assertThat(in.readAllBytes()).as("size %d", size).isEqualTo(envelope.toBytes(null));
            }
            Path file = dir.resolve(size + BatchFile.SUFFIX);
            BatchFile.write(file, List.of(envelope));
            BitSet first = new BitSet();
            first.set(0);
            assertThat(BatchFile.read(file, 1, first)[0].toBytes(null)).as("size %d", size)
                    .isEqualTo(envelope.toBytes(null));
        }
        body.release();
    }

    @Test
    void theReaderTakesAStreamThatGivesOneByteAtATime() throws IOException {
        byte[] data = json(40_000, 5);
        InputStream trickle = new java.io.FilterInputStream(new ByteArrayInputStream(jdkGzip(data))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1)); // header, data and trailer split at every byte
            }
        };
        try (InputStream in = new GzipReader(trickle)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    /** {@code data} as the JDK's own gzip writer writes it. */
    private static byte[] jdkGzip(byte[] data) throws IOException {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(data);
        }
        return gzip.toByteArray();
    }

    private static byte[] readAll(byte[] gzip) throws IOException {
        try (InputStream in = new GzipReader(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static byte[] rawDeflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] trailer(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        long c = crc.getValue();
        long n = data.length;
        byte[] t = new byte[8];
        for (int i = 0; i < 4; i++) {
            t[i] = (byte) (c >>> (8 * i));
            t[4 + i] = (byte) (n >>> (8 * i));
        }
        return t;
    }
}
