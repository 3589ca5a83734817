package org.sentry4j.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
    private static final Instant SENT = Instant.parse("2026-11-25T10:00:00.123Z");

    private static final byte[] WITH_NEWLINE =
            "{\"message\":\"a\\nb\",\"x\":\"line\n2\"}".getBytes(StandardCharsets.UTF_8);

    private static Envelope sample() {
        byte[] withNewline = WITH_NEWLINE;
        return Envelope.of("0123456789abcdef0123456789abcdef", "sentry4j.java", "1.0.0",
                List.of(EnvelopeItem.event(withNewline), EnvelopeItem.clientReport("{}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void framingFollowsTheProtocol() {
        String text = new String(sample().toBytes(SENT), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        assertThat(lines[0]).isEqualTo("{\"event_id\":\"0123456789abcdef0123456789abcdef\","
                + "\"sdk\":{\"name\":\"sentry4j.java\",\"version\":\"1.0.0\"},\"sent_at\":\"2026-11-25T10:00:00.123Z\"}");
        assertThat(lines[1]).isEqualTo("{\"type\":\"event\",\"content_type\":\"application/json\",\"length\":" + WITH_NEWLINE.length + "}");
        assertThat(text).contains("line\n2\"}\n{\"type\":\"client_report\"");
        assertThat(text).endsWith("{}\n");
    }

    @Test
    void spoolFormatHasNoSentAtAndRoundTripsWithOneStamp() {
        byte[] spooled = sample().toBytes(null);
        assertThat(new String(spooled, StandardCharsets.UTF_8)).doesNotContain("sent_at");
        Envelope back = Envelope.parse(spooled);
        assertThat(back.eventId()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(back.items()).hasSize(2);
        assertThat(back.items().get(0).payloadAsString()).contains("line\n2");

        Envelope stampedTwice = Envelope.parse(Envelope.parse(sample().toBytes(SENT)).toBytes(SENT));
        String header = new String(stampedTwice.toBytes(SENT), StandardCharsets.UTF_8).split("\n")[0];
        assertThat(header.split("sent_at", -1)).as("exactly one sent_at").hasSize(2);
    }

    @Test
    void tornFilesAreRejected() {
        byte[] whole = sample().toBytes(null);
        assertThatThrownBy(() -> Envelope.parse(Arrays.copyOf(whole, whole.length - 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelope.parse("{\"event_id\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void categoriesFollowRateLimitVocabulary() {
        assertThat(EnvelopeItem.event(new byte[0]).category()).isEqualTo("error");
        assertThat(EnvelopeItem.clientReport(new byte[0]).category()).isEqualTo("internal");
    }
}
