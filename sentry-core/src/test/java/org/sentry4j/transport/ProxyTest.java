package org.sentry4j.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestReceiver;

/** With a proxy configured, envelopes go through it (the full HTTP client); without one, straight to Sentry. */
class ProxyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final TestReceiver proxy = TestReceiver.start();

    @AfterEach
    void stop() {
        Sentry.close();
        proxy.close();
    }

    @Test
    void aConfiguredProxyCarriesTheEnvelopesToAHostOnlyItCanReach() {
        // sentry.invalid cannot resolve: only the proxy (our receiver, which answers any absolute URI) can deliver.
        Sentry.init(o -> o.dsn("http://proxykey@sentry.invalid/7").proxy("127.0.0.1", proxy.port())
                .ambientSources(false).defaultIntegrations(false));

        String id = Sentry.captureMessage("through the proxy");

        ReceivedEnvelope envelope = proxy.awaitEnvelopes(1, WAIT).get(0);
        assertThat(envelope.event().get("event_id").getAsString()).isEqualTo(id);
        assertThat(envelope.requestHeader("X-Sentry-Auth")).contains("sentry_key=proxykey");
        assertThat(envelope.path()).isEqualTo("/api/7/envelope/");
    }
}
