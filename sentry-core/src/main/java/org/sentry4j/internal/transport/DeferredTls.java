package org.sentry4j.internal.transport;

import java.io.IOException;
import java.net.Socket;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient's default TLS, made when the first connection needs it rather than when the client is
 * built. Making it loads the JDK's trust store and HttpClient's public suffix list (~0.3 s, ~2.6 MB of
 * heap kept for good): an {@code http://} DSN never needs it, and an {@code https://} one makes it
 * with its first connection, on a sender thread.
 */
final class DeferredTls implements TlsSocketStrategy {
    private final Supplier<? extends TlsSocketStrategy> factory;
    private volatile TlsSocketStrategy made;

    /** HttpClient's default: the JDK's trust store, hostname verification with the public suffix list. */
    DeferredTls() {
        this(DefaultClientTlsStrategy::createDefault);
    }

    DeferredTls(Supplier<? extends TlsSocketStrategy> factory) {
        this.factory = factory;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy strategy() {
        TlsSocketStrategy s = made;
        if (s == null) {
            synchronized (this) {
                s = made;
                if (s == null) {
                    s = factory.get();
                    made = s;
                }
            }
        }
        return s;
    }
}
