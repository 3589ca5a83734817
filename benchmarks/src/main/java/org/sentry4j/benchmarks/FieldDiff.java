package org.sentry4j.benchmarks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * The side-by-side field diff of issue 18: the same Logback program — MDC entries, an info log, an error
 * with an exception, a message-only error — logged once through io.sentry's appender and once through
 * sentry4j's, each against its own loopback receiver; then every JSON path of the events (arrays as
 * {@code []}) with the SDK that sent it. A path only io.sentry sends is something a Sentry user would
 * lose by switching. Keys Sentry reads alike are shown under one name ({@code message} as
 * {@code logentry}, a bare breadcrumb list as {@code breadcrumbs.values}). The last output, with what it
 * means, is in docs/field-diff.md.
 *
 * <pre>{@code
 * cd benchmarks && java -cp "target/classes:$(cat target/classpath.txt)" org.sentry4j.benchmarks.FieldDiff [out.md]
 * }</pre>
 */
public final class FieldDiff {
    private FieldDiff() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<JsonObject>> bySdk = new TreeMap<>();
        for (Variant variant : new Variant[] {Variant.IO_SENTRY, Variant.SENTRY4J}) {
            bySdk.put(variant.id(), run(variant));
        }
        PrintStream out = args.length > 0
                ? new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8) : System.out;
        print(bySdk, out);
        System.exit(0); // io.sentry's non-daemon threads
    }

    /** Runs the program through {@code variant}'s appender; returns the events its receiver got, in order. */
    static List<JsonObject> run(Variant variant) throws IOException, InterruptedException {
        List<JsonObject> events = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            events.addAll(eventsOf(new String(body, StandardCharsets.UTF_8)));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        Path spool = Files.createTempDirectory("field-diff");
        String dsn = "http://key@127.0.0.1:" + server.getAddress().getPort() + "/1";
        try (Framework framework = Framework.start("logback", variant,
                new Framework.Settings(dsn, spool.toString(), "com.example.shop.Checkout"))) {
            framework.putContext("tenant", "acme");
            framework.putContext("request_id", "r-9");
            framework.info("cart {} opened", "c-1");
            framework.error("payment for {} failed", "order-7", new IllegalStateException("card declined",
                    new java.net.SocketTimeoutException("gateway timed out")));
            framework.errorMessage("payment for {} took too long", "order-8");
            framework.clearContext();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50); // a tool, not a test: io.sentry may deliver after its close returns
        }
        server.stop(0);
        return new ArrayList<>(events);
    }

    private static List<JsonObject> eventsOf(String envelope) {
        List<JsonObject> found = new ArrayList<>();
        String[] lines = envelope.split("\n");
        for (int i = 1; i + 1 < lines.length; i += 2) {
            JsonObject header = JsonParser.parseString(lines[i]).getAsJsonObject();
            if (header.has("type") && "event".equals(header.get("type").getAsString())) {
                found.add(JsonParser.parseString(lines[i + 1]).getAsJsonObject());
            }
        }
        return found;
    }

    static void print(Map<String, List<JsonObject>> bySdk, PrintStream out) {
        Map<String, TreeSet<String>> paths = new TreeMap<>();
        bySdk.forEach((sdk, events) -> {
            for (JsonObject event : events) {
                collect("", event, path -> paths.computeIfAbsent(canonical(path), k -> new TreeSet<>()).add(sdk));
            }
        });
        out.println("| path | " + String.join(" | ", bySdk.keySet()) + " |");
        out.println("|---|" + "---|".repeat(bySdk.size()));
        paths.forEach((path, sdks) -> {
            StringBuilder row = new StringBuilder("| `").append(path).append("` |");
            for (String sdk : bySdk.keySet()) {
                row.append(sdks.contains(sdk) ? " ✓ |" : "   |");
            }
            out.println(row);
        });
        bySdk.forEach((sdk, events) -> out.println("\n" + sdk + ": " + events.size() + " events"));
    }

    /** One name for what Sentry reads alike: the legacy {@code message} key and a bare breadcrumb list. */
    private static String canonical(String path) {
        if (path.startsWith("message.")) {
            return "logentry." + path.substring("message.".length());
        }
        if (path.startsWith("breadcrumbs[]")) {
            return "breadcrumbs.values[]" + path.substring("breadcrumbs[]".length());
        }
        return path;
    }

    private static void collect(String prefix, JsonElement e, java.util.function.Consumer<String> sink) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> field : e.getAsJsonObject().entrySet()) {
                // free-form maps: their keys are data, not fields
                boolean data = prefix.endsWith("tags") || prefix.endsWith("extra") || prefix.endsWith("modules")
                        || prefix.endsWith("contexts.mdc") || prefix.endsWith(".data");
                collect(prefix.isEmpty() ? field.getKey() : prefix + "." + (data ? "*" : field.getKey()),
                        field.getValue(), sink);
            }
        } else if (e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                collect(prefix + "[]", item, sink);
            }
        } else {
            sink.accept(prefix);
        }
    }
}
