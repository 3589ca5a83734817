package org.sentry4j.examples.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox over real HTTP: what it accepts, refuses on request, prints and keeps. */
class InboxServerTest {
    static final String EVENT = "{\"event_id\":\"0123456789abcdef0123456789abcdef\",\"level\":\"error\","
            + "\"logger\":\"shop.Checkout\",\"logentry\":{\"formatted\":\"card declined\"},"
            + "\"tags\":{\"order\":\"A-7\"},\"user\":{\"id\":\"u-1\"},"
            + "\"breadcrumbs\":{\"values\":[{\"message\":\"a\"},{\"message\":\"b\"}]},"
            + "\"exception\":{\"values\":["
            + "{\"type\":\"IOException\",\"module\":\"java.io\",\"value\":\"reset\",\"mechanism\":{\"type\":\"chained\",\"source\":\"cause\"},"
            + "\"stacktrace\":{\"frames\":[{\"module\":\"shop.Gateway\",\"function\":\"call\",\"filename\":\"Gateway.java\",\"lineno\":12,\"in_app\":true},"
            + "{\"module\":\"java.net.Socket\",\"function\":\"read\",\"in_app\":false}]}},"
            + "{\"type\":\"IllegalStateException\",\"module\":\"java.lang\",\"value\":\"checkout failed\"}]}}";
    static final byte[] ENVELOPE = envelope(EVENT);

    @TempDir
    Path out;
    final List<String> printed = new CopyOnWriteArrayList<>();
    InboxServer inbox;

    @AfterEach
    void stop() {
        if (inbox != null) {
            inbox.close();
        }
    }

    InboxServer start(String... flags) throws IOException {
        String[] all = new String[flags.length + 4];
        all[0] = "--port";
        all[1] = "0";
        all[2] = "--out";
        all[3] = out.toString();
        System.arraycopy(flags, 0, all, 4, flags.length);
        inbox = InboxServer.start(InboxOptions.parse(all), printed::add);
        return inbox;
    }

    @Test
    void printsOneBlockPerEventAndKeepsTheEnvelope() throws Exception {
        start();

        assertThat(post("/api/1/envelope/", ENVELOPE, null).status).isEqualTo(200);

        assertThat(inbox.awaitEvents(1, Duration.ofSeconds(5))).isTrue();
        assertThat(printed).hasSize(1);
        assertThat(printed.get(0))
                .contains("== event 1: error")
                .contains("logger      shop.Checkout")
                .contains("message     card declined")
                .contains("exception   java.lang.IllegalStateException: checkout failed")
                .contains("caused by   java.io.IOException: reset")
                .contains("at shop.Gateway.call(Gateway.java:12)  (in-app)")
                .contains("tags        order=A-7")
                .contains("user        id=u-1")
                .contains("breadcrumbs 2");
        assertThat(Files.readAllBytes(out.resolve("0001-event.envelope"))).isEqualTo(ENVELOPE);
        assertThat(inbox.summary()).isEqualTo("1 event (1 error), 2 breadcrumbs, tags: order=A-7 x1");
    }

    @Test
    void printsTheStructuredLogsOfALogItemOneLineEach() throws Exception {
        start();
        String logs = "{\"items\":["
                + "{\"timestamp\":1796630400.5,\"trace_id\":\"0123456789abcdef0123456789abcdef\",\"level\":\"info\","
                + "\"severity_number\":9,\"body\":\"order A-7 paid\",\"attributes\":{"
                + "\"sentry.origin\":{\"value\":\"auto.log.logback\",\"type\":\"string\"},"
                + "\"logger.name\":{\"value\":\"shop.Checkout\",\"type\":\"string\"},"
                + "\"sentry.message.template\":{\"value\":\"order {} paid\",\"type\":\"string\"},"
                + "\"sentry.message.parameter.0\":{\"value\":\"A-7\",\"type\":\"string\"},"
                + "\"sentry.sdk.name\":{\"value\":\"sentry4j\",\"type\":\"string\"},"
                + "\"mdc.tenant\":{\"value\":\"acme\",\"type\":\"string\"}}},"
                + "{\"timestamp\":1796630401,\"trace_id\":\"0123456789abcdef0123456789abcdef\",\"level\":\"error\","
                + "\"severity_number\":17,\"body\":\"card declined\"}]}";
        byte[] payload = logs.getBytes(StandardCharsets.UTF_8);
        byte[] envelope = ("{}\n{\"type\":\"log\",\"item_count\":2,"
                + "\"content_type\":\"application/vnd.sentry.items.log+json\",\"length\":" + payload.length + "}\n"
                + logs + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(post("/api/1/envelope/", envelope, null).status).isEqualTo(200);

        assertThat(inbox.await(0, 2, Duration.ofSeconds(5))).isTrue();
        assertThat(inbox.logs()).hasSize(2);
        assertThat(inbox.events()).isEmpty();
        assertThat(printed).hasSize(1);
        assertThat(printed.get(0).split("\n")).containsExactly(
                "== 2 structured logs (1-2), saved as " + out.resolve("0001-log.envelope"),
                "  info  order A-7 paid",
                "        origin=auto.log.logback  logger=shop.Checkout  template=order {} paid  mdc.tenant=acme",
                "  error card declined");
        assertThat(inbox.summary()).isEqualTo("0 events, 0 breadcrumbs, tags: none; 2 structured logs (1 error, 1 info)");
    }

    @Test
    void anEventReceivedAgainCountsOnce() throws Exception {
        start();

        assertThat(post("/api/1/envelope/", ENVELOPE, null).status).isEqualTo(200);
        assertThat(post("/api/1/envelope/", ENVELOPE, null).status).isEqualTo(200);

        assertThat(inbox.awaitEvents(1, Duration.ofSeconds(5))).isTrue();
        assertThat(inbox.events()).hasSize(1);
        assertThat(printed).hasSize(2);
        assertThat(printed.get(1)).startsWith("-- event 0123456789abcdef0123456789abcdef again (sent before;");
        assertThat(inbox.summary()).startsWith("1 event (1 error)");
        assertThat(Files.exists(out.resolve("0002-event.envelope"))).isTrue();
    }

    @Test
    void acceptsGzipAndKeepsTheDecompressedEnvelope() throws Exception {
        start();

        assertThat(post("/api/42/envelope/", gzip(ENVELOPE), "gzip").status).isEqualTo(200);

        assertThat(inbox.awaitEvents(1, Duration.ofSeconds(5))).isTrue();
        assertThat(Files.readAllBytes(out.resolve("0001-event.envelope"))).isEqualTo(ENVELOPE);
    }

    @Test
    void refusesTheFirstEnvelopesWhenAskedTo() throws Exception {
        start("--fail", "429", "--fail-count", "2", "--retry-after", "7");

        Answer first = post("/api/1/envelope/", ENVELOPE, null);
        Answer second = post("/api/1/envelope/", ENVELOPE, null);
        Answer third = post("/api/1/envelope/", ENVELOPE, null);

        assertThat(first.status).isEqualTo(429);
        assertThat(first.retryAfter).isEqualTo("7");
        assertThat(second.status).isEqualTo(429);
        assertThat(third.status).isEqualTo(200);
        assertThat(inbox.awaitEvents(1, Duration.ofSeconds(5))).isTrue();
        assertThat(inbox.events()).hasSize(1);
        assertThat(printed.get(0)).startsWith("<< answered 429 (Retry-After: 7s) to an envelope with [event]; 1 more");
        assertThat(inbox.summary()).endsWith(", 2 requests refused on purpose");
    }

    @Test
    void answersOtherPathsAndBrokenBodiesWithErrors() throws Exception {
        start();

        assertThat(post("/api/1/store/", ENVELOPE, null).status).isEqualTo(404);
        assertThat(post("/api/1/envelope/", "not json\n".getBytes(StandardCharsets.UTF_8), null).status).isEqualTo(400);
        assertThat(post("/api/1/envelope/", ENVELOPE, "br").status).isEqualTo(415);
        assertThat(inbox.events()).isEmpty();
    }

    @Test
    void readsItemsWithAndWithoutLength() {
        String body = "{\"event_id\":\"x\"}\n{\"type\":\"client_report\"}\n{\"discarded_events\":[]}\n"
                + "{\"type\":\"event\",\"length\":2}\n{}\n";

        ParsedEnvelope envelope = ParsedEnvelope.parse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(envelope.itemTypes()).containsExactly("client_report", "event");
        assertThat(envelope.event()).isNotNull();
        assertThat(envelope.items().get(0).json().has("discarded_events")).isTrue();
    }

    @Test
    void namesTheBadFlag() {
        assertThatThrownBy(() -> InboxOptions.parse("--fail", "500")).hasMessageContaining("--fail must be 429 or 503");
        assertThatThrownBy(() -> InboxOptions.parse("--port")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> InboxOptions.parse("--colour", "red")).hasMessageContaining("unknown flag --colour");
    }

    static byte[] envelope(String event) {
        byte[] payload = event.getBytes(StandardCharsets.UTF_8);
        String text = "{\"event_id\":\"0123456789abcdef0123456789abcdef\"}\n{\"type\":\"event\",\"length\":"
                + payload.length + "}\n" + event + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    record Answer(int status, String retryAfter) {
    }

    Answer post(String path, byte[] body, String encoding) throws IOException {
        String base = inbox.dsn().replace("inbox@", "").replaceAll("/1$", "");
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        try {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            if (encoding != null) {
                connection.setRequestProperty("Content-Encoding", encoding);
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            return new Answer(connection.getResponseCode(), connection.getHeaderField("Retry-After"));
        } finally {
            connection.disconnect();
        }
    }
}
