package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sentry4j.transport.Dsn;

class DsnTest {
    @Test
    void parsesKeyProjectAndEnvelopeEndpoint() {
        Dsn dsn = Dsn.parse("https://public@sentry.example.com/1");
        assertThat(dsn.publicKey()).isEqualTo("public");
        assertThat(dsn.secretKey()).isNull();
        assertThat(dsn.projectId()).isEqualTo("1");
        assertThat(dsn.envelopeUri().toString()).isEqualTo("https://sentry.example.com/api/1/envelope/");
    }

    @Test
    void keepsPathPortAndSecret() {
        Dsn dsn = Dsn.parse("http://k:s3cret@host:9000/sub/path/42");
        assertThat(dsn.envelopeUri().toString()).isEqualTo("http://host:9000/sub/path/api/42/envelope/");
        assertThat(dsn.secretKey()).isEqualTo("s3cret");
        assertThat(dsn.toString()).doesNotContain("s3cret");
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> Dsn.parse("ftp://k@host/1")).hasMessageContaining("scheme");
        assertThatThrownBy(() -> Dsn.parse("https://host/1")).hasMessageContaining("public key");
        assertThatThrownBy(() -> Dsn.parse("https://k@host/")).hasMessageContaining("project id");
        assertThatThrownBy(() -> Dsn.parse("https://k@host")).hasMessageContaining("project id");
        assertThatThrownBy(() -> Dsn.parse("not a dsn")).hasMessageContaining("dsn");
        assertThatThrownBy(() -> Dsn.parse("https://k:secret@host/"))
                .hasMessageContaining("project id").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Dsn.parse("k:s3cret@host/1")).as("no scheme: no URI parser sees the user-info")
                .hasMessageContaining("scheme").hasMessageContaining("k:***@host/1").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> Dsn.parse("https://k:s3cret@ho st/1")).hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> Dsn.parse("ftp://k:s3cret@host/1")).hasMessageNotContaining("s3cret");
    }

    @Test
    void initWithMalformedDsnDisablesAndSaysSoOnStderrAndEmptyDsnDisables() {
        assertThatThrownBy(() -> SentryOptions.builder().ambientSources(false).dsn("https://host/1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dsn: missing public key");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Sentry.init(o -> o.dsn("https://host/1").ambientSources(false)); // never throws
        } finally {
            System.setErr(original);
        }
        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("[sentry4j] error: the SDK is disabled: dsn: missing public key")
                .hasLineCount(1);
        Sentry.init(o -> o.dsn("").ambientSources(false));
        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(Sentry.captureMessage("nothing")).isEqualTo(Sentry.EMPTY_ID);
        assertThat(Sentry.captureException(new RuntimeException())).isEqualTo(Sentry.EMPTY_ID);
        assertThat(Sentry.flush(java.time.Duration.ofSeconds(1))).isTrue();
        Sentry.addBreadcrumb("ignored");
        Sentry.configureScope(s -> s.setTag("a", "b"));
        Sentry.close();
    }
}
