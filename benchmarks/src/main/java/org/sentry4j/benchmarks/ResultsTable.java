package org.sentry4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the suite's results as markdown: ratios to the floor and to io.sentry, and the targets. */
final class ResultsTable {
    private static final String[][] CASES = {
        {"belowThreshold", "a. `debug` below both thresholds"},
        {"breadcrumb", "b. `info` → breadcrumb"},
        {"error", "c. `error(msg, arg, ex)` → event"},
        {"errorWithContext", "d. as c + 5 MDC/ThreadContext tags"},
        {"errorMessageOnly", "f. `error(msg, arg)`, no exception → event with the call's stack"},
        {"infoWithLogs", "h. `info` with structured logs on → breadcrumb + log"}};
    static final long SHUTDOWN_TIMEOUT_MS = 2_000;
    private static final String WARMUP = String.format(Locale.ROOT, "%,d", EndToEnd.THREADS * EndToEnd.WARMUP_PER_THREAD);

    private final StringBuilder out = new StringBuilder();

    String render(String header, List<JmhCases.Row> jmh, List<Scenario> scenarios) {
        return render(header, jmh, scenarios, List.of());
    }

    String render(String header, List<JmhCases.Row> jmh, List<Scenario> scenarios, List<ShortLived.Row> shortLived) {
        out.append(header);
        if (!jmh.isEmpty()) {
            jmhTable(jmh);
        }
        if (!scenarios.isEmpty()) {
            endToEndTable(scenarios);
        }
        if (!shortLived.isEmpty()) {
            out.append(ShortLived.table(shortLived));
        }
        return out.toString();
    }

    private void jmhTable(List<JmhCases.Row> rows) {
        out.append("\n## Cases a–d: the logging thread (JMH, one thread)\n\n")
                .append("| case | framework | floor ns/op | sentry4j ns/op | io.sentry ns/op | sentry4j ÷ floor "
                        + "| io.sentry ÷ sentry4j | caller CPU ns/op floor / sentry4j / io.sentry | caller CPU sentry4j ÷ floor | caller B/op floor / sentry4j / io.sentry "
                        + "| all threads B/op (`gc.alloc.rate.norm`) sentry4j / io.sentry | target (sentry4j) | met |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        List<String> notes = new ArrayList<>();
        for (String framework : new String[] {"Logback", "Log4j2"}) {
            for (String[] c : CASES) {
                JmhCases.Row floor = find(rows, framework, c[0], "floor");
                JmhCases.Row ours = find(rows, framework, c[0], "sentry4j");
                JmhCases.Row theirs = find(rows, framework, c[0], "iosentry");
                if (floor == null && ours == null && theirs == null) {
                    continue;
                }
                double toFloor = ratio(ours, floor);
                double speedup = ratio(theirs, ours);
                double cpuToFloor = ours == null || floor == null ? Double.NaN
                        : ours.callerCpuNanosPerOp / floor.callerCpuNanosPerOp;
                String[] target = target(c[0], framework, toFloor, cpuToFloor, ours, theirs);
                out.append("| ").append(c[1]).append(" | ").append(framework)
                        .append(" | ").append(ns(floor)).append(" | ").append(ns(ours)).append(" | ").append(ns(theirs))
                        .append(" | ").append(times(toFloor)).append(" | ").append(times(speedup))
                        .append(" | ").append(cpu(floor)).append(" / ").append(cpu(ours)).append(" / ").append(cpu(theirs))
                        .append(" | ").append(times(cpuToFloor))
                        .append(" | ").append(bytes(floor, true)).append(" / ").append(bytes(ours, true))
                        .append(" / ").append(bytes(theirs, true))
                        .append(" | ").append(bytes(ours, false)).append(" / ").append(bytes(theirs, false))
                        .append(" | ").append(target[0]).append(" | ").append(target[1]).append(" |\n");
                if (c[0].startsWith("error") || c[0].endsWith("WithLogs")) {
                    for (JmhCases.Row r : new JmhCases.Row[] {ours, theirs}) {
                        if (r != null && r.logged >= 0) {
                            notes.add(String.format(Locale.ROOT, "%s %s %s: %,d logged in the fork (warm-up included), %,d %s reached the receiver",
                                    framework, c[0], r.variant, r.logged, r.delivered,
                                    c[0].endsWith("WithLogs") ? "structured logs" : "events"));
                        }
                    }
                }
            }
        }
        out.append("\nns/op ± error is in the JMH log. \"caller B/op\" is the benchmark thread's own allocation "
                + "(`ThreadMXBean.getThreadAllocatedBytes`) over the measured iterations; \"caller CPU\" its own CPU time "
                + "(`getCurrentThreadCpuTime`), which leaves out time spent waiting for a core or stopped in GC pauses (ns/op "
                + "includes both); \"all threads\" includes the SDK's "
                + "worker and sender threads. Cases c/d create a fresh ~30-frame exception in every operation, for every "
                + "variant (the floor included).\n\nEvents (and in h structured logs) delivered during the floods (both SDKs "
                + "really send; neither keeps up with one every few µs, which is why these cases measure the logging "
                + "thread only):\n\n");
        for (String n : notes) {
            out.append("- ").append(n).append('\n');
        }
    }

    /** The target and whether it is met: by ns/op (wall), by the caller's CPU time, and by bytes. */
    private static String[] target(String benchmark, String framework, double toFloor, double cpuToFloor,
                                   JmhCases.Row ours, JmhCases.Row theirs) {
        if (ours == null) {
            return new String[] {"—", "not run"};
        }
        switch (benchmark) {
            case "belowThreshold":
                return new String[] {"≤ 1.1× floor", "ns " + mark(toFloor <= 1.1) + " cpu " + mark(cpuToFloor <= 1.1)};
            case "breadcrumb":
                return new String[] {"≤ 1.5× floor, ≤ 100 B/op",
                        "ns " + mark(toFloor <= 1.5) + " cpu " + mark(cpuToFloor <= 1.5) + " B " + mark(ours.callerBytesPerOp <= 100)};
            case "infoWithLogs":
                boolean cheaper = theirs != null && ours.nsPerOp <= theirs.nsPerOp;
                return new String[] {"≤ io.sentry's", "ns " + mark(cheaper)};
            case "errorMessageOnly":
                boolean underHalf = theirs != null && ours.nsPerOp <= theirs.nsPerOp / 2;
                return new String[] {"≤ io.sentry's ÷ 2", "ns " + mark(underHalf)};
            default:
                double limit = framework.equals("Logback") ? 1.5 : 3.0;
                boolean bytesOk = theirs != null && ours.callerBytesPerOp <= theirs.callerBytesPerOp / 5;
                return new String[] {"≤ " + limit + "× floor, caller B/op ≤ io.sentry's ÷ 5",
                        "ns " + mark(toFloor <= limit) + " cpu " + mark(cpuToFloor <= limit) + " B " + mark(bytesOk)};
        }
    }

    private void endToEndTable(List<Scenario> scenarios) {
        out.append("\n## Case e: 20 000 errors from 4 threads, then flush (a fresh JVM per row, -Xms1g -Xmx1g "
                        + String.join(" ", JvmFlags.THREAD_PRIORITIES) + ")\n\n")
                .append("| framework | SDK | receiver | delivered / logged | after restart | delivered/s "
                        + "| p50 | p99 | p99.9 | max | close() | peak heap (live after GC) | event requests | sentry4j targets |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Scenario s : scenarios) {
            if (s.values.containsKey("error")) {
                out.append("| ").append(s.framework).append(" | ").append(s.sdk.id()).append(" | ").append(s.mode)
                        .append(" | failed: ").append(s.values.get("error")).append(" |||||||||||\n");
                continue;
            }
            if (s.sdk == Variant.FLOOR) {
                out.append("| ").append(s.framework).append(" | floor (no-op appender) | — | — | — | —")
                        .append(" | ").append(micros(s.decimal("p50us")))
                        .append(" | ").append(micros(s.decimal("p99us")))
                        .append(" | ").append(micros(s.decimal("p999us")))
                        .append(" | ").append(micros(s.decimal("maxUs")))
                        .append(" | — | ").append(String.format(Locale.ROOT, "%.0f MB (%.0f MB)", s.decimal("peakHeapMb"), s.decimal("peakLiveMb")))
                        .append(" | — | |\n");
                continue;
            }
            long logged = s.number("logged");
            long delivered = s.number("delivered");
            double seconds = (s.number("burstMs") + s.number("flushMs")) / 1000.0;
            out.append("| ").append(s.framework).append(" | ").append(s.sdk.id()).append(" | ").append(s.mode)
                    .append(" | ").append(String.format(Locale.ROOT, "%,d / %,d (%.1f %%)", delivered, logged,
                            logged > 0 ? 100.0 * delivered / logged : 0))
                    .append(" | ").append(s.values.containsKey("deliveredAfterRestart")
                            ? String.format(Locale.ROOT, "%,d (in %.1f s)", s.number("deliveredAfterRestart"), s.number("drainMs") / 1000.0)
                            : "—")
                    .append(" | ").append(s.healthy() ? String.format(Locale.ROOT, "%,.0f", delivered / seconds) : "—")
                    .append(" | ").append(micros(s.decimal("p50us")))
                    .append(" | ").append(micros(s.decimal("p99us")))
                    .append(" | ").append(micros(s.decimal("p999us")))
                    .append(" | ").append(micros(s.decimal("maxUs")))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d ms", s.number("closeMs")))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f MB (%.0f MB)", s.decimal("peakHeapMb"), s.decimal("peakLiveMb")))
                    .append(" | ").append(s.number("eventRequests"))
                    .append(" | ").append(s.sdk == Variant.SENTRY4J ? targets(s, scenarios) : "")
                    .append(" |\n");
        }
        out.append("\n\"delivered\" counts distinct event ids the receiver accepted (200) from the measured burst "
                + "(the warm-up's " + WARMUP + " are counted apart); \"after restart\" is the total once a second JVM with the same "
                + "spool folder has run against a healthy receiver (sentry4j; io.sentry keeps no disk cache unless "
                + "`cacheDirPath` is set). Latencies are of one `log.error` call (`System.nanoTime` around it, the "
                + "exception created outside), after a warm-up of " + WARMUP + " errors, flushed. "
                + "delivered/s = delivered ÷ (burst + flush). close() = stopping the logging context "
                + "+ the SDK's close. \"event requests\" = requests carrying an event during the burst and close (for 429: "
                + "the rate-limit window is 60 s, longer than the run). The floor rows log the same burst into a no-op "
                + "appender: the latency this machine gives a logging call with 4 threads on its cores. Peak heap: highest used heap sampled every 5 ms "
                + "during burst and flush (garbage included: it follows how far G1 let the young generation grow); in "
                + "brackets the highest heap in use right after a collection (what was really held).\n");
        freshJvm(scenarios);
    }

    /**
     * The warm-up's own delivery: the same kind of burst, in a JVM that is still compiling. The table's
     * rate is the sustained one; this is what an application sees right after it starts.
     */
    private void freshJvm(List<Scenario> scenarios) {
        List<String> rates = new ArrayList<>();
        for (Scenario s : scenarios) {
            if (s.sdk != Variant.FLOOR && s.healthy() && s.values.containsKey("warmupMs")) {
                double seconds = s.number("warmupMs") / 1000.0;
                long delivered = s.number("warmupDelivered");
                rates.add(String.format(Locale.ROOT, "%s %s %,d delivered in %.1f s (%,.0f/s)", s.sdk.id(),
                        s.framework, delivered, seconds, delivered / seconds));
            }
        }
        if (!rates.isEmpty()) {
            out.append("\nIn a fresh JVM — the warm-up: " + WARMUP + " errors from 4 threads, then flush, against the "
                    + "healthy receiver while the JIT still compiles: ").append(String.join("; ", rates)).append(".\n");
        }
    }

    /** sentry4j's targets for this scenario: ✓/✗ each. */
    private static String targets(Scenario s, List<Scenario> all) {
        List<String> parts = new ArrayList<>();
        parts.add("p99.9 ≤ 1 ms " + mark(s.decimal("p999us") <= 1000));
        if (s.healthy()) {
            long delivered = s.number("delivered");
            double seconds = (s.number("burstMs") + s.number("flushMs")) / 1000.0;
            parts.add("100 % " + mark(delivered == s.number("logged")));
            parts.add("≥ 2 000/s " + mark(delivered / seconds >= 2000));
            parts.add("max ≤ 20 ms " + mark(s.decimal("maxUs") <= 20_000));
            for (Scenario o : all) {
                if (o.sdk == Variant.IO_SENTRY && o.healthy() && o.framework.equals(s.framework)) {
                    parts.add("heap ≤ io.sentry's " + mark(s.decimal("peakHeapMb") <= o.decimal("peakHeapMb")));
                }
            }
        } else {
            parts.add("close ≤ 2.5 s " + mark(s.number("closeMs") <= SHUTDOWN_TIMEOUT_MS + 500));
            if (s.mode.equals("429")) {
                parts.add("≤ 1 request/window " + mark(s.number("eventRequests") <= 1));
            } else {
                parts.add("none lost " + mark(s.number("deliveredAfterRestart") == s.number("logged")));
            }
        }
        return String.join(", ", parts);
    }

    private static JmhCases.Row find(List<JmhCases.Row> rows, String framework, String benchmark, String variant) {
        for (JmhCases.Row r : rows) {
            if (r.framework.equals(framework) && r.benchmark.equals(benchmark) && r.variant.equals(variant)) {
                return r;
            }
        }
        return null;
    }

    private static double ratio(JmhCases.Row a, JmhCases.Row b) {
        return a == null || b == null ? Double.NaN : a.nsPerOp / b.nsPerOp;
    }

    private static String ns(JmhCases.Row r) {
        if (r == null) {
            return "—";
        }
        return r.nsPerOp >= 10_000 ? String.format(Locale.ROOT, "%,.1f µs", r.nsPerOp / 1000)
                : String.format(Locale.ROOT, "%,.0f", r.nsPerOp);
    }

    private static String cpu(JmhCases.Row r) {
        return r == null || Double.isNaN(r.callerCpuNanosPerOp) ? "—"
                : String.format(Locale.ROOT, "%,.0f", r.callerCpuNanosPerOp);
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String bytes(JmhCases.Row r, boolean caller) {
        if (r == null) {
            return "—";
        }
        double b = caller ? r.callerBytesPerOp : r.allThreadsBytesPerOp;
        return Double.isNaN(b) ? "?" : String.format(Locale.ROOT, "%,.0f", b);
    }

    private static String micros(double us) {
        if (Double.isNaN(us)) {
            return "—";
        }
        return us >= 1000 ? String.format(Locale.ROOT, "%.1f ms", us / 1000) : String.format(Locale.ROOT, "%.0f µs", us);
    }

    private static String mark(boolean ok) {
        return ok ? "✓" : "✗";
    }
}
