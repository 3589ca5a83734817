package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.InMemoryTransport;

class ScopeTest {
    private final InMemoryTransport transport = new InMemoryTransport();

    @BeforeEach
    void start() {
        Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                .maxBreadcrumbs(3).transportFactory(opts -> transport));
    }

    @AfterEach
    void stop() {
        Sentry.close();
    }

    private JsonObject lastEvent() {
        assertThat(Sentry.flush(Duration.ofSeconds(5))).isTrue();
        List<JsonObject> events = transport.events();
        return events.get(events.size() - 1);
    }

    @Test
    void pushedScopeLayersOverGlobalAndVanishesWhenPopped() {
        Sentry.configureScope(s -> s.setTag("app", "shop"));
        try (ScopeHandle ignored = Sentry.pushScope()) {
            Sentry.configureScope(s -> {
                s.setTag("request", "r-1");
                s.setUser(User.ofId("u-1"));
                s.setLevel(SentryLevel.WARNING);
            });
            Sentry.captureMessage("inside");
            JsonObject inside = lastEvent();
            assertThat(inside.getAsJsonObject("tags").get("app").getAsString()).isEqualTo("shop");
            assertThat(inside.getAsJsonObject("tags").get("request").getAsString()).isEqualTo("r-1");
            assertThat(inside.get("level").getAsString()).isEqualTo("warning");
        }
        Sentry.captureMessage("outside");
        JsonObject outside = lastEvent();
        assertThat(outside.getAsJsonObject("tags").has("request")).isFalse();
        assertThat(outside.has("user")).isFalse();
        assertThat(outside.get("level").getAsString()).isEqualTo("info");
    }

    @Test
    void withScopeAppliesOnlyInside() {
        Sentry.withScope(s -> {
            s.setExtra("job", 7);
            Sentry.captureMessage("in");
        });
        assertThat(lastEvent().getAsJsonObject("extra").get("job").getAsInt()).isEqualTo(7);
        Sentry.captureMessage("out");
        assertThat(lastEvent().has("extra")).isFalse();
    }

    @Test
    void pushedScopeIsPerThread() throws Exception {
        try (ScopeHandle ignored = Sentry.pushScope()) {
            Sentry.configureScope(s -> s.setTag("mine", "yes"));
            Thread other = new Thread(() -> Sentry.captureMessage("other thread"));
            other.start();
            other.join(5000);
        }
        assertThat(lastEvent().has("tags")).isFalse();
    }

    @Test
    void breadcrumbsKeepNewestMaxBreadcrumbsOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            Sentry.addBreadcrumb("crumb " + i);
        }
        Sentry.captureMessage("m");
        var crumbs = lastEvent().getAsJsonObject("breadcrumbs").getAsJsonArray("values");
        assertThat(crumbs).hasSize(3);
        assertThat(crumbs.get(0).getAsJsonObject().get("message").getAsString()).isEqualTo("crumb 3");
        assertThat(crumbs.get(2).getAsJsonObject().get("message").getAsString()).isEqualTo("crumb 5");
    }

    @Test
    void clearRemovesEverything() {
        Sentry.configureScope(s -> {
            s.setTag("t", "v");
            s.setUser(User.ofEmail("a@b.c"));
            s.setFingerprint(List.of("x"));
            s.setContext("c", java.util.Map.of("k", 1));
            s.addBreadcrumb(Breadcrumb.of("b"));
            s.clear();
        });
        Sentry.captureMessage("m");
        JsonObject e = lastEvent();
        assertThat(e.has("tags")).isFalse();
        assertThat(e.has("user")).isFalse();
        assertThat(e.has("fingerprint")).isFalse();
        assertThat(e.has("breadcrumbs")).isFalse();
        assertThat(e.getAsJsonObject("contexts").has("c")).isFalse();
    }

    @Test
    void wrapCarriesCallerScopeToPoolAndWorkerChangesDoNotLeak() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            try (ScopeHandle ignored = Sentry.pushScope()) {
                Sentry.configureScope(s -> {
                    s.setTag("order", "o-9");
                    s.setUser(User.ofId("u-9"));
                });
                pool.submit(Sentry.wrap(() -> {
                    Sentry.configureScope(s -> s.setTag("worker", "w"));
                    Sentry.captureMessage("in pool");
                })).get(5, TimeUnit.SECONDS);
            }
            JsonObject e = lastEvent();
            assertThat(e.getAsJsonObject("tags").get("order").getAsString()).isEqualTo("o-9");
            assertThat(e.getAsJsonObject("user").get("id").getAsString()).isEqualTo("u-9");
            pool.submit(() -> Sentry.captureMessage("unwrapped")).get(5, TimeUnit.SECONDS);
            JsonObject plain = lastEvent();
            assertThat(plain.has("tags")).as("nothing leaked into the worker's own scope").isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUserWithoutIdentityIsIgnoredWithOneDebugLineNeverAnException() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                    .debug(true).transportFactory(opts -> transport));
            User nobody = User.builder().data("plan", "gold").build(); // no exception
            assertThat(nobody.isIdentified()).isFalse();

            Sentry.configureScope(s -> {
                s.setUser(User.ofId("u-1"));
                s.setUser(nobody); // ignored: u-1 stays
            });
            Sentry.captureMessage("scope user");
            assertThat(lastEvent().getAsJsonObject("user").get("id").getAsString()).isEqualTo("u-1");

            SentryEvent event = new SentryEvent();
            event.setMessage("event user");
            event.setUser(nobody);
            Sentry.captureEvent(event);
            assertThat(lastEvent().getAsJsonObject("user").get("id").getAsString())
                    .as("the event's own unidentified user is dropped; the scope's applies").isEqualTo("u-1");
        } finally {
            System.setErr(original);
        }
        String output = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(output.lines().filter(l -> l.contains("a user without id, username, email or ipAddress")))
                .hasSize(2);
        assertThat(User.builder().ipAddress("{{auto}}").build().ipAddress()).isEqualTo("{{auto}}");
    }
}
