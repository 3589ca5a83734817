package org.sentry4j.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A Sentry ingestion endpoint on 127.0.0.1 that counts what arrives: requests, envelopes carrying
 * events, and distinct event ids (split by whether the event came from the {@link #WARMUP_LOGGER} logger). It answers
 * 200 at once, or on purpose 429, 503, 200 after 2 s, or not at all ({@link #goDown()}: the port refuses
 * connections until {@link #comeBack()} binds it again).
 */
public final class Receiver implements AutoCloseable {
    /** How the receiver answers. */
    public enum Answer { OK, RATE_LIMITED, UNAVAILABLE, SLOW, AFTER_600_MS }

    /** Events from the logger of this name are counted apart (only the event's own "logger", not breadcrumbs). */
    public static final String WARMUP_LOGGER = "warmup.bench";
    static final long SLOW_ANSWER_MILLIS = 2_000;
    static final int RATE_LIMIT_SECONDS = 60;

    // Both SDKs write compact JSON (no spaces around ':'), so fixed byte patterns find these fields.
    private static final String WARMUP_LOGGER_FIELD = "\"logger\":\"" + WARMUP_LOGGER + "\"";
    private static final String EVENT_ID_KEY = "\"event_id\":\"";
    private static final String EVENT_TYPE = "\"type\":\"event\"";
    private static final String LOG_TYPE = "\"type\":\"log\"";
    private static final String ITEM_COUNT_KEY = "\"item_count\":";
    private static final String LENGTH_KEY = "\"length\":";

    static {
        // The JDK server writes the status line and the body separately; without TCP_NODELAY every answer
        // waits ~40 ms for the client's delayed ACK, and the receiver, not the SDK, sets the pace.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /*
     * In the JMH forks the receiver stands in for a Sentry server on another machine: its threads run at
     * minimum priority (honoured there, with JvmFlags.THREAD_PRIORITIES), so parsing what it receives
     * uses the CPU the logging thread leaves idle. Case e's receiver lives in the suite's JVM, started
     * without those flags: there it answers at normal priority. Both SDKs send to it alike.
     */
    private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "bench-receiver");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final Set<String> warmupIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong eventRequests = new AtomicLong();
    private final AtomicLong logs = new AtomicLong();
    private final Object arrivals = new Object();
    private volatile Answer answer = Answer.OK;
    private volatile HttpServer server;
    private final int port;

    private Receiver(int port) throws IOException {
        this.server = bind(port);
        this.port = server.getAddress().getPort();
    }

    /** Starts on an ephemeral loopback port, answering 200. */
    public static Receiver start() {
        try {
            return new Receiver(0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the receiver", e);
        }
    }

    private HttpServer bind(int onPort) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 128);
                s.setExecutor(executor);
                s.createContext("/", this::handle);
                startAtMinimumPriority(s);
                return s;
            } catch (BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50); // the port is still held by the previous socket: retry until the deadline
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The JDK server's dispatcher thread takes the priority of the thread that starts the server. */
    private static void startAtMinimumPriority(HttpServer s) {
        Thread starter = new Thread(s::start, "bench-receiver-start");
        starter.setPriority(Thread.MIN_PRIORITY);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the receiver", e);
        }
    }

    public int port() {
        return port;
    }

    /** A DSN for this receiver, project 1. */
    public String dsn() {
        return "http://0123456789abcdef0123456789abcdef@127.0.0.1:" + port + "/1";
    }

    public void answer(Answer how) {
        this.answer = how;
    }

    /** Closes the port: connections are refused until {@link #comeBack()}. */
    public synchronized void goDown() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            s.stop(0);
        }
    }

    /** Listens again on the same port. */
    public synchronized void comeBack() {
        if (server == null) {
            try {
                server = bind(port);
            } catch (IOException e) {
                throw new IllegalStateException("cannot bind port " + port + " again", e);
            }
        }
    }

    /** Distinct events received (not counting warm-up ones). */
    public int events() {
        return eventIds.size();
    }

    /** Waits until {@code count} distinct events arrived or {@code timeout} passed; returns the count then. */
    public int awaitEvents(int count, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrivals) {
            while (eventIds.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(arrivals, left);
            }
        }
        return eventIds.size();
    }

    /** Structured logs received: the {@code item_count}s of accepted {@code log} items. */
    public long logs() {
        return logs.get();
    }

    public int warmupEvents() {
        return warmupIds.size();
    }

    public long requests() {
        return requests.get();
    }

    /** Requests that carried at least one event. */
    public long eventRequests() {
        return eventRequests.get();
    }

    /** Forgets the request counts (not the events). */
    public void resetRequestCounts() {
        requests.set(0);
        eventRequests.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            requests.incrementAndGet();
            byte[] body = readBody(exchange);
            Answer how = answer;
            if (how == Answer.OK || how == Answer.SLOW || how == Answer.AFTER_600_MS) {
                // Counted only when accepted: a 429/503 envelope is not delivered.
                if (count(body)) {
                    eventRequests.incrementAndGet();
                }
            } else if (containsEvent(body)) {
                eventRequests.incrementAndGet();
            }
            switch (how) {
                case SLOW:
                    sleep(SLOW_ANSWER_MILLIS);
                    respond(exchange, 200, "{}");
                    break;
                case AFTER_600_MS: // a healthy server far away, or busy: case g
                    sleep(600);
                    respond(exchange, 200, "{}");
                    break;
                case RATE_LIMITED:
                    exchange.getResponseHeaders().add("Retry-After", String.valueOf(RATE_LIMIT_SECONDS));
                    exchange.getResponseHeaders().add("X-Sentry-Rate-Limits", RATE_LIMIT_SECONDS + "::organization");
                    respond(exchange, 429, "");
                    break;
                case UNAVAILABLE:
                    respond(exchange, 503, "");
                    break;
                default:
                    respond(exchange, 200, "{}");
            }
        } finally {
            exchange.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        boolean gzip = (encoding != null && encoding.toLowerCase().contains("gzip"))
                || (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b);
        if (!gzip) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }

    private static boolean containsEvent(byte[] body) {
        return latin1(body).contains(EVENT_TYPE);
    }

    /**
     * Walks the envelope's items; records each event's id. Returns whether there was one. Plain substring
     * searches over the body read as Latin-1 (one char per byte, so offsets match): no JSON decoding, and
     * {@code String.indexOf} is a JIT intrinsic that compares many bytes at a time. The receiver shares the
     * machine's cores with the SDK being measured and should cost as little of them as a remote server
     * would; a byte-by-byte search for the warm-up logger through each ~19 KB event was the busiest
     * thread of the JMH floods.
     */
    private boolean count(byte[] raw) {
        String body = latin1(raw);
        int pos = nextLine(body, 0); // skip the envelope header
        boolean any = false;
        while (pos < body.length()) {
            int headerEnd = lineEnd(body, pos);
            if (headerEnd == pos) {
                pos = headerEnd + 1;
                continue;
            }
            int payloadStart = Math.min(body.length(), headerEnd + 1);
            long length = number(body, LENGTH_KEY, pos, headerEnd);
            int payloadEnd = length >= 0
                    ? (int) Math.min(body.length(), payloadStart + length)
                    : lineEnd(body, payloadStart);
            if (indexOf(body, LOG_TYPE, pos, headerEnd) >= 0) {
                logs.addAndGet(Math.max(0, number(body, ITEM_COUNT_KEY, pos, headerEnd)));
            }
            if (indexOf(body, EVENT_TYPE, pos, headerEnd) >= 0) {
                String eventId = eventId(body, payloadStart, payloadEnd);
                if (eventId != null) {
                    boolean warmup = indexOf(body, WARMUP_LOGGER_FIELD, payloadStart, payloadEnd) >= 0;
                    (warmup ? warmupIds : eventIds).add(eventId);
                    any = true;
                    synchronized (arrivals) {
                        arrivals.notifyAll();
                    }
                }
            }
            pos = payloadEnd + 1;
        }
        return any;
    }

    private static String latin1(byte[] body) {
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    /** The payload's first {@code "event_id":"..."}, without dashes, lower case; null if none. */
    private static String eventId(String body, int from, int to) {
        int at = indexOf(body, EVENT_ID_KEY, from, to);
        if (at < 0) {
            return null;
        }
        int start = at + EVENT_ID_KEY.length();
        int end = body.indexOf('"', start);
        end = end < 0 || end > to ? to : end;
        return body.substring(start, end).replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** The number after {@code key} within [from, to), or -1. */
    private static long number(String body, String key, int from, int to) {
        int at = indexOf(body, key, from, to);
        if (at < 0) {
            return -1;
        }
        long n = 0;
        int i = at + key.length();
        boolean digits = false;
        while (i < to && body.charAt(i) >= '0' && body.charAt(i) <= '9') {
            n = n * 10 + (body.charAt(i) - '0');
            digits = true;
            i++;
        }
        return digits ? n : -1;
    }

    /** Where {@code needle} starts within body[from, to), or -1. */
    static int indexOf(String body, String needle, int from, int to) {
        int at = body.indexOf(needle, from);
        return at >= 0 && at + needle.length() <= to ? at : -1;
    }

    private static int lineEnd(String body, int from) {
        int at = body.indexOf('\n', from);
        return at < 0 ? body.length() : at;
    }

    private static int nextLine(String body, int from) {
        return Math.min(body.length(), lineEnd(body, from) + 1);
    }

    @Override
    public void close() {
        goDown();
        executor.shutdownNow();
    }
}
