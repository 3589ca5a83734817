package org.sentry4j.examples.inbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The receiving end: an HTTP server on 127.0.0.1 that takes envelopes at {@code /api/<project>/envelope/},
 * saves each one, and hands a readable block per event to {@code printer}. One handler thread, so
 * blocks never interleave and arrive in the order the SDK sent them.
 */
public final class InboxServer implements AutoCloseable {
    private static final Pattern ENVELOPE_PATH = Pattern.compile("/api/[^/]+/envelope/?");

    private final HttpServer server;
    private final ExecutorService handlerThread;
    private final InboxOptions options;
    private final Consumer<String> printer;
    private final Summary summary = new Summary();
    private final List<JsonObject> events = new ArrayList<>(); // guarded by this
    private final List<JsonObject> logs = new ArrayList<>(); // guarded by this
    private final Set<String> eventIds = new HashSet<>(); // guarded by this
    private int saved; // guarded by this
    private int refusalsLeft; // guarded by this

    private InboxServer(HttpServer server, ExecutorService handlerThread, InboxOptions options, Consumer<String> printer) {
        this.server = server;
        this.handlerThread = handlerThread;
        this.options = options;
        this.printer = printer;
        this.refusalsLeft = options.failCount();
    }

    /** Starts listening on 127.0.0.1 (never on other interfaces: this is for one machine). */
    public static InboxServer start(InboxOptions options, Consumer<String> printer) throws IOException {
        Files.createDirectories(options.out());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        ExecutorService handlerThread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "inbox-handler");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlerThread);
        InboxServer inbox = new InboxServer(server, handlerThread, options, printer);
        server.createContext("/", inbox::handle);
        server.start();
        return inbox;
    }

    /** The DSN to give the SDK; any key and project id work, these are just readable. */
    public String dsn() {
        return "http://inbox@127.0.0.1:" + server.getAddress().getPort() + "/1";
    }

    /** Every event received so far, in arrival order, each id once. */
    public synchronized List<JsonObject> events() {
        return List.copyOf(events);
    }

    /** Every structured log received so far, in arrival order. */
    public synchronized List<JsonObject> logs() {
        return List.copyOf(logs);
    }

    /** Waits until at least {@code n} events arrived; false if the timeout came first. */
    public boolean awaitEvents(int n, Duration timeout) throws InterruptedException {
        return await(n, 0, timeout);
    }

    /**
     * Waits until at least {@code events} events and {@code logs} structured logs arrived; false if the
     * timeout came first.
     */
    public synchronized boolean await(int events, int logs, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (this.events.size() < events || this.logs.size() < logs) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            long millis = Math.max(1, left / 1_000_000);
            wait(millis);
        }
        return true;
    }

    /** The closing line: counts of events, breadcrumbs and tags. */
    public String summary() {
        return summary.render();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !ENVELOPE_PATH.matcher(path).matches()) {
                respond(exchange, 404, "{\"detail\":\"the inbox only takes POST /api/<project>/envelope/\"}");
                return;
            }
            byte[] body = decompress(exchange);
            if (body == null) {
                respond(exchange, 415, "{\"detail\":\"unsupported Content-Encoding\"}");
                return;
            }
            ParsedEnvelope envelope;
            try {
                envelope = ParsedEnvelope.parse(body);
            } catch (IllegalArgumentException e) {
                printer.accept("!! answered 400 to a malformed envelope: " + e.getMessage());
                respond(exchange, 400, "{\"detail\":\"malformed envelope\"}");
                return;
            }
            if (refuse(exchange, envelope)) {
                return;
            }
            JsonObject event = accept(envelope, body);
            List<JsonObject> logs = envelope.logs();
            String id = EventBlock.text(envelope.header(), "event_id", "");
            respond(exchange, 200, "{\"id\":\"" + id + "\"}");
            // Counted only once answered: whoever awaits them may stop the server right away.
            arrived(event, logs);
        } catch (RuntimeException | IOException e) {
            printer.accept("!! could not handle a request: " + e);
            try {
                respond(exchange, 500, "{\"detail\":\"inbox error\"}");
            } catch (IOException | RuntimeException alreadyAnswered) {
                // the client sees a broken response, which is the truth
            }
        } finally {
            exchange.close();
        }
    }

    /** Answers --fail's status while refusals are left; the SDK should back off and keep the envelope. */
    private boolean refuse(HttpExchange exchange, ParsedEnvelope envelope) throws IOException {
        int left;
        synchronized (this) {
            if (refusalsLeft == 0) {
                return false;
            }
            left = --refusalsLeft;
        }
        summary.refusedOne();
        printer.accept("<< answered " + options.failStatus() + " (Retry-After: " + options.retryAfterSeconds()
                + "s) to an envelope with " + envelope.itemTypes() + "; " + left + " more to refuse");
        exchange.getResponseHeaders().add("Retry-After", String.valueOf(options.retryAfterSeconds()));
        respond(exchange, options.failStatus(), "{\"detail\":\"refused on purpose (--fail)\"}");
        return true;
    }

    /**
     * Saves the envelope and prints its blocks; returns its event, or null when it carries none or one
     * received before (same id: an SDK sends again what it could not be sure was delivered, and Sentry
     * keeps one).
     */
    private JsonObject accept(ParsedEnvelope envelope, byte[] body) throws IOException {
        JsonObject event = envelope.event();
        List<JsonObject> logs = envelope.logs();
        int number;
        int eventNumber;
        int logNumber;
        boolean again = false;
        synchronized (this) {
            number = ++saved;
            eventNumber = events.size() + 1;
            logNumber = this.logs.size() + 1;
            if (event != null) {
                again = !eventIds.add(EventBlock.text(event, "event_id", "?"));
            }
        }
        String kind = event != null ? "event" : String.join("+", envelope.itemTypes());
        Path file = options.out().resolve(String.format("%04d-%s.envelope", number, kind));
        Files.write(file, body);
        if (again) {
            printer.accept("-- event " + EventBlock.text(event, "event_id", "?") + " again (sent before; Sentry"
                    + " keeps one), saved as " + file);
            return null;
        }
        if (event == null && logs.isEmpty()) {
            printer.accept("-- received " + envelope.itemTypes() + ", saved as " + file);
            return null;
        }
        if (event != null) {
            summary.add(event);
            printer.accept(EventBlock.render(eventNumber, event, file.toString()));
        }
        if (!logs.isEmpty()) {
            summary.addLogs(logs);
            printer.accept(LogBlock.render(logNumber, logs, file.toString()));
        }
        return event;
    }

    private synchronized void arrived(JsonObject event, List<JsonObject> received) {
        if (event != null) {
            events.add(event);
        }
        logs.addAll(received);
        notifyAll();
    }

    /** The body as the SDK meant it, or null for an encoding the inbox does not speak (e.g. br). */
    private static byte[] decompress(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding == null || encoding.isEmpty() || encoding.equalsIgnoreCase("identity")) {
            return raw;
        }
        InputStream decoded;
        if (encoding.equalsIgnoreCase("gzip")) {
            decoded = new GZIPInputStream(new ByteArrayInputStream(raw));
        } else if (encoding.equalsIgnoreCase("deflate")) {
            decoded = new InflaterInputStream(new ByteArrayInputStream(raw));
        } else {
            return null;
        }
        try (InputStream in = decoded) {
            return in.readAllBytes();
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening; a request in flight gets up to a second to finish. Idempotent. */
    @Override
    public void close() {
        server.stop(1);
        handlerThread.shutdownNow();
    }
}
