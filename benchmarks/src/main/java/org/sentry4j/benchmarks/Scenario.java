package org.sentry4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One case-e scenario: an SDK, a framework and how the receiver behaves while the burst is logged and
 * flushed (every mode flushes, within EndToEnd's limit, then closes).
 * Faults: {@code down} (connection refused), {@code 429} (rate limited for 60 s), {@code 503},
 * {@code slow} (answers after 2 s). After a fault the receiver is healthy again and, for sentry4j, a
 * second JVM with the same spool folder ("the restart") delivers what the first one spooled.
 */
final class Scenario {
    final Variant sdk;
    final String framework;
    final String mode;
    final Map<String, String> values = new TreeMap<>();

    Scenario(Variant sdk, String framework, String mode) {
        this.sdk = sdk;
        this.framework = framework;
        this.mode = mode;
    }

    String name() {
        return sdk.id() + "-" + framework + "-" + mode;
    }

    boolean healthy() {
        return mode.equals("healthy");
    }

    /** Whether a restart should find something to deliver (rate-limited events are dropped by design). */
    private boolean restarts() {
        return sdk == Variant.SENTRY4J && !healthy() && !mode.equals("429");
    }

    Scenario run(Path workDir) throws IOException {
        Path spool = workDir.resolve(name() + "-spool");
        Path log = workDir.resolve(name() + ".log");
        Files.deleteIfExists(log);
        deleteTree(spool); // a spool left by an earlier run would be replayed and counted
        try (Receiver receiver = Receiver.start()) {
            String[] common = {sdk.id(), framework, receiver.dsn(), spool.toString()};
            try (Child child = Child.start(log, concat("burst", common))) {
                values.putAll(child.await("WARMED"));
                values.put("warmupDelivered", String.valueOf(receiver.warmupEvents()));
                receiver.resetRequestCounts();
                applyFault(receiver);
                child.tell("GO flush"); // the issue: "20 000 errors ... then flush", whatever the receiver does
                values.putAll(child.await("RESULT"));
            }
            values.put("delivered", String.valueOf(receiver.events()));
            values.put("requests", String.valueOf(receiver.requests()));
            values.put("eventRequests", String.valueOf(receiver.eventRequests()));
            if (restarts()) {
                receiver.comeBack();
                receiver.answer(Receiver.Answer.OK);
                long start = System.nanoTime();
                try (Child restarted = Child.start(log, concat("drain", common))) {
                    restarted.await("STARTED");
                    awaitDelivery(receiver, EndToEnd.THREADS * EndToEnd.PER_THREAD);
                    values.put("drainMs", String.valueOf((System.nanoTime() - start) / 1_000_000));
                    restarted.tell("STOP");
                    restarted.await("RESULT");
                }
                values.put("deliveredAfterRestart", String.valueOf(receiver.events()));
            }
        }
        return this;
    }

    private void applyFault(Receiver receiver) {
        switch (mode) {
            case "down":
                receiver.goDown();
                break;
            case "429":
                receiver.answer(Receiver.Answer.RATE_LIMITED);
                break;
            case "503":
                receiver.answer(Receiver.Answer.UNAVAILABLE);
                break;
            case "slow":
                receiver.answer(Receiver.Answer.SLOW);
                break;
            default:
                break;
        }
    }

    /** Until every event arrived, or nothing new came for 5 s, or 90 s passed. */
    private static void awaitDelivery(Receiver receiver, int expected) {
        long deadline = System.nanoTime() + 90_000_000_000L;
        int seen = receiver.events();
        try {
            while (seen < expected && System.nanoTime() < deadline) {
                int now = receiver.awaitEvents(expected, java.time.Duration.ofSeconds(5));
                if (now == seen) {
                    return; // no progress for 5 s
                }
                seen = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    long number(String key) {
        String v = values.get(key);
        return v == null ? -1 : (long) Double.parseDouble(v);
    }

    double decimal(String key) {
        String v = values.get(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }
}
