package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.SlowClientBuild;

/**
 * An {@code http://} DSN sets up no TLS: the JVM's default context (its trust store, key managers and
 * cipher suites, most of a cold client's set-up) is never asked for.
 */
class PlainHttpTest extends TransportTestBase {
    @Test
    void aClientForAnHttpDsnNeverAsksTheJvmsTlsContext() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        SSLContext original = SSLContext.getDefault();
        SSLContext.setDefault(SlowClientBuild.sslContext(asked, new CountDownLatch(0), Duration.ZERO));
        try {
            transport = fx.transport(o -> { });
            transport.send(event(id(1)));

            assertThat(fx.awaitEvents(1, () -> transport.stats().toString())).containsExactly(id(1));
            assertThat(asked.getCount()).as("the default TLS context was asked for its socket factory").isEqualTo(1);
        } finally {
            SSLContext.setDefault(original);
        }
    }
}
