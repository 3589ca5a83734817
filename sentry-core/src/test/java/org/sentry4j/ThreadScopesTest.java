package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.InMemoryTransport;

/**
 * Each thread's events carry only that thread's user, tags and breadcrumbs (over the global scope's),
 * however the threads interleave; a pool thread gets a clean scope per task.
 */
class ThreadScopesTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 20;
    private final InMemoryTransport transport = new InMemoryTransport();

    @BeforeEach
    void start() {
        Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                .maxPendingEvents(100_000).transportFactory(opts -> transport));
    }

    @AfterEach
    void stop() {
        Sentry.close();
    }

    @Test
    void concurrentThreadsNeverSeeEachOthersUserTagsOrBreadcrumbs() throws Exception {
        Sentry.configureGlobalScope(s -> {
            s.setTag("app", "shop");
            s.addBreadcrumb(Breadcrumb.of("global started"));
        });
        CyclicBarrier step = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String who = "user-" + t;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        step.await(10, TimeUnit.SECONDS); // every thread sets, then every thread captures
                        Sentry.configureScope(s -> {
                            s.setUser(User.ofId(who));
                            s.setTag("who", who);
                        });
                        Sentry.addBreadcrumb("crumb of " + who);
                        step.await(10, TimeUnit.SECONDS);
                        Sentry.captureMessage("message of " + who);
                        Sentry.captureException(new IllegalStateException("error of " + who));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Sentry.flush(Duration.ofSeconds(30))).isTrue();

        List<JsonObject> events = transport.events();
        assertThat(events).hasSize(THREADS * ROUNDS * 2);
        for (JsonObject e : events) {
            String who = e.getAsJsonObject("user").get("id").getAsString();
            String text = e.has("logentry") ? e.getAsJsonObject("logentry").get("formatted").getAsString()
                    : e.getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject()
                    .get("value").getAsString();
            assertThat(text).endsWith(" of " + who);
            assertThat(e.getAsJsonObject("tags").get("who").getAsString()).isEqualTo(who);
            assertThat(e.getAsJsonObject("tags").get("app").getAsString()).as("the global scope's").isEqualTo("shop");
            List<String> crumbs = new ArrayList<>();
            for (JsonElement c : e.getAsJsonObject("breadcrumbs").getAsJsonArray("values")) {
                crumbs.add(c.getAsJsonObject().get("message").getAsString());
            }
            assertThat(crumbs.get(0)).isEqualTo("global started");
            assertThat(crumbs.subList(1, crumbs.size())).isNotEmpty().allMatch(("crumb of " + who)::equals);
        }
    }

    @Test
    void configureScopeChangesOnlyThisThreadAndConfigureGlobalScopeEveryThread() throws Exception {
        Sentry.configureScope(s -> s.setUser(User.ofId("main-only")));
        Sentry.configureGlobalScope(s -> s.setTag("region", "eu"));
        Thread other = new Thread(() -> Sentry.captureMessage("other"));
        other.start();
        other.join(10_000);
        Sentry.captureMessage("main");
        assertThat(Sentry.flush(Duration.ofSeconds(5))).isTrue();

        JsonObject fromOther = transport.events().get(0);
        JsonObject fromMain = transport.events().get(1);
        assertThat(fromOther.has("user")).isFalse();
        assertThat(fromOther.getAsJsonObject("tags").get("region").getAsString()).isEqualTo("eu");
        assertThat(fromMain.getAsJsonObject("user").get("id").getAsString()).isEqualTo("main-only");
        assertThat(fromMain.getAsJsonObject("tags").get("region").getAsString()).isEqualTo("eu");
    }

    @Test
    void aTraceContinuedOnTheGlobalScopeIsEveryThreadsTrace() throws Exception {
        String incoming = "0123456789abcdef0123456789abcdef";
        Sentry.configureGlobalScope(s -> s.setPropagationContext(
                PropagationContext.ofIds(incoming, "0123456789abcdef", null)));
        java.util.concurrent.atomic.AtomicReference<String> header = new java.util.concurrent.atomic.AtomicReference<>();
        Thread other = new Thread(() -> {
            header.set(Sentry.getTraceparent());
            Sentry.captureMessage("traced");
        });
        other.start();
        other.join(10_000);
        assertThat(Sentry.flush(Duration.ofSeconds(5))).isTrue();

        assertThat(header.get()).startsWith(incoming + "-");
        assertThat(transport.events().get(0).getAsJsonObject("contexts").getAsJsonObject("trace")
                .get("trace_id").getAsString()).isEqualTo(incoming);
    }

    @Test
    void theThreadsValuesWinOverTheGlobalOnes() {
        Sentry.configureGlobalScope(s -> {
            s.setTag("tier", "free");
            s.setUser(User.ofId("service-account"));
        });
        Sentry.configureScope(s -> s.setTag("tier", "gold"));
        Sentry.captureMessage("m");
        assertThat(Sentry.flush(Duration.ofSeconds(5))).isTrue();

        JsonObject e = transport.events().get(0);
        assertThat(e.getAsJsonObject("tags").get("tier").getAsString()).isEqualTo("gold");
        assertThat(e.getAsJsonObject("user").get("id").getAsString()).isEqualTo("service-account");
    }

    @Test
    void anIsolatedScopeGivesAPoolThreadsNextTaskNothingOfTheLastOne() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> { // a task that forgot to clean up after itself
                Sentry.configureScope(s -> s.setUser(User.ofId("alice")));
                Sentry.addBreadcrumb("alice's step");
            }).get(5, TimeUnit.SECONDS);
            pool.submit(() -> {
                try (ScopeHandle ignored = Sentry.pushIsolatedScope()) {
                    Sentry.configureScope(s -> s.setUser(User.ofId("bob")));
                    Sentry.addBreadcrumb("bob's step");
                    Sentry.captureMessage("bob's error");
                }
            }).get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Sentry.flush(Duration.ofSeconds(5))).isTrue();

        JsonObject e = transport.events().get(0);
        assertThat(e.getAsJsonObject("user").get("id").getAsString()).isEqualTo("bob");
        assertThat(e.getAsJsonObject("breadcrumbs").toString()).contains("bob's step").doesNotContain("alice");
    }
}
