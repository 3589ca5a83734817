package org.sentry4j.compat.apps;

import java.io.IOException;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.sentry4j.integration.SentryHttpBreadcrumbs;

/**
 * One request through the application's own HttpClient 5 with sentry4j's breadcrumb interceptor, to
 * the host and port of {@code SENTRY_DSN} (the loopback receiver), path {@code /compat-ping}. Its own
 * class, so only a row with HttpClient 5 loads it.
 */
final class HttpCall {
    private HttpCall() {
    }

    static void ping() {
        URI dsn = URI.create(System.getenv("SENTRY_DSN"));
        String url = "http://" + dsn.getHost() + ":" + dsn.getPort() + "/compat-ping";
        try (CloseableHttpClient http = HttpClients.custom()
                .addExecInterceptorFirst("sentry", new SentryHttpBreadcrumbs())
                .build()) {
            int status = http.execute(new HttpGet(url), response -> response.getCode());
            System.out.println("compat-app: GET /compat-ping answered " + status);
        } catch (IOException e) {
            System.out.println("compat-app: GET /compat-ping failed: " + e);
        }
    }
}
