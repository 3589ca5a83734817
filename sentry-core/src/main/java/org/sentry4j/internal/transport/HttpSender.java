package org.sentry4j.internal.transport;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.SdkInfo;
import org.sentry4j.internal.SdkThread;
import org.sentry4j.transport.Dsn;
import org.sentry4j.transport.Envelope;

/**
 * One HTTP POST of one envelope with the JDK's own {@link HttpClient}: kept-alive HTTP/1.1 connections,
 * gzip, {@code X-Sentry-Auth}, a deadline for the whole exchange, a cap on the answer read, the proxy.
 * Reads the rate-limit headers of every answer. Knows nothing of queues or retries.
 *
 * <p>The JDK's client, not a library's: an application's own HTTP library version can never break
 * the SDK's delivery (nor the SDK break the application's), and nothing the SDK sends makes a logging
 * library start on an SDK thread. It is built by a sender thread, not by {@code Sentry.init}.
 */
final class HttpSender {
    static final int UNREACHABLE = -1;
    /** Sentry answers with a short JSON id; a longer body is not read on (nor waited for) past this. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    /** Built by a sender thread as it starts ({@link #prepare}); null until then. */
    private volatile HttpClient http;
    /** The client's own threads: shut down by {@link #close}. */
    private final ThreadPoolExecutor clientThreads;
    private volatile boolean closed;
    /** One thread builds; the others wait for it. */
    private final Object building = new Object();
    private volatile String builtBy;
    private final URI uri;
    private final String auth;
    private final RateLimits limits;
    private final Diagnostics diagnostics;
    private final SentryOptions options;
    /** Longest a request may take from its first byte to the end of the answer read. */
    private final Duration exchangeDeadline;

    HttpSender(SentryOptions options, int connections, RateLimits limits, Diagnostics diagnostics) {
        Dsn dsn = options.parsedDsn();
        this.uri = dsn.envelopeUri();
        // The DSN's secret key is deprecated and Sentry authenticates by the public key alone: it never leaves.
        this.auth = "Sentry sentry_version=7,sentry_client=" + SdkInfo.CLIENT + ",sentry_key=" + dsn.publicKey();
        this.limits = limits;
        this.diagnostics = diagnostics;
        this.options = options;
        this.exchangeDeadline = options.connectTimeout().plus(options.readTimeout());
        // The client's tasks never block (the body is in memory, the answer is discarded): a few threads do.
        this.clientThreads = new ThreadPoolExecutor(connections, connections, 5, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> new SdkThread("http", options.threadPriority(), task));
        clientThreads.allowCoreThreadTimeOut(true);
    }

    /**
     * Builds the client, off the application's thread; each sender calls it as it starts, before it
     * takes anything to send (so no request's time includes it). A failure is reported, and the next
     * request tries again.
     */
    void prepare() {
        try {
            client();
        } catch (Throwable t) { // NOPMD: an Error here must not end the sender thread
            failed("cannot build the HTTP client", t);
        }
    }

    /** The client; built here if no sender has yet. Throws once {@link #close()} has run. */
    private HttpClient client() throws NoSuchAlgorithmException {
        HttpClient c = http;
        if (c != null && !closed) {
            return c;
        }
        synchronized (building) {
            if (closed) {
                throw new IllegalStateException("sender closed");
            }
            c = http;
            if (c == null) {
                c = buildClient();
                http = c;
                builtBy = Thread.currentThread().getName();
            }
            if (closed) { // closed while building: close() does not wait for a build nobody will use
                http = null;
                stop(c);
                throw new IllegalStateException("sender closed");
            }
            return c;
        }
    }

    /** The name of the thread that built the client, or null (tests). */
    String builtBy() {
        return builtBy;
    }

    private HttpClient buildClient() throws NoSuchAlgorithmException {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout().isZero() ? Duration.ofDays(1) : options.connectTimeout())
                .executor(clientThreads);
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            builder.sslContext(SSLContext.getDefault()); // asked per client: the application may set its own
        } else { // no TLS to set up for a plain HTTP server: a cold client builds in a fraction of the time
            builder.sslContext(NoTls.CONTEXT).sslParameters(NoTls.parameters());
        }
        SentryOptions.Proxy proxy = options.proxy();
        if (proxy != null) {
            // unresolved: the proxy's name is looked up when connecting, on the client's threads
            builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
            if (proxy.user() != null) {
                builder.authenticator(new ProxyAuthenticator(proxy));
            }
        } // else the JVM's ProxySelector (http(s).proxyHost), the client's default
        return builder.build();
    }

    /** A request in progress, so {@code close} can abort it at its deadline. */
    Exchange newRequest() {
        return new Exchange();
    }

    /**
     * Posts the envelope; returns the HTTP status, or {@link #UNREACHABLE} when no whole answer came
     * (refused, reset, timed out, aborted, or the exchange outlived its deadline).
     */
    int post(Exchange exchange, Envelope envelope, GzipBody body, Instant sentAt) {
        HttpClient client;
        try {
            client = client();
        } catch (Throwable t) { // NOPMD: as in prepare(); the envelope is kept, as for an unreachable server
            failed("cannot build the HTTP client", t);
            return UNREACHABLE;
        }
        try {
            body.fill(envelope, sentAt);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("X-Sentry-Auth", auth)
                    .header("Content-Type", "application/x-sentry-envelope")
                    .header("Content-Encoding", "gzip")
                    .header("User-Agent", SdkInfo.CLIENT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.array(), 0, body.length()));
            if (!options.readTimeout().isZero()) {
                request.timeout(options.readTimeout());
            }
            HttpResponse.ResponseInfo response = exchange.run(client, request.build(), exchangeDeadline);
            limits.update(response.statusCode(),
                    response.headers().firstValue("X-Sentry-Rate-Limits").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null));
            return response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        } catch (Throwable t) { // NOPMD: any failure, an Error from a ProxySelector included, is "no answer"
            failed("no answer from " + uri.getHost(), unwrap(t)); // e.g. the TLS handshake's reason
            return UNREACHABLE;
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
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

    /** Refuses what follows; requests in flight are aborted through their {@link Exchange}. Idempotent. */
    void close() {
        // Not under the building lock: a sender still building (a cold JVM's TLS setup) must not hold close up.
        closed = true;
        HttpClient c = http;
        http = null;
        if (c != null) {
            stop(c);
        }
        clientThreads.shutdownNow();
    }

    /**
     * Ends the client's selector thread now rather than once the client is collected: a thread blocked
     * in the OS when the JVM exits holds the exit up (HotSpot waits for it up to about 300 ms), so a
     * short-lived program would pay that at every exit. Java 21+ says so in API ({@code shutdownNow});
     * before, the thread ends when interrupted. Best effort: if neither works, only the exit is slower.
     */
    static void stop(HttpClient client) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(client); // the API type: the implementation class is not exported
            return;
        } catch (ReflectiveOperationException | RuntimeException e) { // NOPMD: before Java 21, no such method
            // fall through to the selector thread
        } catch (Throwable t) { // NOPMD: never a reason for close to fail
            return;
        }
        try {
            Thread selector = selectorThread(client);
            if (selector != null) {
                selector.interrupt();
            }
        } catch (Throwable t) { // NOPMD: as above
            // the thread ends with the client, later
        }
    }

    /** The client's selector thread, found by the name the JDK gives it ({@code HttpClient-<id>-SelectorManager}). */
    private static Thread selectorThread(HttpClient client) {
        String text = client.toString(); // "...HttpClientImpl@hash(<id>)"
        int open = text.lastIndexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            return null;
        }
        String name = "HttpClient-" + text.substring(open + 1, text.length() - 1) + "-SelectorManager";
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 16];
        int n = root.enumerate(all, true);
        for (int i = 0; i < n; i++) {
            if (name.equals(all[i].getName())) {
                return all[i];
            }
        }
        return null;
    }

    /** One request's exchange, abortable from another thread. */
    static final class Exchange {
        private volatile CompletableFuture<HttpResponse<Void>> future;
        private volatile CappedDiscard answer;
        /** The answer's status line and headers, once they came. */
        private volatile HttpResponse.ResponseInfo head;
        private volatile boolean cancelled;

        /**
         * The answer's status and headers. At the deadline, an answer whose head came but whose body
         * has not ended still counts: the server said what it did with the envelope, and sending it
         * again would duplicate it.
         */
        HttpResponse.ResponseInfo run(HttpClient client, HttpRequest request, Duration deadline)
                throws InterruptedException, ExecutionException, TimeoutException {
            CompletableFuture<HttpResponse<Void>> f = client.sendAsync(request, info -> {
                CappedDiscard d = new CappedDiscard();
                answer = d;
                head = info;
                return d;
            });
            future = f;
            if (cancelled) {
                cancel();
            }
            try {
                if (deadline.isZero()) {
                    f.get();
                } else {
                    f.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
                }
                return head; // set before the body is read, so before f completes
            } catch (TimeoutException e) {
                HttpResponse.ResponseInfo h = head;
                cancel();
                if (h != null) {
                    return h;
                }
                throw e;
            }
        }

        /** Aborts the request; it then ends as unreachable. */
        void cancel() {
            cancelled = true;
            CappedDiscard d = answer;
            if (d != null) {
                d.abort();
            }
            CompletableFuture<HttpResponse<Void>> f = future;
            if (f != null) {
                f.cancel(true);
            }
        }
    }

    /** Reads an answer's body to its end, or stops at {@link #MAX_ANSWER_BYTES}: the connection then closes. */
    private static final class CappedDiscard implements HttpResponse.BodySubscriber<Void> {
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private long seen;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                seen += b.remaining();
            }
            if (seen > MAX_ANSWER_BYTES) {
                subscription.cancel();
                done.complete(null);
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }

        @Override
        public CompletableFuture<Void> getBody() {
            return done;
        }

        void abort() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            done.cancel(false);
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
