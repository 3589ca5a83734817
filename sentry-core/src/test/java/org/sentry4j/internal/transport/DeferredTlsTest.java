package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.Test;

/** TLS is made by the first connection that needs it, once, not when the client is built. */
class DeferredTlsTest {
    @Test
    void makesTheStrategyOnTheFirstUpgradeOnly() throws Exception {
        AtomicInteger made = new AtomicInteger();
        AtomicInteger upgrades = new AtomicInteger();
        TlsSocketStrategy real = (socket, target, port, attachment, context) -> {
            upgrades.incrementAndGet();
            return null;
        };
        DeferredTls tls = new DeferredTls(() -> {
            made.incrementAndGet();
            return real;
        });
        assertThat(made).hasValue(0);

        try (Socket socket = new Socket()) {
            tls.upgrade(socket, "o0.ingest.sentry.io", 443, null, null);
            tls.upgrade(socket, "o0.ingest.sentry.io", 443, null, null);
        }

        assertThat(made).hasValue(1);
        assertThat(upgrades).hasValue(2);
    }
}
