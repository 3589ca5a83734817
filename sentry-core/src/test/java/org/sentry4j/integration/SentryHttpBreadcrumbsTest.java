package org.sentry4j.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.internal.SdkThread;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

class SentryHttpBreadcrumbsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private HttpBreadcrumbFixture fixture;
    private CloseableHttpClient client;
    private String base;

    @BeforeEach
    void start() throws IOException {
        fixture = new HttpBreadcrumbFixture(500);
        base = fixture.base;
        client = HttpClients.custom().addExecInterceptorFirst("sentry", new SentryHttpBreadcrumbs()).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        fixture.close();
    }

    private int call(org.apache.hc.core5.http.ClassicHttpRequest request) throws IOException {
        return client.execute(request, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    private List<JsonObject> breadcrumbsOfNextEvent() {
        return fixture.breadcrumbsOfNextEvent();
    }

    @Test
    void callsBecomeHttpBreadcrumbsWithoutSecrets() throws IOException {
        assertThat(call(new HttpGet(base + "/orders?page=2&access_token=abc123&api%5Fkey=k3y&q=shoes#frag"))).isEqualTo(200);
        assertThat(call(new HttpPost(base + "/fail/checkout?signature=s1gn"))).isEqualTo(500);
        assertThat(call(new HttpGet(base + "/missing"))).isEqualTo(404);

        List<JsonObject> crumbs = breadcrumbsOfNextEvent();

        assertThat(crumbs).hasSize(3);
        JsonObject ok = crumbs.get(0);
        assertThat(ok.get("type").getAsString()).isEqualTo("http");
        assertThat(ok.get("category").getAsString()).isEqualTo("http");
        assertThat(ok.has("level")).isFalse();
        JsonObject okData = ok.getAsJsonObject("data");
        assertThat(okData.get("method").getAsString()).isEqualTo("GET");
        assertThat(okData.get("url").getAsString()).isEqualTo(base + "/orders?page=2&access_token=***&api%5Fkey=***&q=shoes");
        assertThat(okData.get("status_code").getAsInt()).isEqualTo(200);
        assertThat(okData.get("reason").getAsString()).isEqualTo("OK");
        assertThat(okData.get("duration_ms").getAsLong()).isNotNegative();

        JsonObject failed = crumbs.get(1);
        assertThat(failed.get("level").getAsString()).isEqualTo("error");
        assertThat(failed.getAsJsonObject("data").get("method").getAsString()).isEqualTo("POST");
        assertThat(failed.getAsJsonObject("data").get("url").getAsString()).isEqualTo(base + "/fail/checkout?signature=***");
        assertThat(failed.getAsJsonObject("data").get("status_code").getAsInt()).isEqualTo(500);

        assertThat(crumbs.get(2).get("level").getAsString()).isEqualTo("warning");
        assertThat(crumbs.get(2).getAsJsonObject("data").get("status_code").getAsInt()).isEqualTo(404);
        assertThat(crumbs.toString()).doesNotContain("abc123", "k3y", "s1gn", "frag");
    }

    @Test
    void credentialsInTheUrlNeverReachTheBreadcrumb() throws IOException {
        try {
            call(new HttpGet(base.replace("http://", "http://alice:pa55word@") + "/private"));
        } catch (IOException e) {
            // HttpClient 5 may refuse user-info in a request URI; either way it must not leak
        }

        List<JsonObject> crumbs = breadcrumbsOfNextEvent();

        assertThat(crumbs).hasSize(1);
        assertThat(crumbs.get(0).getAsJsonObject("data").get("url").getAsString())
                .isEqualTo(base + "/private");
        assertThat(crumbs.toString()).doesNotContain("alice", "pa55word");
    }

    @Test
    void aFailedRequestIsAnErrorBreadcrumbNamingTheException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> call(new HttpGet("http://127.0.0.1:" + closedPort + "/down")))
                .isInstanceOf(IOException.class);

        List<JsonObject> crumbs = breadcrumbsOfNextEvent();

        assertThat(crumbs).hasSize(1);
        JsonObject data = crumbs.get(0).getAsJsonObject("data");
        assertThat(crumbs.get(0).get("level").getAsString()).isEqualTo("error");
        assertThat(data.get("url").getAsString()).isEqualTo("http://127.0.0.1:" + closedPort + "/down");
        assertThat(data.has("status_code")).isFalse();
        assertThat(data.get("error").getAsString()).endsWith("Exception");
        assertThat(IOException.class).isAssignableFrom(classOf(data.get("error").getAsString()));
    }

    @Test
    void requestsOnSdkThreadsAreNotRecorded() throws Exception {
        Throwable[] failure = new Throwable[1];
        Thread sdk = new SdkThread("test-http", () -> {
            try {
                call(new HttpGet(base + "/from-the-sdk"));
            } catch (Throwable t) { // NOPMD: reported below
                failure[0] = t;
            }
        });
        sdk.start();
        sdk.join(WAIT.toMillis());
        assertThat(failure[0]).isNull();
        call(new HttpGet(base + "/from-the-app"));

        List<JsonObject> crumbs = breadcrumbsOfNextEvent();

        assertThat(crumbs).hasSize(1);
        assertThat(crumbs.get(0).getAsJsonObject("data").get("url").getAsString()).endsWith("/from-the-app");
    }

    private static Class<?> classOf(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
