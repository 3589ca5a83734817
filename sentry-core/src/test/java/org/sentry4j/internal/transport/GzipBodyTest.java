package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/** Items compressed on the worker are spliced into the sender's gzip body; the result is one valid gzip. */
class GzipBodyTest {
    private static final Instant SENT_AT = Instant.parse("2026-11-25T16:00:00.123Z");

    private static byte[] json(int approximateSize, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("{\"breadcrumbs\":[");
        while (sb.length() < approximateSize) {
            sb.append("{\"message\":\"order ").append(random.nextInt(1000)).append(" shipped\",\"level\":\"info\"},");
        }
        sb.append("{}]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gunzip(byte[] body, int length) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body, 0, length))) {
            return in.readAllBytes(); // also checks the trailer's CRC-32 and length
        }
    }

    @Test
    void compressedAndPlainItemsMakeTheSameEnvelopeAsWrittenPlainly() throws IOException {
        PayloadDeflater deflater = new PayloadDeflater();
        byte[] first = json(20_000, 1);
        byte[] second = json(70_000, 2); // more than the deflater's first buffer
        EnvelopeItem a = deflater.item("event", "application/json", first, 0, first.length);
        EnvelopeItem report = EnvelopeItem.clientReport("{\"discarded_events\":[]}".getBytes(StandardCharsets.UTF_8));
        EnvelopeItem b = deflater.item("event", "application/json", second, 0, second.length);
        deflater.close();
        Envelope envelope = Envelope.of("0123456789abcdef0123456789abcdef", "sentry4j.java", "1", List.of(a, report, b));

        assertThat(a.heldBytes()).isLessThan(first.length / 3);
        assertThat(a.payload()).isEqualTo(first);
        assertThat(b.payload()).isEqualTo(second);

        GzipBody body = new GzipBody();
        body.fill(envelope, SENT_AT);
        byte[] sent = gunzip(body.array(), body.length());
        byte[] plain = envelope.toBytes(SENT_AT);
        assertThat(new String(sent, StandardCharsets.UTF_8)).isEqualTo(new String(plain, StandardCharsets.UTF_8));

        // The buffer is reused: a second envelope, plain only, comes out right too.
        Envelope small = Envelope.of(null, "sentry4j.java", "1", List.of(report));
        body.fill(small, SENT_AT);
        assertThat(gunzip(body.array(), body.length())).isEqualTo(small.toBytes(SENT_AT));
        body.release();
    }

    @Test
    void aCompressedItemSurvivesTheDiskFormat() {
        PayloadDeflater deflater = new PayloadDeflater();
        byte[] payload = json(5_000, 3);
        byte[] framed = new byte[payload.length + 10];
        System.arraycopy(payload, 0, framed, 5, payload.length);
        EnvelopeItem item = deflater.item("event", "application/json", framed, 5, payload.length);
        Envelope parsed = Envelope.parse(Envelope.of(null, "s", "1", List.of(item)).toBytes(null));
        assertThat(parsed.items()).hasSize(1);
        assertThat(parsed.items().get(0).deflatedPayload()).isNull();
        assertThat(Arrays.equals(parsed.items().get(0).payload(), payload)).isTrue();
        assertThat(parsed.items().get(0).length()).isEqualTo(payload.length);
    }

    @Test
    void aFinishedSegmentIsRefusedAtTheDoorInsteadOfCorruptingTheBody() {
        byte[] payload = json(2_000, 7);
        Deflater finishing = new Deflater(Deflater.BEST_SPEED, true);
        finishing.setInput(payload);
        finishing.finish(); // a final block: nothing spliced after it would be read
        byte[] out = new byte[8_192];
        int n = finishing.deflate(out);
        finishing.end();
        CRC32 crc = new CRC32();
        crc.update(payload);

        assertThatThrownBy(() -> EnvelopeItem.deflated("event", "application/json", Arrays.copyOf(out, n),
                payload.length, (int) crc.getValue()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sync flush");
    }

    @Test
    void aSegmentShorterThanItsStatedLengthIsReportedNotPadded() {
        PayloadDeflater deflater = new PayloadDeflater();
        byte[] payload = json(3_000, 9);
        EnvelopeItem item = deflater.item("event", "application/json", payload, 0, payload.length);
        deflater.close();
        EnvelopeItem overstated = EnvelopeItem.deflated("event", "application/json", item.deflatedPayload(),
                payload.length + 10, item.crc32());

        assertThat(item.payload()).isEqualTo(payload);
        assertThatThrownBy(overstated::payload).isInstanceOf(IllegalStateException.class).hasMessageContaining("short");
    }
}
