package org.sentry4j.integration;

import java.io.IOException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.net.URIAuthority;
import org.sentry4j.Sentry;
import org.sentry4j.internal.SdkThread;

/**
 * Records every request of an Apache HttpClient 5 (classic) as an {@code http} breadcrumb with
 * method, URL, status code, reason and duration; {@code warning} for 4xx, {@code error} for 5xx and for
 * requests that fail (with the exception's class as {@code error}). URLs lose their user-info and the
 * values of secret-looking query parameters (see {@link SafeUrl}). Add it first, so the duration covers
 * retries and redirects:
 *
 * <pre>{@code
 * HttpClients.custom().addExecInterceptorFirst("sentry", new SentryHttpBreadcrumbs()).build();
 * }</pre>
 *
 * Requests made by the SDK itself never become breadcrumbs.
 */
public final class SentryHttpBreadcrumbs implements ExecChainHandler {
    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        if (SdkThread.isCurrent() || !Sentry.isEnabled()) {
            return chain.proceed(request, scope);
        }
        long start = System.nanoTime();
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (IOException | HttpException | RuntimeException e) {
            record(request, scope, null, e, start);
            throw e;
        }
        record(request, scope, response, null, start);
        return response;
    }

    private static void record(ClassicHttpRequest request, ExecChain.Scope scope, ClassicHttpResponse response,
            Exception failure, long start) {
        HttpBreadcrumb.record(request.getMethod(), url(request, scope), response == null ? -1 : response.getCode(),
                response == null ? null : response.getReasonPhrase(), failure, start, request, response, null);
    }

    /** The request's target as an absolute URL, from the request or, for a relative one, the route. */
    private static String url(ClassicHttpRequest request, ExecChain.Scope scope) {
        URIAuthority authority = request.getAuthority();
        String scheme = request.getScheme();
        String host = authority != null ? authority.getHostName() : null;
        int port = authority != null ? authority.getPort() : -1;
        if (host == null && scope != null && scope.route != null) {
            HttpHost target = scope.route.getTargetHost();
            scheme = target.getSchemeName();
            host = target.getHostName();
            port = target.getPort();
        }
        return SafeUrl.of(scheme, host, port, request.getPath());
    }
}
