package org.sentry4j.integration;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

/**
 * For the HTTP breadcrumb tests: a started SDK sending to a loopback receiver, and a loopback server
 * for the client under test to call — paths under {@code /fail} answer {@code failStatus}, under
 * {@code /missing} 404, the rest 200 — and the breadcrumbs the next event carries.
 */
final class HttpBreadcrumbFixture implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);
    final TestReceiver receiver = TestReceiver.start();
    private final HttpServer server;
    /** {@code http://127.0.0.1:<port>} of the server to call. */
    final String base;

    HttpBreadcrumbFixture(int failStatus) throws IOException {
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false).serverName("box"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = path.startsWith("/fail") ? failStatus : path.startsWith("/missing") ? 404 : 200;
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Captures a message and returns the breadcrumbs its event carried, oldest first. */
    List<JsonObject> breadcrumbsOfNextEvent() {
        String id = Sentry.captureMessage("after the calls");
        JsonObject event = receiver.awaitEvent(e -> id.equals(e.eventString("event_id")), WAIT).event();
        EventSchema.assertValid(event);
        List<JsonObject> crumbs = new ArrayList<>();
        if (event.has("breadcrumbs")) {
            JsonArray values = event.getAsJsonObject("breadcrumbs").getAsJsonArray("values");
            values.forEach(v -> crumbs.add(v.getAsJsonObject()));
        }
        return crumbs;
    }

    @Override
    public void close() {
        server.stop(0);
        Sentry.close();
        receiver.close();
    }
}
