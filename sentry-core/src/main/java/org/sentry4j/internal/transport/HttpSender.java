package org.sentry4j.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.SdkInfo;
import org.sentry4j.internal.SdkThread;
import org.sentry4j.transport.Dsn;
import org.sentry4j.transport.Envelope;

/**
 * One HTTP POST of one envelope with the JDK's {@link HttpURLConnection}, on the calling sender's own
 * thread: kept-alive HTTP/1.1 connections (the JDK pools them), gzip, {@code X-Sentry-Auth}, a
 * deadline for the whole exchange, a cap on the answer read, the proxy. Reads the rate-limit headers
 * of every answer. Knows nothing of queues or retries.
 *
 * <p>The JDK's client, not a library's: an application's own HTTP library version can never break
 * the SDK's delivery (nor the SDK break the application's), and nothing the SDK sends makes a logging
 * library start on an SDK thread. {@code HttpURLConnection} rather than {@code java.net.http}: no
 * executor or selector thread between the sender and its socket, and its classes are part of what
 * every JVM already loads fast. What it needs set up (the TLS socket factory of an {@code https://}
 * DSN, the proxy) is resolved by a sender thread ({@link #prepare}), not by {@code Sentry.init}.
 */
final class HttpSender {
    static final int UNREACHABLE = -1;
    /** Sentry answers with a short JSON id; a longer body is not read on (nor waited for) past this. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    /** Resolved by a sender thread as it starts ({@link #prepare}); null until then. */
    private volatile Route route;
    private volatile boolean closed;
    /** One thread resolves; the others wait for it. */
    private final Object building = new Object();
    private volatile String builtBy;
    private final URL url;
    private final boolean https;
    private final String auth;
    private final RateLimits limits;
    private final Diagnostics diagnostics;
    private final SentryOptions options;
    /** Longest a request may take from its first byte to the end of the answer read. */
    private final Duration exchangeDeadline;
    /** Disconnects an exchange at its deadline; its one thread starts with the first request and idles out. */
    private final ScheduledThreadPoolExecutor watchdog;
    /** Exchanges in progress, disconnected by {@link #close}. */
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();

    HttpSender(SentryOptions options, int connections, RateLimits limits, Diagnostics diagnostics) {
        Dsn dsn = options.parsedDsn();
        try {
            this.url = dsn.envelopeUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("the DSN's envelope URL: " + e.getMessage(), e);
        }
        this.https = "https".equalsIgnoreCase(url.getProtocol());
        // The DSN's secret key is deprecated and Sentry authenticates by the public key alone: it never leaves.
        this.auth = "Sentry sentry_version=7,sentry_client=" + SdkInfo.CLIENT + ",sentry_key=" + dsn.publicKey();
        this.limits = limits;
        this.diagnostics = diagnostics;
        this.options = options;
        this.exchangeDeadline = options.connectTimeout().plus(options.readTimeout());
        this.watchdog = new ScheduledThreadPoolExecutor(1,
                task -> new SdkThread("http-deadline", options.threadPriority(), task));
        watchdog.setKeepAliveTime(5, TimeUnit.SECONDS);
        watchdog.allowCoreThreadTimeOut(true);
        watchdog.setRemoveOnCancelPolicy(true);
    }

    /**
     * Resolves what requests need (the TLS socket factory, the proxy), off the application's thread;
     * each sender calls it as it starts, before it takes anything to send (so no request's time
     * includes it). A failure is reported, and the next request tries again.
     */
    void prepare() {
        try {
            route();
        } catch (Throwable t) { // NOPMD: an Error here must not end the sender thread
            failed("cannot build the HTTP client", t);
        }
    }

    /** What requests go through; resolved here if no sender has yet. Throws once {@link #close()} has run. */
    private Route route() throws Exception {
        Route r = route;
        if (r != null && !closed) {
            return r;
        }
        synchronized (building) {
            if (closed) {
                throw new IllegalStateException("sender closed");
            }
            r = route;
            if (r == null) {
                r = resolve();
                route = r;
                builtBy = Thread.currentThread().getName();
            }
            if (closed) { // closed while resolving: close() does not wait for a set-up nobody will use
                throw new IllegalStateException("sender closed");
            }
            return r;
        }
    }

    /** The name of the thread that resolved the route, or null (tests). */
    String builtBy() {
        return builtBy;
    }

    private Route resolve() throws Exception {
        // asked per sender: the application may set its own default; no TLS at all for a plain HTTP DSN
        SSLSocketFactory tls = https ? SSLContext.getDefault().getSocketFactory() : null;
        SentryOptions.Proxy proxy = options.proxy();
        if (proxy == null) {
            return new Route(tls, null, null); // the JVM's ProxySelector (http(s).proxyHost), asked per connection
        }
        // unresolved: the proxy's name is looked up when connecting, on the sender's thread
        Proxy p = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port()));
        return new Route(tls, p, proxy.user() == null ? null : new ProxyAuthenticator(proxy));
    }

    /** A request in progress, so {@code close} can abort it. */
    Exchange newRequest() {
        return new Exchange();
    }

    /**
     * Posts the envelope; returns the HTTP status, or {@link #UNREACHABLE} when no answer came (refused,
     * reset, timed out, aborted before the answer's status line, or the exchange outlived its deadline
     * before it).
     */
    int post(Exchange exchange, Envelope envelope, GzipBody body, Instant sentAt) {
        Route r;
        try {
            r = route();
        } catch (Throwable t) { // NOPMD: as in prepare(); the envelope is kept, as for an unreachable server
            failed("cannot build the HTTP client", t);
            return UNREACHABLE;
        }
        inFlight.add(exchange);
        ScheduledFuture<?> expiry = null;
        try {
            if (closed) {
                return UNREACHABLE;
            }
            body.fill(envelope, sentAt);
            if (!exchangeDeadline.isZero()) {
                expiry = watchdog.schedule(exchange::cancel, exchangeDeadline.toNanos(), TimeUnit.NANOSECONDS);
            }
            return exchange(exchange, r, body);
        } catch (Throwable t) { // NOPMD: any failure, an Error from a ProxySelector included, is "no answer"
            failed("no answer from " + url.getHost(), t); // e.g. the TLS handshake's reason
            return UNREACHABLE;
        } finally {
            if (expiry != null) {
                expiry.cancel(false);
            }
            inFlight.remove(exchange);
            exchange.connection = null;
        }
    }

    private int exchange(Exchange exchange, Route r, GzipBody body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) (r.proxy == null ? url.openConnection() : url.openConnection(r.proxy));
        if (r.tls != null && c instanceof HttpsURLConnection) {
            ((HttpsURLConnection) c).setSSLSocketFactory(r.tls);
        }
        if (r.authenticator != null) {
            c.setAuthenticator(r.authenticator);
        } else {
            // The body goes straight to the socket. A proxy asking for credentials needs it kept to send it
            // again, so then the connection buffers it.
            c.setFixedLengthStreamingMode(body.length());
        }
        c.setConnectTimeout(millis(options.connectTimeout()));
        c.setReadTimeout(millis(options.readTimeout()));
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setDoOutput(true);
        c.setRequestMethod("POST");
        c.setRequestProperty("X-Sentry-Auth", auth);
        c.setRequestProperty("Content-Type", "application/x-sentry-envelope");
        c.setRequestProperty("Content-Encoding", "gzip");
        c.setRequestProperty("User-Agent", SdkInfo.CLIENT);
        exchange.connection = c;
        if (exchange.cancelled) {
            return UNREACHABLE;
        }
        int status;
        try {
            c.connect();
            if (exchange.cancelled) { // cancelled while connecting, when disconnecting had nothing to close yet
                c.disconnect();
                return UNREACHABLE;
            }
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.array(), 0, body.length());
            }
            status = c.getResponseCode();
        } catch (HttpRetryException e) { // a challenge it could not answer without the body again
            status = e.responseCode();
            c.disconnect();
        } catch (IOException | RuntimeException e) {
            c.disconnect();
            throw e;
        }
        if (status < 0) { // not an HTTP answer
            c.disconnect();
            return UNREACHABLE;
        }
        limits.update(status, c.getHeaderField("X-Sentry-Rate-Limits"), c.getHeaderField("Retry-After"));
        // The answer counts from here: the server said what it did with the envelope, and sending it
        // again would duplicate it. Its body is read (so the connection can serve the next request)
        // until its end, the cap, the deadline or close, whichever comes first.
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            if (in != null && !discard(in, body.scratch())) {
                c.disconnect();
            }
        } catch (IOException | RuntimeException e) { // NOPMD: cut short; the status stands
            c.disconnect();
        }
        return status;
    }

    /** Reads {@code in} to its end (true), or stops at {@link #MAX_ANSWER_BYTES} (false). */
    private static boolean discard(InputStream in, byte[] scratch) throws IOException {
        long seen = 0;
        int n;
        while ((n = in.read(scratch)) >= 0) {
            seen += n;
            if (seen > MAX_ANSWER_BYTES) {
                return false;
            }
        }
        return true;
    }

    /** A timeout for {@link java.net.URLConnection}: 0 is "none", anything shorter than 1 ms is 1 ms. */
    private static int millis(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return 0;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** Says why, at most once a minute per kind; not after {@link #close()}, which aborts requests on purpose. */
    private void failed(String what, Throwable t) {
        if (!closed && Diagnostics.versionConflict("events cannot be sent", t)) {
            return;
        }
        if (diagnostics.enabled() && !closed) { // no message built per failed request unless someone listens
            diagnostics.throttled("http." + what, Duration.ofMinutes(1), what + ": " + Diagnostics.describe(t));
        }
    }

    /** Refuses what follows and disconnects the requests in flight. Idempotent. */
    void close() {
        // Not under the building lock: a sender still resolving (a cold JVM's TLS set-up) must not hold close up.
        closed = true;
        for (Exchange e : inFlight) {
            e.cancel();
        }
        watchdog.shutdownNow();
    }

    /** What every request goes through: resolved once. */
    private static final class Route {
        final SSLSocketFactory tls;
        final Proxy proxy;
        final Authenticator authenticator;

        Route(SSLSocketFactory tls, Proxy proxy, Authenticator authenticator) {
            this.tls = tls;
            this.proxy = proxy;
            this.authenticator = authenticator;
        }
    }

    /** One request's exchange, abortable from another thread (close, or the deadline's watchdog). */
    static final class Exchange {
        private volatile HttpURLConnection connection;
        private volatile boolean cancelled;

        /** Disconnects the request: a read or write it is blocked in fails at once. */
        void cancel() {
            cancelled = true;
            HttpURLConnection c = connection;
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /** Answers the configured proxy's challenge with its user and password; nothing else. */
    private static final class ProxyAuthenticator extends Authenticator {
        private final SentryOptions.Proxy proxy;

        ProxyAuthenticator(SentryOptions.Proxy proxy) {
            this.proxy = proxy;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            String password = proxy.password();
            return new PasswordAuthentication(proxy.user(), password == null ? new char[0] : password.toCharArray());
        }
    }
}
