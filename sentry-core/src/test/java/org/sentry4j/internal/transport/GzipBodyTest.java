package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;

/** The sender's gzip body is one valid gzip of the envelope as written plainly, and its buffer is reused. */
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
    void theBodyIsTheEnvelopeAsWrittenPlainly() throws IOException {
        byte[] first = json(20_000, 1);
        byte[] second = json(70_000, 2); // more than the body's first buffer
        EnvelopeItem a = EnvelopeItem.event(first);
        EnvelopeItem report = EnvelopeItem.clientReport("{\"discarded_events\":[]}".getBytes(StandardCharsets.UTF_8));
        EnvelopeItem b = EnvelopeItem.event(second);
        Envelope envelope = Envelope.of("0123456789abcdef0123456789abcdef", "sentry4j.java", "1", List.of(a, report, b));

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
}
