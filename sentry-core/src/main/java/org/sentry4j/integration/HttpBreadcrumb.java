package org.sentry4j.integration;

import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.sentry4j.Breadcrumb;
import org.sentry4j.Hint;
import org.sentry4j.Scope;
import org.sentry4j.Sentry;
import org.sentry4j.SentryLevel;
import org.sentry4j.SentryOptions;

/**
 * The {@code http} breadcrumb of one outgoing request, whichever client made it: method, safe URL,
 * status code and reason, duration; {@code warning} for 4xx, {@code error} for 5xx and for a request
 * that failed (the exception's class as {@code error}); the request and response in the hint.
 */
final class HttpBreadcrumb {
    private HttpBreadcrumb() {
    }

    /**
     * Records it into {@code scope}, or the current scope when null; never throws.
     *
     * @param status  the answer's status, or -1 when there is none ({@code failure} then says why)
     * @param reason  the answer's reason phrase, or null
     * @param failure what the request failed with, or null
     */
    static void record(String method, String url, int status, String reason, Throwable failure, long startNanos,
                       Object request, Object response, Scope scope) {
        try {
            long durationMs = (System.nanoTime() - startNanos) / 1_000_000L;
            Breadcrumb.Builder crumb = Breadcrumb.builder().type("http").category("http").timestamp(now())
                    .data("method", method).data("url", url);
            SentryLevel level = null;
            if (status >= 0) {
                crumb.data("status_code", status);
                if (reason != null && !reason.isEmpty()) {
                    crumb.data("reason", reason);
                }
                level = status >= 500 ? SentryLevel.ERROR : status >= 400 ? SentryLevel.WARNING : null;
            } else if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure; // an async send's wrapper names nothing
                crumb.data("error", cause.getClass().getName());
                level = SentryLevel.ERROR;
            }
            crumb.data("duration_ms", durationMs).level(level);
            Hint hint = Hint.builder().throwable(failure).put(Hint.HTTP_REQUEST, request)
                    .put(Hint.HTTP_RESPONSE, response).build();
            if (scope != null) {
                scope.addBreadcrumb(crumb.build(), hint);
            } else {
                Sentry.addBreadcrumb(crumb.build(), hint);
            }
        } catch (RuntimeException e) { // NOPMD: a breadcrumb is never worth failing the application's request
            // ignored on purpose
        }
    }

    private static Instant now() {
        SentryOptions options = Sentry.options();
        return options != null ? options.clock().instant() : Instant.now();
    }
}
