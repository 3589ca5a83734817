package org.sentry4j.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

/** Requests through the JDK's HttpClient, wrapped, become http breadcrumbs like Apache HttpClient 5's. */
class SentryHttpClientTest {
    private HttpBreadcrumbFixture fixture;
    private HttpClient client;
    private String base;

    @BeforeEach
    void start() throws IOException {
        fixture = new HttpBreadcrumbFixture(503);
        base = fixture.base;
        client = SentryHttpClient.wrap(HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void everyRequestIsABreadcrumbWithMethodSafeUrlStatusAndLevel() throws Exception {
        client.send(HttpRequest.newBuilder(URI.create(base + "/orders/7?token=s3cret&page=2")).build(),
                HttpResponse.BodyHandlers.discarding());
        client.send(HttpRequest.newBuilder(URI.create(base + "/missing")).POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(), HttpResponse.BodyHandlers.discarding());
        client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/fail")).build(), HttpResponse.BodyHandlers.discarding())
                .get(10, TimeUnit.SECONDS);

        List<JsonObject> crumbs = breadcrumbsOfNextEvent();

        assertThat(crumbs).hasSize(3).allSatisfy(c -> {
            assertThat(c.get("type").getAsString()).isEqualTo("http");
            assertThat(c.get("category").getAsString()).isEqualTo("http");
            assertThat(c.getAsJsonObject("data").has("duration_ms")).isTrue();
        });
        JsonObject get = crumbs.get(0).getAsJsonObject("data");
        assertThat(get.get("method").getAsString()).isEqualTo("GET");
        assertThat(get.get("url").getAsString()).doesNotContain("s3cret").contains("/orders/7?").contains("page=2");
        assertThat(get.get("status_code").getAsInt()).isEqualTo(200);
        assertThat(crumbs.get(0).has("level")).isFalse();
        assertThat(crumbs.get(1).getAsJsonObject("data").get("method").getAsString()).isEqualTo("POST");
        assertThat(crumbs.get(1).get("level").getAsString()).isEqualTo("warning");
        assertThat(crumbs.get(2).getAsJsonObject("data").get("status_code").getAsInt()).isEqualTo(503);
        assertThat(crumbs.get(2).get("level").getAsString()).isEqualTo("error");
    }

    @Test
    void aFailedRequestIsAnErrorBreadcrumbNamingTheExceptionAndStillThrows() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/x"))
                .build(), HttpResponse.BodyHandlers.discarding())).isInstanceOf(ConnectException.class);

        JsonObject crumb = breadcrumbsOfNextEvent().get(0);
        assertThat(crumb.get("level").getAsString()).isEqualTo("error");
        assertThat(crumb.getAsJsonObject("data").get("error").getAsString()).isEqualTo(ConnectException.class.getName());
    }

    @Test
    void wrapsOnceAndKeepsTheClientsSettings() {
        HttpClient inner = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpClient wrapped = SentryHttpClient.wrap(inner);

        assertThat(SentryHttpClient.wrap(wrapped)).isSameAs(wrapped);
        assertThat(wrapped.connectTimeout()).contains(Duration.ofSeconds(3));
        assertThat(wrapped.version()).isEqualTo(inner.version());
    }

    private List<JsonObject> breadcrumbsOfNextEvent() {
        return fixture.breadcrumbsOfNextEvent();
    }
}
