package org.sentry4j.internal.spotlight;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.SdkThread;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.Transport;
import org.sentry4j.transport.TransportStats;

/**
 * Hands every envelope to the transport to Sentry ({@code upstream}, null without a DSN) and a copy to
 * Spotlight's sidecar, which its own thread posts one at a time. Best effort by design, as Sentry's SDK
 * guidelines ask: a sidecar that is not running costs one line of {@code debug} output and the copies
 * made while it stays away (dropped during an exponential backoff of 1 s to 60 s); it never slows, blocks
 * or fails delivery to Sentry. {@code flush} and {@code close} wait for the copies too, within their
 * deadline, so a short-lived program's events reach Spotlight as they reach Sentry.
 */
public final class SpotlightTransport implements Transport {
    /** Copies waiting for the sidecar, at most: a development tool needs no more. */
    static final int MAX_WAITING = 1000;
    static final long MAX_WAITING_BYTES = 16L * 1024 * 1024;
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofSeconds(60);
    private static final long IDLE_POLL_MILLIS = 200;

    private final Transport upstream;
    private final URI url;
    private final Clock clock;
    private final Diagnostics diagnostics;
    private final Duration connectTimeout;
    private final Duration exchangeDeadline;
    private final LinkedBlockingQueue<Envelope> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
    private final AtomicLong waitingBytes = new AtomicLong();
    /** Copies accepted, and copies posted or dropped: a flush waits for the second to reach the first. */
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private final Object progress = new Object();
    private final ThreadPoolExecutor clientThreads;
    private final Thread thread;
    private volatile boolean closed;
    // owned by the spotlight thread
    private HttpClient http;
    private Duration retryDelay = Duration.ZERO;
    private Instant retryAt = Instant.MIN;

    public SpotlightTransport(Transport upstream, SentryOptions options, Diagnostics diagnostics) {
        this.upstream = upstream;
        this.url = options.spotlightUrl();
        this.clock = options.clock();
        this.diagnostics = diagnostics;
        this.connectTimeout = options.connectTimeout().isZero() ? Duration.ofSeconds(5) : options.connectTimeout();
        this.exchangeDeadline = connectTimeout.plus(options.readTimeout().isZero() ? Duration.ofSeconds(5)
                : options.readTimeout());
        this.clientThreads = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> new SdkThread("spotlight-http", options.threadPriority(), task));
        clientThreads.allowCoreThreadTimeOut(true);
        this.thread = new SdkThread("spotlight", options.threadPriority(), this::run);
        thread.start();
        diagnostics.debug("Spotlight: a copy of every envelope goes to " + url
                + (upstream == null ? " (no DSN: nothing goes to Sentry)" : ""));
    }

    @Override
    public void send(Envelope envelope) {
        if (upstream != null) {
            upstream.send(envelope);
        }
        if (closed) {
            return;
        }
        long size = envelope.payloadBytes();
        if (waitingBytes.get() + size > MAX_WAITING_BYTES || !waiting.offer(envelope)) {
            diagnostics.throttled("spotlight.full", Duration.ofMinutes(1),
                    "Spotlight: the sidecar does not keep up; copies are dropped (Sentry still gets every envelope)");
            return;
        }
        waitingBytes.addAndGet(size);
        accepted.incrementAndGet();
    }

    @Override
    public void recordDiscard(DiscardReason reason, String category, long quantity) {
        if (upstream != null) {
            upstream.recordDiscard(reason, category, quantity);
        }
    }

    @Override
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = accepted.get();
        boolean delivered = upstream == null || upstream.flush(timeout);
        boolean copied = awaitSettled(target, deadline);
        return upstream == null ? copied : delivered;
    }

    @Override
    public void close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = accepted.get();
        closed = true;
        if (upstream != null) {
            upstream.close(timeout);
        }
        awaitSettled(target, deadline);
        thread.interrupt();
        clientThreads.shutdownNow();
        http = null;
    }

    @Override
    public TransportStats stats() {
        return upstream != null ? upstream.stats() : TransportStats.empty();
    }

    /** Waits until every copy accepted before {@code target} is posted or dropped, or the deadline. */
    private boolean awaitSettled(long target, long deadlineNanos) {
        synchronized (progress) {
            while (settled.get() < target) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void run() {
        while (!thread.isInterrupted()) {
            Envelope envelope;
            try {
                envelope = waiting.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (envelope == null) {
                continue;
            }
            waitingBytes.addAndGet(-envelope.payloadBytes());
            try {
                if (!clock.instant().isBefore(retryAt)) {
                    post(envelope);
                }
            } catch (Throwable t) { // NOPMD: a copy for a development tool must never end this thread
                diagnostics.debug("Spotlight: cannot post to " + url, t);
            } finally {
                settled.incrementAndGet();
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        }
    }

    private void post(Envelope envelope) throws InterruptedException {
        String failure;
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .header("Content-Type", "application/x-sentry-envelope")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(envelope.toBytes(clock.instant())))
                    .build();
            CompletableFuture<HttpResponse<Void>> answer = client().sendAsync(request,
                    HttpResponse.BodyHandlers.discarding());
            try {
                int status = answer.get(exchangeDeadline.toNanos(), TimeUnit.NANOSECONDS).statusCode();
                if (status < 400) {
                    if (!retryDelay.isZero()) {
                        diagnostics.debug("Spotlight: the sidecar at " + url + " answers again");
                    }
                    retryDelay = Duration.ZERO;
                    retryAt = Instant.MIN;
                    return;
                }
                failure = "it answered " + status;
            } catch (TimeoutException e) {
                answer.cancel(true);
                failure = "no answer within " + exchangeDeadline.toMillis() + " ms";
            }
        } catch (ExecutionException e) {
            failure = Diagnostics.describe(e.getCause() != null ? e.getCause() : e);
        } catch (RuntimeException e) {
            failure = Diagnostics.describe(e);
        }
        if (retryDelay.isZero()) {
            diagnostics.debug("Spotlight: cannot reach the sidecar at " + url + " (" + failure
                    + "); copies are dropped while it stays away (start it with `npx @spotlightjs/spotlight`)");
        }
        retryDelay = retryDelay.isZero() ? FIRST_RETRY : min(retryDelay.multipliedBy(2), LAST_RETRY);
        retryAt = clock.instant().plus(retryDelay);
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(HttpClient.Builder.NO_PROXY) // the sidecar runs beside the application
                    .connectTimeout(connectTimeout)
                    .executor(clientThreads)
                    .build();
        }
        return http;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
