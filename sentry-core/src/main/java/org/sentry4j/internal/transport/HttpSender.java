package org.sentry4j.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.SdkInfo;
import org.sentry4j.transport.Dsn;
import org.sentry4j.transport.Envelope;

/**
 * One HTTP POST of one envelope with Apache HttpClient 5: pooled kept-alive connections (one per
 * sender thread), gzip, {@code X-Sentry-Auth}, timeouts, proxy; the client is built by a sender
 * thread, not by {@code Sentry.init}. Reads the rate-limit headers of every answer. Knows nothing of
 * queues or retries.
 */
final class HttpSender {
    static final int UNREACHABLE = -1;
    private static final ContentType ENVELOPE = ContentType.create("application/x-sentry-envelope");

    /**
     * Built by a sender thread as it starts ({@link #prepare}): HttpClient's classes, its connection
     * pool and its TLS (the JVM's trust store, HttpClient's public suffix list) took ~0.3 s of
     * {@code Sentry.init} on the application's thread. Null until then.
     */
    private volatile CloseableHttpClient http;
    private volatile boolean closed;
    /** One thread builds; the others wait for it. Not the monitor {@link #close} takes. */
    private final Object building = new Object();
    private volatile String builtBy;
    /** Set on each request: the minimal client (direct connections) takes no default request config. */
    private final RequestConfig requestConfig;
    private final URI uri;
    private final String auth;
    private final RateLimits limits;
    private final Diagnostics diagnostics;
    private final SentryOptions options;
    private final int connections;
    /** The configured proxy, made at once: a host HttpClient refuses fails {@code Sentry.init}, not a sender later. */
    private final HttpHost proxyHost;

    HttpSender(SentryOptions options, int connections, RateLimits limits, Diagnostics diagnostics) {
        Dsn dsn = options.parsedDsn();
        this.uri = dsn.envelopeUri();
        this.auth = "Sentry sentry_version=7,sentry_client=" + SdkInfo.CLIENT + ",sentry_key=" + dsn.publicKey()
                + (dsn.secretKey() == null ? "" : ",sentry_secret=" + dsn.secretKey());
        this.limits = limits;
        this.diagnostics = diagnostics;
        this.options = options;
        this.connections = connections;
        SentryOptions.Proxy proxy = options.proxy();
        this.proxyHost = proxy == null ? null : new HttpHost(proxy.host(), proxy.port());
        this.requestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(options.connectTimeout()))
                .setResponseTimeout(Timeout.of(options.readTimeout()))
                .build();
    }

    /**
     * Builds the client, off the application's thread; each sender calls it as it starts, before it
     * takes anything to send (so no request's time includes it). A failure — say a conflicting
     * httpclient5 on the class path — is reported, and the next request tries again.
     */
    void prepare() {
        try {
            client();
        } catch (Throwable t) { // NOPMD: an Error here (a LinkageError) must not end the sender thread
            failed("cannot build the HTTP client", t);
        }
    }

    /** The client; built here if no sender has yet. Throws once {@link #close()} has run. */
    private CloseableHttpClient client() {
        CloseableHttpClient c = http;
        if (c != null) {
            return c;
        }
        synchronized (building) {
            c = http;
            if (c == null) {
                if (closed) {
                    throw new IllegalStateException("sender closed");
                }
                c = buildClient(); // may ask a ProxySelector (user code): not under the lock close() takes
                synchronized (this) {
                    if (!closed) {
                        http = c;
                        builtBy = Thread.currentThread().getName();
                        return c;
                    }
                }
                c.close(CloseMode.IMMEDIATE); // closed meanwhile
                throw new IllegalStateException("sender closed");
            }
            return c;
        }
    }

    /** The name of the thread that built the client, or null (tests). */
    String builtBy() {
        return builtBy;
    }

    private CloseableHttpClient buildClient() {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(options.connectTimeout()))
                        .setSocketTimeout(Timeout.of(options.readTimeout()))
                        .build())
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .build();
        // The JVM's proxy settings, asked once: the system route planner would ask per request.
        HttpHost systemProxy = proxyHost == null ? systemProxy(uri) : null;
        boolean direct = proxyHost == null && systemProxy == null;
        if (direct) {
            // Without a proxy nothing of the full client's exec chain (route planning, auth, redirects,
            // retries, protocol interceptors) applies to a POST to Sentry; that chain was most of the
            // senders' CPU. The minimal client leases a pooled connection and executes the request.
            return HttpClients.createMinimal(pool);
        }
        // Timeouts and User-Agent are set on each request (post), for the minimal client's sake too.
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                // Per-request work nothing here needs: Sentry's answers are tiny, connections are not per user.
                .disableContentCompression()
                .disableConnectionState();
        // Only through a proxy from here on.
        if (proxyHost != null) {
            builder.setProxy(proxyHost);
            SentryOptions.Proxy proxy = options.proxy();
            if (proxy.user() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxyHost), new UsernamePasswordCredentials(proxy.user(),
                        proxy.password() == null ? new char[0] : proxy.password().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        } else {
            builder.useSystemProperties();
            builder.setProxy(systemProxy);
        }
        return builder.build();
    }

    /** The HTTP proxy the JVM's {@link ProxySelector} names for the DSN's endpoint; null for none. */
    private static HttpHost systemProxy(URI uri) {
        try {
            ProxySelector selector = ProxySelector.getDefault();
            if (selector == null) {
                return null;
            }
            for (Proxy proxy : selector.select(uri)) {
                if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress) {
                    InetSocketAddress address = (InetSocketAddress) proxy.address();
                    return new HttpHost(address.getHostString(), address.getPort());
                }
            }
        } catch (RuntimeException e) { // a broken selector: go direct
            return null;
        }
        return null;
    }

    /** A request in progress, so {@code close} can abort it at its deadline. */
    HttpPost newRequest() {
        return new HttpPost(uri);
    }

    /**
     * Posts the envelope through {@code post}; returns the HTTP status, or {@link #UNREACHABLE} when no
     * answer came (refused, reset, timed out, aborted).
     */
    int post(HttpPost post, Envelope envelope, GzipBody body, Instant sentAt) {
        CloseableHttpClient client;
        try {
            client = client();
        } catch (Throwable t) { // NOPMD: as in prepare(); the envelope is kept, as for an unreachable server
            failed("cannot build the HTTP client", t);
            return UNREACHABLE;
        }
        try {
            body.fill(envelope, sentAt);
            post.setHeader("X-Sentry-Auth", auth);
            post.setHeader("Content-Encoding", "gzip");
            post.setHeader("User-Agent", SdkInfo.CLIENT);
            post.setConfig(requestConfig);
            post.setEntity(new ByteArrayEntity(body.array(), 0, body.length(), ENVELOPE));
            return client.execute(post, response -> {
                HttpEntity entity = response.getEntity();
                if (entity != null) {
                    try (InputStream in = entity.getContent()) {
                        // read to its end with the sender's own buffer: closing it half read would allocate one
                        byte[] scratch = body.scratch();
                        while (in != null && in.read(scratch) >= 0) {
                            continue;
                        }
                    }
                }
                Header rateLimits = response.getFirstHeader("X-Sentry-Rate-Limits");
                Header retryAfter = response.getFirstHeader("Retry-After");
                limits.update(response.getCode(), rateLimits == null ? null : rateLimits.getValue(),
                        retryAfter == null ? null : retryAfter.getValue());
                return response.getCode();
            });
        } catch (IOException | RuntimeException e) { // incl. a pool shut down by close()
            failed("no answer from " + uri.getHost(), e); // e.g. the TLS handshake's reason
            return UNREACHABLE;
        }
    }

    /** Says why, at most once a minute per kind; not after {@link #close()}, which aborts requests on purpose. */
    private void failed(String what, Throwable t) {
        if (diagnostics.enabled() && !closed) { // no message built per failed request unless someone listens
            diagnostics.throttled("http." + what, Duration.ofMinutes(1), what + ": " + Diagnostics.describe(t));
        }
    }

    /** Aborts what is in flight and refuses what follows. Idempotent. */
    void close() {
        CloseableHttpClient c;
        synchronized (this) {
            closed = true;
            c = http;
        }
        if (c != null) {
            c.close(CloseMode.IMMEDIATE);
        }
    }
}
