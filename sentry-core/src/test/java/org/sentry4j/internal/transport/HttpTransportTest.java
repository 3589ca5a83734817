package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.WAIT;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.SdkThread;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestReceiver;
import org.sentry4j.testkit.TestReceiver.Response;

class HttpTransportTest extends TransportTestBase {
    @Test
    void deliversGzippedFramedEnvelopesOverKeptAliveConnections() {
        transport = fx.transport(o -> { });
        for (int i = 0; i < 60; i++) {
            transport.send(event(id(i)));
        }
        assertThat(transport.flush(WAIT)).isTrue();
        List<ReceivedEnvelope> got = receiver.awaitEnvelopes(60, WAIT);

        ReceivedEnvelope first = got.get(0);
        assertThat(first.path()).isEqualTo("/api/42/envelope/");
        assertThat(first.requestHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(first.requestHeader("Content-Type")).startsWith("application/x-sentry-envelope");
        assertThat(first.requestHeader("X-Sentry-Auth")).startsWith("Sentry sentry_version=7,")
                .contains("sentry_key=testkey");
        assertThat(first.header().get("sent_at").getAsString()).isEqualTo(fx.clock.instant().toString());
        assertThat(first.items()).hasSize(1);
        assertThat(first.items().get(0).header().get("length").getAsInt())
                .isEqualTo(first.items().get(0).payload().length);
        assertThat(TransportFixture.eventIds(got)).hasSize(60);
        assertThat(got.stream().map(ReceivedEnvelope::remotePort).distinct().count())
                .as("connections used for 60 envelopes").isLessThanOrEqualTo(HttpTransport.SENDERS);
        assertThat(transport.stats().sent()).isEqualTo(60);
    }

    @Test
    void buildsItsHttpClientOnASenderThreadNotTheCallers() {
        transport = fx.transport(o -> { });
        transport.send(event(id(1)));

        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(receiver.awaitEnvelopes(1, WAIT)).hasSize(1);
        assertThat(transport.sender().builtBy()).isNotNull()
                .isNotEqualTo(Thread.currentThread().getName())
                .matches(SdkThread::isSdkThreadName);
    }

    @Test
    void anErrorWhileSendingLeavesTheSendersAliveAndTheEnvelopesKept() {
        // An Error out of the JVM's ProxySelector (the HTTP client asks it per request), as a version
        // conflict on the class path would throw: reported, retried, and nothing lost meanwhile.
        java.net.ProxySelector original = java.net.ProxySelector.getDefault();
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.net.ProxySelector.setDefault(new java.net.ProxySelector() {
            @Override
            public List<java.net.Proxy> select(java.net.URI uri) {
                if (broken.get()) {
                    throw new LinkageError("test: no such method");
                }
                return List.of(java.net.Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(java.net.URI uri, java.net.SocketAddress sa, java.io.IOException ioe) {
            }
        });
        try {
            transport = fx.transport(o -> { });
            for (int i = 0; i < 3; i++) {
                transport.send(event(id(i)));
            }
            assertThat(transport.flush(WAIT)).as("kept in memory or on disk").isTrue();
            assertThat(receiver.envelopes()).isEmpty();
            assertThat(fx.diagnostics()).contains("java.lang.LinkageError: test: no such method").doesNotContain("sender failed");

            broken.set(false);
            Set<String> ids = fx.awaitEvents(3, () -> transport.stats().toString());

            assertThat(ids).containsExactlyInAnyOrder(id(0), id(1), id(2));
            assertThat(transport.stats().dropped()).isEmpty();
        } finally {
            java.net.ProxySelector.setDefault(original);
        }
    }

    @Test
    void flushWaitsForTheEnvelopesAcceptedBeforeItNotForAsManyAnsweredSince() throws Exception {
        String held = id(1);
        CountDownLatch heldArrived = new CountDownLatch(1);
        CountDownLatch releaseHeld = new CountDownLatch(1);
        receiver.respondWith(e -> {
            if (held.equals(e.header().get("event_id").getAsString())) {
                heldArrived.countDown();
                try {
                    releaseHeld.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return Response.status(200);
        });
        // The held request must not time out on a loaded machine while the test is holding it.
        transport = fx.transport(o -> o.readTimeout(Duration.ofMinutes(1)));
        transport.send(event(id(0))); // answered: the probe gate lets the next requests go in parallel
        receiver.awaitEnvelopes(1, WAIT);
        transport.send(event(held));
        assertThat(heldArrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> flushed = CompletableFuture.supplyAsync(() -> transport.flush(Duration.ofSeconds(2)));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!transport.urgent() && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait(); // until the flush waits
        }
        transport.send(event(id(2))); // accepted after the flush began, answered at once
        receiver.awaitEnvelopes(2, WAIT);

        assertThat(flushed.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("the held envelope is still unanswered when the flush's time is up").isFalse();
        releaseHeld.countDown();
        assertThat(transport.flush(WAIT)).as("answered, or spooled if its request failed meanwhile").isTrue();
    }

    @Test
    void serverDownFor5000EventsThenUpDeliversEachExactlyOnce() {
        receiver.down();
        transport = fx.transport(o -> { });
        for (int i = 0; i < 5000; i++) {
            transport.send(event(id(i)));
        }
        assertThat(transport.flush(WAIT)).as("everything in memory or on disk").isTrue();
        assertThat(transport.stats().spooled()).isGreaterThan(3000);
        assertThat(transport.stats().failingSince()).isNotNull();

        receiver.up();
        Set<String> ids = fx.awaitEvents(5000, () -> transport.stats().toString());

        assertThat(ids).hasSize(5000);
        assertThat(transport.stats().dropped()).isEmpty();
        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(TransportFixture.eventIds(receiver.envelopes())).hasSize(5000);
        assertThat(transport.stats().spooled()).isZero();
    }

    @Test
    void aRestartedTransportReplaysWhatTheFirstSpooled() {
        receiver.down();
        HttpTransport first = fx.transport(o -> { });
        for (int i = 0; i < 5000; i++) {
            first.send(event(id(i)));
        }
        // While the server is down the spool thread moves the queue to disk; flush waits for that.
        assertThat(first.flush(WAIT)).as("everything delivered or spooled").isTrue();
        first.close(Duration.ofSeconds(2));
        assertThat(first.stats().dropped()).isEmpty();

        receiver.up();
        transport = fx.transport(o -> { });
        Set<String> ids = fx.awaitEvents(5000, () -> transport.stats().toString());

        assertThat(ids).hasSize(5000);
        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(TransportFixture.eventIds(receiver.envelopes())).hasSize(5000);
        String header = new String(receiver.envelopes().get(0).body(), java.nio.charset.StandardCharsets.UTF_8)
                .split("\n", 2)[0];
        assertThat(header.split("\"sent_at\"", -1)).as("sent_at written once, at sending: " + header).hasSize(2);
    }

    @Test
    void whileTheServerIsDownQueuedEnvelopesMoveToDiskWithoutFlushOrClose() {
        receiver.down();
        transport = fx.transport(o -> { });
        for (int i = 0; i < 300; i++) {
            transport.send(event(id(i)));
        }
        // No flush, no close: what waits for a dead server is put where a crash cannot lose it, all of
        // it (the queue and what the senders hold for their next tries) within a second of the outage
        // being known, which is what a kill -9 may lose.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (transport.stats().failingSince() == null && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        assertThat(transport.stats().failingSince()).as("the outage is known").isNotNull();
        deadline = System.nanoTime() + java.time.Duration.ofSeconds(1).toNanos();
        while (transport.stats().spooled() < 300 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        assertThat(transport.stats().spooled()).as(transport.stats().toString()).isEqualTo(300);
        assertThat(transport.stats().queued()).isZero();
        assertThat(transport.stats().dropped()).isEmpty();
    }

    @Test
    void aHealthyBurstBeyondTheQueueWaitsInMemoryAndNeverTouchesTheDisk() throws InterruptedException {
        AtomicInteger diskWrites = new AtomicInteger();
        SentryOptions options = fx.options(o -> o.maxQueueSize(10));
        DiskSpool counting = new DiskSpool(fx.cacheDir, options, new ClientReports(fx.clock, true), fx.diagnostics,
                (file, envelopes) -> {
                    diskWrites.incrementAndGet();
                    BatchFile.write(file, envelopes);
                });
        transport = new HttpTransport(options, fx.diagnostics, counting);
        // The SDK's worker is the one caller that may wait for room (an application thread never does).
        Thread worker = new SdkThread("test-worker", () -> {
            for (int i = 0; i < 2000; i++) {
                transport.send(event(id(i)));
            }
        });
        worker.start();
        worker.join(WAIT.toMillis());

        assertThat(fx.awaitEvents(2000, () -> transport.stats().toString())).hasSize(2000);
        assertThat(diskWrites.get()).as("spool files written").isZero();
        assertThat(transport.stats().dropped()).isEmpty();
    }

    @Test
    void flushKeepsSendingInParallelToASlowServerAndSpoolsNothing() {
        // Each answer takes 1 s (twice what the transport once called "slow"): the server answers, so it
        // gets every envelope, four at a time, until the flush's deadline; nothing goes to disk early.
        receiver.respondWith(Response.status(200).after(Duration.ofSeconds(1)));
        transport = fx.transport(o -> { });
        for (int i = 0; i < 8; i++) {
            transport.send(event(id(i)));
        }
        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(fx.awaitEvents(8, () -> transport.stats().toString())).hasSize(8);
        assertThat(transport.stats().spooled()).isZero();
        assertThat(receiver.envelopes().stream().map(ReceivedEnvelope::remotePort).distinct().count())
                .as("connections: the requests went in parallel").isGreaterThan(1);
    }

    @Test
    void aFlushThatEndsWhileCloseWaitsLeavesTheQueueToTheSenders() throws Exception {
        receiver.respondWith(Response.status(200).after(Duration.ofMillis(700)));
        transport = fx.transport(o -> { });
        for (int i = 0; i < 12; i++) {
            transport.send(event(id(i)));
        }
        CountDownLatch closing = new CountDownLatch(1);
        CompletableFuture<Boolean> shortFlush = CompletableFuture.supplyAsync(() -> {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return transport.flush(Duration.ofMillis(300));
        });
        CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
            closing.countDown();
            transport.close(WAIT);
        });
        assertThat(shortFlush.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("12 answers take over 2 s").isFalse();
        closed.get(WAIT.toSeconds() * 2, TimeUnit.SECONDS);

        assertThat(fx.awaitEvents(12, () -> transport.stats().toString())).hasSize(12);
        assertThat(transport.stats().spooled()).as("close kept sending after the short flush ended").isZero();
        assertThat(transport.stats().dropped()).isEmpty();
    }

    @Test
    void anAnswerWhoseBodyNeverEndsDoesNotStallDelivery() throws Exception {
        try (EndlessAnswerServer endless = new EndlessAnswerServer(Duration.ZERO)) {
            SentryOptions options = SentryOptions.builder().dsn("http://key@127.0.0.1:" + endless.port() + "/42")
                    .ambientSources(false).clock(fx.clock).cacheDir(fx.cacheDir).readTimeout(Duration.ofSeconds(30))
                    .build();
            transport = new HttpTransport(options, fx.diagnostics);
            for (int i = 0; i < 6; i++) {
                transport.send(event(id(i)));
            }
            // The answer is a 200 with a chunked body that streams forever: the status is the answer.
            assertThat(transport.flush(WAIT)).isTrue();
            assertThat(endless.requests.get()).isEqualTo(6);
            assertThat(transport.stats().sent()).isEqualTo(6);
            assertThat(transport.stats().spooled()).isZero();
        }
    }

    @Test
    void withTheSpoolOffAnEnvelopeIsRetriedUntilTheServerIsBackNotDroppedAfterAFewTries() {
        receiver.down();
        transport = fx.transport(o -> o.cacheEnabled(false));
        for (int i = 0; i < 5; i++) {
            transport.send(event(id(i)));
        }
        for (int i = 0; i < 6; i++) { // twice the tries after which a spool would take it
            fx.clock.advance(Duration.ofSeconds(61)); // the next try is due
            transport.flush(Duration.ofMillis(300)); // time for the senders to try again
        }
        assertThat(transport.stats().dropped()).as("nothing given up while it waits in memory").isEmpty();

        receiver.up();
        assertThat(fx.awaitEvents(5, () -> transport.stats().toString())).hasSize(5);
        assertThat(transport.stats().dropped()).isEmpty();
    }

    @Test
    void withTheSpoolOffAnEnvelopeWaitingLongerThanMaxCacheAgeIsGivenUpAsANetworkError() {
        receiver.down();
        transport = fx.transport(o -> o.cacheEnabled(false).maxCacheAge(Duration.ofMinutes(10)));
        for (int i = 0; i < 3; i++) {
            transport.send(event(id(i)));
        }
        for (int i = 0; i < 4; i++) { // past the tries after which a spool would take them, within the age
            fx.clock.advance(Duration.ofSeconds(61)); // the next try is due
            transport.flush(Duration.ofMillis(300));
        }
        assertThat(transport.stats().dropped()).as("still retried at 4 minutes").isEmpty();

        fx.clock.advance(Duration.ofMinutes(7)); // 11 minutes since they were accepted
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (transport.stats().dropped().getOrDefault("network_error", 0L) < 3 && System.nanoTime() - deadline < 0) {
            transport.flush(Duration.ofMillis(50));
        }
        assertThat(transport.stats().dropped()).containsEntry("network_error", 3L);

        receiver.up();
        transport.send(event(id(9)));
        assertThat(fx.awaitEvents(1, () -> transport.stats().toString())).containsExactly(id(9));
        assertThat(transport.flush(WAIT)).isTrue();
        assertThat(TransportFixture.eventIds(receiver.envelopes())).containsExactly(id(9));
    }

    @Test
    void plainServerErrorsAreDroppedNotRetriedAndReported() {
        AtomicInteger requests = new AtomicInteger();
        receiver.respondWith(e -> {
            if (e.event() == null) {
                return Response.status(200);
            }
            return Response.status(requests.incrementAndGet() <= 2 ? 500 : 200);
        });
        transport = fx.transport(o -> { });
        transport.send(event(id(1)));
        transport.send(event(id(2)));
        assertThat(transport.flush(WAIT)).as("flush also sends the pending client report").isTrue();

        assertThat(requests.get()).as("event requests").isEqualTo(2);
        ReceivedEnvelope report = receiver.awaitEnvelopes(1, WAIT).get(0);
        assertThat(report.event()).isNull();
        assertThat(report.clientReport().toString()).contains("\"reason\":\"send_error\"")
                .contains("\"category\":\"error\"").contains("\"quantity\":2");
        assertThat(transport.stats().dropped()).containsEntry("send_error", 2L);
    }

    @Test
    void gatewayErrorsAreRetriedAfterBackoff() {
        AtomicInteger requests = new AtomicInteger();
        receiver.respondWith(e -> Response.status(requests.incrementAndGet() == 1 ? 503 : 200));
        transport = fx.transport(o -> { });
        transport.send(event(id(1)));

        Set<String> ids = fx.awaitEvents(1, () -> transport.stats().toString());

        assertThat(ids).containsExactly(id(1));
        assertThat(requests.get()).isEqualTo(2);
        assertThat(transport.stats().dropped()).isEmpty();
    }
}
