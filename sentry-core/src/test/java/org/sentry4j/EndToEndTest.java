package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestReceiver;

class EndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private TestReceiver receiver;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
        Sentry.init(o -> o.dsn(receiver.dsn()).release("shop@1.4.2").environment("staging")
                .serverName("box-1").ambientSources(false).defaultIntegrations(false));
    }

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    @Test
    void capturedExceptionArrivesAsEnvelopeWithChainOldestFirst() {
        IllegalStateException cause = new IllegalStateException("db down");
        String id = Sentry.captureException(new RuntimeException("order failed", cause));

        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(Sentry.lastEventId()).isEqualTo(id);
        ReceivedEnvelope env = receiver.awaitEnvelopes(1, WAIT).get(0);

        assertThat(env.path()).isEqualTo("/api/42/envelope/");
        assertThat(env.requestHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(env.requestHeader("Content-Type")).startsWith("application/x-sentry-envelope");
        assertThat(env.requestHeader("X-Sentry-Auth"))
                .startsWith("Sentry sentry_version=7,")
                .contains("sentry_key=testkey")
                .contains("sentry_client=sentry4j.java/");
        assertThat(env.requestHeader("User-Agent")).startsWith("sentry4j.java/");
        assertThat(env.header().get("event_id").getAsString()).isEqualTo(id);
        assertThat(env.header().get("sent_at").getAsString()).endsWith("Z");
        assertThat(env.header().getAsJsonObject("sdk").get("name").getAsString()).isEqualTo("sentry4j.java");
        assertThat(env.items()).hasSize(1);
        assertThat(env.items().get(0).header().get("length").getAsInt()).isEqualTo(env.items().get(0).payload().length);

        JsonObject event = env.event();
        EventSchema.assertValid(event);
        assertThat(event.get("event_id").getAsString()).isEqualTo(id);
        assertThat(event.get("platform").getAsString()).isEqualTo("java");
        assertThat(event.get("level").getAsString()).isEqualTo("error");
        assertThat(event.get("release").getAsString()).isEqualTo("shop@1.4.2");
        assertThat(event.get("environment").getAsString()).isEqualTo("staging");
        assertThat(event.get("server_name").getAsString()).isEqualTo("box-1");
        JsonArray values = event.getAsJsonObject("exception").getAsJsonArray("values");
        assertThat(values).hasSize(2);
        JsonObject inner = values.get(0).getAsJsonObject();
        JsonObject outer = values.get(1).getAsJsonObject();
        assertThat(inner.get("type").getAsString()).isEqualTo("IllegalStateException");
        assertThat(inner.get("module").getAsString()).isEqualTo("java.lang");
        assertThat(inner.get("value").getAsString()).isEqualTo("db down");
        assertThat(inner.getAsJsonObject("mechanism").get("parent_id").getAsInt()).isZero();
        assertThat(outer.get("type").getAsString()).isEqualTo("RuntimeException");
        assertThat(outer.getAsJsonObject("mechanism").get("type").getAsString()).isEqualTo("generic");
        assertThat(outer.getAsJsonObject("mechanism").get("handled").getAsBoolean()).isTrue();
        assertThat(outer.getAsJsonObject("mechanism").get("exception_id").getAsInt()).isZero();
        JsonArray frames = outer.getAsJsonObject("stacktrace").getAsJsonArray("frames");
        JsonObject throwing = frames.get(frames.size() - 1).getAsJsonObject();
        assertThat(throwing.get("module").getAsString()).isEqualTo(EndToEndTest.class.getName());
        assertThat(throwing.get("function").getAsString()).isEqualTo("capturedExceptionArrivesAsEnvelopeWithChainOldestFirst");
        assertThat(throwing.get("filename").getAsString()).isEqualTo("EndToEndTest.java");
        assertThat(throwing.get("in_app").getAsBoolean()).isFalse(); // org.sentry4j.* is the SDK's own
        assertThat(event.getAsJsonObject("contexts").getAsJsonObject("runtime").get("name").getAsString())
                .isEqualTo("Java");
        JsonObject os = event.getAsJsonObject("contexts").getAsJsonObject("os");
        assertThat(os.get("name").getAsString()).isEqualTo(System.getProperty("os.name"));
        assertThat(os.has("build")).as("the OS build revision, which the JVM does not know; never the CPU").isFalse();
        assertThat(event.getAsJsonObject("contexts").getAsJsonObject("device").get("arch").getAsString())
                .isEqualTo(System.getProperty("os.arch"));
    }

    @Test
    void capturedMessageCarriesLevelScopeAndThreadStack() {
        Sentry.configureScope(scope -> {
            scope.setUser(User.builder().id("u-17").email("ann@example.com").data("plan", "gold").build());
            scope.setTag("tenant", "acme");
            scope.setExtra("cart", List.of("sku-1", "sku-2"));
            scope.setFingerprint(List.of("{{default}}", "checkout"));
            scope.setContext("order", java.util.Map.of("id", 9001));
        });
        Sentry.addBreadcrumb(Breadcrumb.builder().message("cart opened").category("ui").level(SentryLevel.INFO).build());

        String id = Sentry.captureMessage("stock low", SentryLevel.WARNING);

        JsonObject event = receiver.awaitEvent(e -> e.eventString("event_id").equals(id), WAIT).event();
        EventSchema.assertValid(event);
        assertThat(event.get("level").getAsString()).isEqualTo("warning");
        assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("stock low");
        assertThat(event.getAsJsonObject("user").get("id").getAsString()).isEqualTo("u-17");
        assertThat(event.getAsJsonObject("user").getAsJsonObject("data").get("plan").getAsString()).isEqualTo("gold");
        assertThat(event.getAsJsonObject("tags").get("tenant").getAsString()).isEqualTo("acme");
        assertThat(event.getAsJsonObject("extra").getAsJsonArray("cart")).hasSize(2);
        assertThat(event.getAsJsonArray("fingerprint").toString()).isEqualTo("[\"{{default}}\",\"checkout\"]");
        assertThat(event.getAsJsonObject("contexts").getAsJsonObject("order").get("id").getAsInt()).isEqualTo(9001);
        JsonArray crumbs = event.getAsJsonObject("breadcrumbs").getAsJsonArray("values");
        assertThat(crumbs).hasSize(1);
        assertThat(crumbs.get(0).getAsJsonObject().get("message").getAsString()).isEqualTo("cart opened");
        JsonObject thread = event.getAsJsonObject("threads").getAsJsonArray("values").get(0).getAsJsonObject();
        assertThat(thread.get("current").getAsBoolean()).isTrue();
        assertThat(thread.get("state").getAsString()).isEqualTo("RUNNABLE");
        assertThat(thread.get("name").getAsString()).isEqualTo(Thread.currentThread().getName());
        JsonArray frames = thread.getAsJsonObject("stacktrace").getAsJsonArray("frames");
        assertThat(frames.get(frames.size() - 1).getAsJsonObject().get("function").getAsString())
                .isEqualTo("capturedMessageCarriesLevelScopeAndThreadStack");
    }

    @Test
    void flushReportsDeliveredAndCloseIsIdempotent() {
        for (int i = 0; i < 20; i++) {
            Sentry.captureMessage("m" + i);
        }
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(receiver.envelopes()).hasSize(20);
        Sentry.close();
        Sentry.close();
        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(Sentry.captureMessage("after close")).isEqualTo(Sentry.EMPTY_ID);
    }

    @Test
    void oneKeptAliveConnectionCarriesManyEnvelopes() {
        for (int i = 0; i < 30; i++) {
            Sentry.captureMessage("m" + i);
            assertThat(Sentry.flush(WAIT)).isTrue(); // one at a time, so a pool could not hide new connections
        }
        assertThat(receiver.envelopes()).hasSize(30);
        assertThat(receiver.envelopes().stream().map(ReceivedEnvelope::remotePort).distinct()).hasSize(1);
    }
}
