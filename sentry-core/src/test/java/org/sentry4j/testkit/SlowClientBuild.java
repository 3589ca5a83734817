package org.sentry4j.testkit;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A slow HTTP client set-up, as on a cold, busy JVM: an {@code SSLContext} to set as the JVM's default
 * ({@code SSLContext.setDefault}) whose first socket factory, resolved by a sender before its first
 * request, comes only once {@code release} opens or {@code longest} passed (later ones at once: the
 * set-up is slow once); {@code asked} counts down when anything asks for one. Otherwise the JVM's own
 * TLS. Only a sender for an {@code https://} DSN reads the default context: give the SDK one.
 */
public final class SlowClientBuild {
    private SlowClientBuild() {
    }

    public static SSLContext sslContext(CountDownLatch asked, CountDownLatch release, Duration longest)
            throws Exception {
        SSLContext real = SSLContext.getInstance("TLS");
        real.init(null, null, null);
        return sslContext(asked, release, longest, real);
    }

    /** As above, with {@code real} (e.g. one that trusts a test certificate) instead of the JVM's own TLS. */
    public static SSLContext sslContext(CountDownLatch asked, CountDownLatch release, Duration longest, SSLContext real) {
        AtomicBoolean slow = new AtomicBoolean(true);
        SSLContextSpi spi = new SSLContextSpi() {
            @Override
            protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
                // initialised above
            }

            @Override
            protected SSLSocketFactory engineGetSocketFactory() {
                asked.countDown();
                if (slow.compareAndSet(true, false)) {
                    try {
                        release.await(longest.toNanos(), TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return real.getSocketFactory();
            }

            @Override
            protected SSLServerSocketFactory engineGetServerSocketFactory() {
                return real.getServerSocketFactory();
            }

            @Override
            protected SSLEngine engineCreateSSLEngine() {
                return real.createSSLEngine();
            }

            @Override
            protected SSLEngine engineCreateSSLEngine(String host, int port) {
                return real.createSSLEngine(host, port);
            }

            @Override
            protected SSLSessionContext engineGetServerSessionContext() {
                return real.getServerSessionContext();
            }

            @Override
            protected SSLSessionContext engineGetClientSessionContext() {
                return real.getClientSessionContext();
            }

            @Override
            protected SSLParameters engineGetDefaultSSLParameters() {
                return real.getDefaultSSLParameters();
            }

            @Override
            protected SSLParameters engineGetSupportedSSLParameters() {
                return real.getSupportedSSLParameters();
            }
        };
        return new SSLContext(spi, real.getProvider(), "TLS") { };
    }
}
