package org.sentry4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.ScopeHandle;
import org.sentry4j.Sentry;
import org.sentry4j.User;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

/** {@code Sentry.wrap}: the submitting thread's scope travels with a task, and nothing comes back. */
class ScopePropagationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestReceiver receiver;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false).serverName("box"));
        pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pool-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        Sentry.close();
        receiver.close();
    }

    private JsonObject event(String id) {
        JsonObject event = receiver.awaitEvent(e -> id.equals(e.eventString("event_id")), WAIT).event();
        EventSchema.assertValid(event);
        return event;
    }

    private static String tag(JsonObject event, String name) {
        JsonObject tags = event.getAsJsonObject("tags");
        return tags == null || !tags.has(name) ? null : tags.get(name).getAsString();
    }

    @Test
    void aWrappedTaskRunTwiceStartsEachRunFromTheCallersScope() throws Exception {
        String[] ids = new String[2];
        int[] run = {0};
        Runnable task = Sentry.wrap(() -> {
            int n = run[0]++;
            if (n == 0) {
                Sentry.configureScope(s -> s.setTag("first-run-only", "yes"));
            } else {
                ids[1] = Sentry.captureMessage("second run");
            }
        });
        pool.submit(task).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        pool.submit(task).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(tag(event(ids[1]), "first-run-only")).isNull();
    }

    @Test
    void aWrappedExecutorCarriesThePushedScopeAndTakesNothingBack() throws Exception {
        Executor executor = Sentry.wrap((Executor) pool);
        String[] ids = new String[1];
        try (ScopeHandle ignored = Sentry.pushScope()) {
            Sentry.configureScope(s -> {
                s.setTag("request", "r-42");
                s.setUser(User.ofId("u-7"));
            });
            executor.execute(() -> {
                Sentry.configureScope(s -> s.setTag("worker-only", "yes"));
                ids[0] = Sentry.captureMessage("inside the task");
            });
            pool.submit(() -> { }).get(WAIT.toMillis(), TimeUnit.MILLISECONDS); // the task has finished

            JsonObject inside = event(ids[0]);
            assertThat(tag(inside, "request")).isEqualTo("r-42");
            assertThat(tag(inside, "worker-only")).isEqualTo("yes");
            assertThat(inside.getAsJsonObject("user").get("id").getAsString()).isEqualTo("u-7");
            assertThat(inside.getAsJsonObject("threads").getAsJsonArray("values").get(0).getAsJsonObject()
                    .get("name").getAsString()).isEqualTo("pool-worker");

            JsonObject caller = event(Sentry.captureMessage("back on the caller"));
            assertThat(tag(caller, "request")).isEqualTo("r-42");
            assertThat(tag(caller, "worker-only")).isNull();
        }
    }

    @Test
    void aWrappedCallableCarriesTheScopeAndThePoolThreadForgetsItAfterwards() throws Exception {
        String inside;
        try (ScopeHandle ignored = Sentry.pushScope()) {
            Sentry.configureScope(s -> s.setTag("tenant", "acme"));
            inside = pool.submit(Sentry.wrap(() -> Sentry.captureMessage("in callable")))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        String later = pool.submit(() -> Sentry.captureMessage("unwrapped task")).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(tag(event(inside), "tenant")).isEqualTo("acme");
        assertThat(tag(event(later), "tenant")).isNull();
    }

    @Test
    void theTaskSeesTheScopeAsItWasWhenWrappedNotLaterChanges() throws Exception {
        String[] ids = new String[1];
        Runnable task;
        try (ScopeHandle ignored = Sentry.pushScope()) {
            Sentry.configureScope(s -> s.setTag("step", "wrapped"));
            task = Sentry.wrap(() -> {
                ids[0] = Sentry.captureMessage("snapshot");
            });
            Sentry.configureScope(s -> s.setTag("step", "changed-after"));
        }
        pool.submit(task).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(tag(event(ids[0]), "step")).isEqualTo("wrapped");
    }
}
