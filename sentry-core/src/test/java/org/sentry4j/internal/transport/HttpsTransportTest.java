package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.WAIT;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestCertificates;
import org.sentry4j.testkit.TestReceiver;

/**
 * Real Sentry is HTTPS: envelopes go over TLS to a server the JVM's default SSL context trusts (its
 * trust store, or the context an application set with {@code SSLContext.setDefault}), and a
 * server it does not, or one whose certificate names another host, is never sent anything (the
 * envelope waits on disk, and the debug output says why).
 */
class HttpsTransportTest {

    @TempDir
    static Path certDir;
    static TestCertificates certificates;

    @TempDir
    Path dir;
    TestReceiver receiver;
    TransportFixture fx;
    HttpTransport transport;
    private SSLContext savedDefault;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificates = TestCertificates.create(certDir);
    }

    @BeforeEach
    void saveDefaultContext() throws Exception {
        savedDefault = SSLContext.getDefault();
    }

    @AfterEach
    void closeAndRestore() {
        if (transport != null) {
            transport.close(Duration.ofSeconds(2));
        }
        if (receiver != null) {
            receiver.close();
        }
        SSLContext.setDefault(savedDefault);
    }

    @Test
    void deliversOverTlsToAServerTheTrustStoreVouchesFor() throws Exception {
        trust(certificates);
        start(certificates);
        assertThat(receiver.dsn()).startsWith("https://");

        transport.send(event(id(1)));
        transport.send(event(id(2)));

        assertThat(transport.flush(WAIT)).isTrue();
        List<ReceivedEnvelope> got = receiver.awaitEnvelopes(2, WAIT);
        assertThat(TransportFixture.eventIds(got)).containsExactlyInAnyOrder(id(1), id(2));
        assertThat(got.get(0).requestHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(transport.stats().sent()).isEqualTo(2);
        assertThat(transport.stats().spooled()).isZero();
    }

    @Test
    void sendsNothingToATrustedCertificateForAnotherHost(@TempDir Path otherDir) throws Exception {
        TestCertificates elsewhere = TestCertificates.create(otherDir, "dns:receiver.example");
        trust(elsewhere);
        start(elsewhere);

        transport.send(event(id(4)));

        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(receiver.envelopes()).as("the DSN names 127.0.0.1, the certificate does not").isEmpty();
        assertThat(transport.stats().sent()).isZero();
        assertThat(transport.stats().spooled()).isEqualTo(1);
        assertThat(fx.diagnostics()).contains("no answer from 127.0.0.1")
                .contains("No subject alternative names matching IP address 127.0.0.1");
    }

    @Test
    void sendsNothingToAServerItCannotVerifyAndKeepsTheEnvelope() throws Exception {
        start(certificates); // self-signed, and no trust store names it

        transport.send(event(id(3)));

        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(receiver.envelopes()).isEmpty();
        assertThat(transport.stats().sent()).isZero();
        assertThat(transport.stats().spooled()).isEqualTo(1);
        assertThat(transport.stats().failingSince()).isNotNull();
        assertThat(fx.diagnostics()).contains("no answer from 127.0.0.1").contains("SSLHandshakeException");
    }

    private void start(TestCertificates served) throws Exception {
        receiver = TestReceiver.startTls(served.serverContext());
        fx = new TransportFixture(receiver, dir.resolve("spool"));
        transport = fx.transport(o -> { });
    }

    /** Before the transport starts: its senders build the client, and with it the TLS, as they start. */
    private static void trust(TestCertificates certs) throws Exception {
        SSLContext.setDefault(certs.clientContext());
    }
}
