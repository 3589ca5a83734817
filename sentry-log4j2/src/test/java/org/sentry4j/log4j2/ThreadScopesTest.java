package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Logger;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.User;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.ReceivedEnvelope;

/** Threads that set their user and tags and log through Log4j2 get events with only their own data. */
class ThreadScopesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int THREADS = 6;
    private static final int ROUNDS = 10;

    @TempDir
    Path dir;

    @Test
    void loggingThreadsNeverSeeEachOthersUserTagsOrBreadcrumbs() throws Exception {
        try (LoggingFixture fixture = new LoggingFixture(dir)) {
            fixture.start(fixture.config(""));
            Logger log = fixture.logger("com.shop.Checkout");
            CyclicBarrier step = new CyclicBarrier(THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    String who = "user-" + t;
                    done.add(pool.submit(() -> {
                        for (int round = 0; round < ROUNDS; round++) {
                            step.await(10, TimeUnit.SECONDS);
                            Sentry.configureScope(s -> {
                                s.setUser(User.ofId(who));
                                s.setTag("who", who);
                            });
                            log.info("step {} of {}", round, who);
                            step.await(10, TimeUnit.SECONDS);
                            log.error("failed for {}", who);
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
            List<ReceivedEnvelope> envelopes = fixture.receiver.awaitEnvelopes(THREADS * ROUNDS, WAIT);
            for (ReceivedEnvelope envelope : envelopes) {
                JsonObject e = envelope.event();
                EventSchema.assertValid(e);
                String who = e.getAsJsonObject("user").get("id").getAsString();
                assertThat(e.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("failed for " + who);
                assertThat(e.getAsJsonObject("tags").get("who").getAsString()).isEqualTo(who);
                List<String> crumbs = new ArrayList<>();
                for (JsonElement c : e.getAsJsonObject("breadcrumbs").getAsJsonArray("values")) {
                    crumbs.add(c.getAsJsonObject().get("message").getAsString());
                }
                assertThat(crumbs).isNotEmpty().allMatch(c -> c.endsWith(" of " + who) || c.equals("failed for " + who));
            }
        }
    }
}
