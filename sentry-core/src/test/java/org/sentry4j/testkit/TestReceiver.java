package org.sentry4j.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import javax.net.ssl.SSLContext;

/**
 * A Sentry server on 127.0.0.1 for tests: accepts envelopes at {@code /api/<project>/envelope/},
 * decompresses and parses them, and answers what the test scripted (200 by default). Tests wait on
 * {@link #awaitEnvelopes} with a deadline, never by sleeping. {@link #startTls} serves HTTPS instead.
 */
public final class TestReceiver implements AutoCloseable {
    /** A scripted answer. */
    public static final class Response {
        final int status;
        final Map<String, String> headers;
        final Duration delay;

        private Response(int status, Map<String, String> headers, Duration delay) {
            this.status = status;
            this.headers = headers;
            this.delay = delay;
        }

        public static Response status(int status) {
            return new Response(status, Map.of(), Duration.ZERO);
        }

        /** Drops the connection without answering (the client sees a reset / no response). */
        public static Response reset() {
            return new Response(RESET, Map.of(), Duration.ZERO);
        }

        public Response header(String name, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(name, value);
            return new Response(status, Map.copyOf(h), delay);
        }

        public Response after(Duration delay) {
            return new Response(status, headers, delay);
        }
    }

    private static final int RESET = -1;

    static {
        // the JDK server writes headers and body separately; with Nagle on, each answer waits for a
        // delayed ACK (~40 ms), capping a kept-alive connection at ~25 requests a second
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String key = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    private volatile HttpServer server;
    private final int port;
    private final ExecutorService executor;
    private final BlockingQueue<ReceivedEnvelope> arrivals = new LinkedBlockingQueue<>();
    private final List<ReceivedEnvelope> all = new CopyOnWriteArrayList<>();
    /** Requests being handled now (read, answered after a delay, ...). */
    private final java.util.concurrent.atomic.AtomicInteger handling = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Function<ReceivedEnvelope, Response> responder = e -> Response.status(200);

    /** The server's TLS, or null for plain HTTP. */
    private final SSLContext tls;

    private TestReceiver(HttpServer server, ExecutorService executor, SSLContext tls) {
        this.server = server;
        this.port = server.getAddress().getPort();
        this.executor = executor;
        this.tls = tls;
    }

    /** Starts on an ephemeral loopback port. */
    public static TestReceiver start() {
        return start(null);
    }

    /** Starts an HTTPS receiver on an ephemeral loopback port, presenting the certificate of {@code tls}. */
    public static TestReceiver startTls(SSLContext tls) {
        return start(tls);
    }

    private static TestReceiver start(SSLContext tls) {
        try {
            HttpServer server = create(0, tls);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "test-receiver");
                t.setDaemon(true);
                return t;
            });
            TestReceiver receiver = new TestReceiver(server, executor, tls);
            receiver.serve(server);
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test receiver", e);
        }
    }

    private static HttpServer create(int port, SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (tls == null) {
            return HttpServer.create(address, 0);
        }
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        return https;
    }

    private void serve(HttpServer s) {
        s.setExecutor(executor);
        s.createContext("/", this::handle);
        s.start();
        this.server = s;
    }

    /** Takes the server down: connections are refused until {@link #up()}. Keeps what was received. */
    public void down() {
        server.stop(0);
    }

    /** Brings the server back on the same port. */
    public void up() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                serve(create(port, tls));
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot restart the test receiver on port " + port, e);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // the port is still in TIME_WAIT
            }
        }
    }

    /**
     * A DSN pointing at this receiver, project 42. Its key is unique to this receiver, so the SDK's
     * default per-DSN spool folder is too: a later test that gets the same port never replays
     * envelopes an earlier test left on disk.
     */
    public String dsn() {
        return (tls == null ? "http" : "https") + "://testkey" + key + "@127.0.0.1:" + port() + "/42";
    }

    public int port() {
        return port;
    }

    /** Answers every request with what {@code responder} returns for it. */
    public void respondWith(Function<ReceivedEnvelope, Response> responder) {
        this.responder = responder;
    }

    /**
     * Answers 200 to every request, each only once {@code release} opens (or {@code max} passed);
     * {@code arrived} counts down as each request comes in. For tests that need a request in flight.
     */
    public void holdRequests(java.util.concurrent.CountDownLatch arrived, java.util.concurrent.CountDownLatch release,
                             Duration max) {
        respondWith(e -> {
            arrived.countDown();
            try {
                release.await(max.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return Response.status(200);
        });
    }

    public void respondWith(Response response) {
        this.responder = e -> response;
    }

    private void handle(HttpExchange exchange) throws IOException {
        handling.incrementAndGet();
        try {
            handleCounted(exchange);
        } finally {
            synchronized (handling) {
                handling.decrementAndGet();
                handling.notifyAll();
            }
        }
    }

    /**
     * Waits until no request is being handled (one whose client gave up may still be counted as
     * accepted once its delay passes); false if one still was at the deadline.
     */
    public boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (handling) {
            while (handling.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(handling, left);
            }
        }
        return true;
    }

    private void handleCounted(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            byte[] body = "gzip".equalsIgnoreCase(encoding) ? gunzip(raw) : raw;
            ReceivedEnvelope envelope = new ReceivedEnvelope(exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body, exchange.getRemoteAddress().getPort());
            Response response = responder.apply(envelope);
            if (response.status == RESET) {
                exchange.close(); // no answer: the connection is dropped

                return;
            }
            if (!response.delay.isZero()) {
                try {
                    Thread.sleep(response.delay.toMillis()); // simulates a slow server, on the server's thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (response.status >= 200 && response.status < 300) {
                all.add(envelope);
                arrivals.add(envelope);
            }
            response.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] answer = ("{\"id\":\"" + envelope.header().get("event_id") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            throw e;
        }
    }

    private static byte[] gunzip(byte[] raw) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }

    /** Waits until {@code n} accepted envelopes arrived (counting from the start), or fails at the deadline. */
    public List<ReceivedEnvelope> awaitEnvelopes(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (all.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + n + " envelopes within " + timeout + ", got " + all.size());
            }
            try {
                ReceivedEnvelope e = arrivals.poll(left, TimeUnit.NANOSECONDS);
                if (e == null) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        return List.copyOf(all);
    }

    /** Waits for the first envelope with an event matching {@code filter}. */
    public ReceivedEnvelope awaitEvent(Predicate<ReceivedEnvelope> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            List<ReceivedEnvelope> snapshot = new ArrayList<>(all);
            for (int i = seen; i < snapshot.size(); i++) {
                ReceivedEnvelope e = snapshot.get(i);
                if (e.event() != null && filter.test(e)) {
                    return e;
                }
            }
            seen = snapshot.size();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching event within " + timeout + "; received " + all.size());
            }
            try {
                arrivals.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** The structured logs of every accepted envelope, in order of arrival, each item checked ({@link ReceivedEnvelope#logs()}). */
    public List<com.google.gson.JsonObject> logs() {
        List<com.google.gson.JsonObject> out = new ArrayList<>();
        for (ReceivedEnvelope e : all) {
            out.addAll(e.logs());
        }
        return out;
    }

    /** Waits until at least {@code n} structured logs arrived, or fails at the deadline; returns them all. */
    public List<com.google.gson.JsonObject> awaitLogs(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<com.google.gson.JsonObject> logs = logs();
            if (logs.size() >= n) {
                return logs;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + n + " logs within " + timeout + ", got " + logs.size());
            }
            try {
                arrivals.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** Everything accepted so far. */
    public List<ReceivedEnvelope> envelopes() {
        return List.copyOf(all);
    }

    /** The event JSON of every accepted envelope that has one. */
    public List<com.google.gson.JsonObject> events() {
        List<com.google.gson.JsonObject> out = new ArrayList<>();
        for (ReceivedEnvelope e : all) {
            if (e.event() != null) {
                out.add(e.event());
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
