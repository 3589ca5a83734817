package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.InMemoryTransport;

class CallbacksTest {
    private final InMemoryTransport transport = new InMemoryTransport();

    private void init(Consumer<SentryOptions.Builder> more) {
        Sentry.init(o -> {
            o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                    .transportFactory(opts -> transport);
            more.accept(o);
        });
    }

    @AfterEach
    void stop() {
        Sentry.close();
    }

    private void flush() {
        assertThat(Sentry.flush(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void beforeSendSeesHintAndCanEditTheEvent() {
        AtomicReference<Hint> seen = new AtomicReference<>();
        init(o -> o.beforeSend((event, hint) -> {
            seen.set(hint);
            event.setTag("scrubbed", "yes");
            event.getExtra().remove("password");
            return event;
        }));
        Sentry.configureScope(s -> s.setExtra("password", "hunter2"));
        IllegalStateException error = new IllegalStateException("boom");
        Sentry.captureException(error, Hint.builder().put("request", "GET /cart").build());
        flush();
        assertThat(seen.get().throwable()).isSameAs(error);
        assertThat(seen.get().get("request")).isEqualTo("GET /cart");
        assertThat(transport.events().get(0).getAsJsonObject("tags").get("scrubbed").getAsString()).isEqualTo("yes");
        assertThat(transport.events().get(0).has("extra")).isFalse();
    }

    @Test
    void beforeSendMayEditEveryContextOfTheEventAndTheScopesStayAsTheyWere() {
        init(o -> o.beforeSend((event, hint) -> {
            event.getContexts().values().forEach(c -> c.remove("secret"));
            event.getContexts().get("runtime").put("scrubbed", true);
            return event;
        }));
        Sentry.configureScope(s -> s.setContext("checkout", java.util.Map.of("secret", "x", "step", "pay")));
        Sentry.captureMessage("one");
        Sentry.captureMessage("two");
        flush();

        assertThat(transport.events()).hasSize(2);
        for (com.google.gson.JsonObject event : transport.events()) {
            com.google.gson.JsonObject contexts = event.getAsJsonObject("contexts");
            assertThat(contexts.getAsJsonObject("checkout").keySet()).containsExactly("step");
            assertThat(contexts.getAsJsonObject("runtime").get("scrubbed").getAsBoolean()).isTrue();
        }
        Sentry.configureScope(s -> assertThat(s.getContexts().get("checkout")).containsKey("secret"));
    }

    @Test
    void beforeSendReturningNullDropsAndCountsIt() {
        init(o -> o.beforeSend((event, hint) -> null));
        Sentry.captureMessage("dropped");
        flush();
        assertThat(transport.events()).isEmpty();
        assertThat(transport.discards()).containsEntry("before_send:error", 1L);
    }

    @Test
    void beforeSendThatThrowsDropsTheEventAndCaptureInsideItIsIgnored() {
        init(o -> o.beforeSend((event, hint) -> {
            Sentry.captureMessage("recursive capture from inside beforeSend");
            throw new IllegalStateException("callback bug");
        }));
        Sentry.captureMessage("first");
        Sentry.captureMessage("second");
        flush();
        assertThat(transport.events()).isEmpty();
        assertThat(transport.discards()).containsEntry("before_send:error", 2L);
    }

    @Test
    void beforeBreadcrumbFiltersWithHint() {
        List<Object> records = new CopyOnWriteArrayList<>();
        init(o -> o.beforeBreadcrumb((crumb, hint) -> {
            records.add(hint.logRecord());
            if ("secret".equals(crumb.category())) {
                return null;
            }
            if ("boom".equals(crumb.message())) {
                throw new IllegalStateException("bad callback");
            }
            return crumb.toBuilder().message(crumb.message().toUpperCase()).build();
        }));
        Sentry.addBreadcrumb(Breadcrumb.builder().message("kept").build(), Hint.ofLogRecord("the-record", null));
        Sentry.addBreadcrumb(Breadcrumb.builder().message("gone").category("secret").build());
        Sentry.addBreadcrumb(Breadcrumb.builder().message("boom").build());
        Sentry.configureScope(s -> s.addBreadcrumb(Breadcrumb.of("via scope")));
        Sentry.captureMessage("m");
        flush();
        var crumbs = transport.events().get(0).getAsJsonObject("breadcrumbs").getAsJsonArray("values");
        assertThat(crumbs).hasSize(2);
        assertThat(crumbs.get(0).getAsJsonObject().get("message").getAsString()).isEqualTo("KEPT");
        assertThat(crumbs.get(1).getAsJsonObject().get("message").getAsString()).isEqualTo("VIA SCOPE");
        assertThat(records).contains("the-record");
    }

    @Test
    void sampleRateZeroDropsEverythingAsSampleRate() {
        init(o -> o.sampleRate(0.0));
        Sentry.captureMessage("a");
        Sentry.captureMessage("b");
        flush();
        assertThat(transport.events()).isEmpty();
        assertThat(transport.discards()).containsEntry("sample_rate:error", 2L);
    }

    @Test
    void sampleRateUsesInjectedRandomness() {
        init(o -> o.sampleRate(0.5).random(new java.util.Random(7)));
        for (int i = 0; i < 200; i++) {
            Sentry.captureMessage("m" + i);
        }
        flush();
        assertThat(transport.events().size()).isBetween(70, 130);
        assertThat(transport.discards().get("sample_rate:error") + transport.events().size()).isEqualTo(200);
    }

    @Test
    void ignoredExceptionsIncludeSubclasses() {
        init(o -> o.addIgnoredException(java.io.IOException.class));
        Sentry.captureException(new java.io.FileNotFoundException("missing"));
        Sentry.captureException(new IllegalStateException("kept"));
        flush();
        assertThat(transport.events()).hasSize(1);
        assertThat(transport.discards()).containsEntry("event_processor:error", 1L);
    }

    @Test
    void eventLevelAndFingerprintFromScope() {
        init(o -> o.tag("service", "checkout"));
        Sentry.configureScope(s -> s.setFingerprint(List.of("{{default}}", "payments")));
        SentryEvent custom = new SentryEvent();
        custom.setMessage("custom");
        custom.setTag("service", "override");
        custom.setLevel(SentryLevel.DEBUG);
        String id = Sentry.captureEvent(custom);
        flush();
        var e = transport.events().get(0);
        assertThat(e.get("event_id").getAsString()).isEqualTo(id);
        assertThat(e.getAsJsonObject("tags").get("service").getAsString()).as("event tag beats default tag")
                .isEqualTo("override");
        assertThat(e.getAsJsonArray("fingerprint")).hasSize(2);
        assertThat(e.get("level").getAsString()).isEqualTo("debug");
    }

    @Test
    void capturesBeyondMaxPendingEventsAreDroppedAndCounted() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        init(o -> o.maxPendingEvents(2).beforeSend((event, hint) -> {
            entered.countDown();
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS); // holds the worker: the queue fills
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return event;
        }));
        Sentry.captureMessage("taken by the worker");
        assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(LogCapture.admitEvent()).isTrue();
        assertThat(Sentry.captureMessage("queued 1")).isNotEqualTo(Sentry.EMPTY_ID);
        assertThat(Sentry.captureMessage("queued 2")).isNotEqualTo(Sentry.EMPTY_ID);
        assertThat(LogCapture.admitEvent()).as("a 'no' counts the drop the front-end then skips").isFalse();
        assertThat(Sentry.captureMessage("overflow")).isEqualTo(Sentry.EMPTY_ID);
        release.countDown();
        flush();
        assertThat(transport.discards()).containsEntry("queue_overflow:error", 2L);
        assertThat(transport.events()).hasSize(3);
        assertThat(LogCapture.admitEvent()).isTrue();
    }

    @Test
    void logRecordHintsAreWantedOnlyWhenSomethingReadsThem() {
        init(o -> { });
        assertThat(LogCapture.needsRecordHints()).isFalse();
        Sentry.close();
        init(o -> o.beforeSend((event, hint) -> event));
        assertThat(LogCapture.needsRecordHints()).isTrue();
        Sentry.close();
        init(o -> o.beforeBreadcrumb((crumb, hint) -> crumb));
        assertThat(LogCapture.needsRecordHints()).isTrue();
        Sentry.close();
        init(o -> o.addIntegration(new org.sentry4j.integration.Integration() {
            @Override
            public String name() {
                return "AppOwn";
            }

            @Override
            public void install(Installation installation) {
                installation.addEventProcessor((event, hint) -> event);
            }
        }));
        assertThat(LogCapture.needsRecordHints()).isTrue();
        Sentry.close();
        assertThat(LogCapture.needsRecordHints()).isFalse();
    }
}
