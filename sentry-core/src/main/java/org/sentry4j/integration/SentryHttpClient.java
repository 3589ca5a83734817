package org.sentry4j.integration;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.sentry4j.Scope;
import org.sentry4j.Sentry;
import org.sentry4j.internal.SdkThread;

/**
 * The JDK's {@link HttpClient} with an {@code http} breadcrumb for every request, as
 * {@link SentryHttpBreadcrumbs} gives Apache HttpClient 5: method, URL (without user-info, secret query
 * values hidden, see {@link SafeUrl}), status code and duration; {@code warning} for 4xx, {@code error}
 * for 5xx and for requests that fail (the exception's class as {@code error}). Everything else is the
 * wrapped client's:
 *
 * <pre>{@code
 * HttpClient http = SentryHttpClient.wrap(HttpClient.newHttpClient());
 * }</pre>
 *
 * {@code HttpURLConnection} has no such hook short of a JVM-wide {@code URLStreamHandlerFactory}, which
 * only one party may set and application servers already do; the SDK does not set it.
 */
public final class SentryHttpClient extends HttpClient {
    private final HttpClient delegate;

    private SentryHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** {@code client}, recording its requests as breadcrumbs. */
    public static HttpClient wrap(HttpClient client) {
        return client instanceof SentryHttpClient ? client : new SentryHttpClient(client);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        if (SdkThread.isCurrent() || !Sentry.isEnabled()) {
            return delegate.send(request, handler);
        }
        long start = System.nanoTime();
        HttpResponse<T> response;
        try {
            response = delegate.send(request, handler);
        } catch (IOException | InterruptedException | RuntimeException e) {
            record(request, null, e, start, null);
            throw e;
        }
        record(request, response, null, start, null);
        return response;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return sendAsync(request, handler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushes) {
        CompletableFuture<HttpResponse<T>> sent = pushes == null ? delegate.sendAsync(request, handler)
                : delegate.sendAsync(request, handler, pushes);
        if (SdkThread.isCurrent() || !Sentry.isEnabled()) {
            return sent;
        }
        long start = System.nanoTime();
        // Recorded in the scope of the thread that sent it: the future may complete on any thread.
        Scope[] origin = new Scope[1];
        Sentry.configureScope(scope -> origin[0] = scope);
        return sent.whenComplete((response, failure) -> record(request, response, failure, start, origin[0]));
    }

    /** Into {@code scope}, or the current thread's when null. */
    private static void record(HttpRequest request, HttpResponse<?> response, Throwable failure, long start,
                               Scope scope) {
        URI uri = request.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String url = SafeUrl.of(uri.getScheme(), uri.getHost(), uri.getPort(),
                uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        HttpBreadcrumb.record(request.method(), url, response == null ? -1 : response.statusCode(), null, failure,
                start, request, response, scope);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public java.net.http.WebSocket.Builder newWebSocketBuilder() {
        return delegate.newWebSocketBuilder();
    }

    // JDK 21 made HttpClient closeable. These override its methods there (same signatures), and pass
    // the call on to the wrapped client; compiled for Java 11, they cannot name them directly.

    /** As the wrapped client's {@code close()} (JDK 21+); nothing before. */
    public void close() {
        invoke("close");
    }

    /** As the wrapped client's {@code shutdown()} (JDK 21+); nothing before. */
    public void shutdown() {
        invoke("shutdown");
    }

    /** As the wrapped client's {@code shutdownNow()} (JDK 21+); nothing before. */
    public void shutdownNow() {
        invoke("shutdownNow");
    }

    /** As the wrapped client's {@code awaitTermination(Duration)} (JDK 21+); true before. */
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        try {
            Object done = HttpClient.class.getMethod("awaitTermination", Duration.class).invoke(delegate, duration);
            return Boolean.TRUE.equals(done);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            if (e.getCause() instanceof InterruptedException) {
                throw (InterruptedException) e.getCause();
            }
            throw rethrow(e);
        }
    }

    /** As the wrapped client's {@code isTerminated()} (JDK 21+); false before. */
    public boolean isTerminated() {
        try {
            return Boolean.TRUE.equals(HttpClient.class.getMethod("isTerminated").invoke(delegate));
        } catch (NoSuchMethodException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(ReflectiveOperationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
    }

    private void invoke(String name) {
        try {
            Method m = HttpClient.class.getMethod(name);
            m.invoke(delegate);
        } catch (NoSuchMethodException e) {
            // an older JDK: nothing to pass on
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
        }
    }
}
