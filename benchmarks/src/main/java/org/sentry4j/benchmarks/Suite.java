package org.sentry4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs everything in one go and writes the markdown table: JMH cases a–d for both frameworks and the
 * three variants, then case e for both SDKs against a healthy receiver and each fault.
 *
 * <p>Options: {@code --out FILE} (default RESULTS.md), {@code --quick} (1 × 1 s JMH iterations, only the
 * healthy case e: a smoke run), {@code --skip-jmh}, {@code --skip-e2e}, {@code --jmh REGEX} (which benchmarks),
 * {@code --e2e REGEX} (which case-e scenarios, by name such as {@code sentry4j-logback-503}),
 * {@code --g REGEX} (which case-g rows, such as {@code sentry4j-log4j2-600ms}), {@code --skip-g},
 * {@code --command TEXT} (how the run was started, for the table's header), {@code --readme FILE} (also
 * put the table into that README, between its {@code <!-- latest-results -->} markers).
 */
public final class Suite {
    static final String[] MODES = {"healthy", "down", "429", "503", "slow"};

    private Suite() {
    }

    /** Replaces the README's block between the latest-results markers with the table (headings one level down). */
    static void updateReadme(Path readme, String table) throws IOException {
        String begin = "<!-- latest-results -->";
        String end = "<!-- /latest-results -->";
        String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            System.out.println("# " + readme + " has no " + begin + " block; not updated");
            return;
        }
        String block = table.replaceFirst("^# Benchmark results\\n", "### Latest results\n").replace("\n## ", "\n#### ");
        Files.write(readme, (text.substring(0, from + begin.length()) + "\n" + block + text.substring(to))
                .getBytes(StandardCharsets.UTF_8));
        System.out.println("# updated " + readme.toAbsolutePath());
    }

    public static void main(String[] args) throws Exception {
        Path out = Paths.get("RESULTS.md");
        boolean quick = false;
        boolean jmh = true;
        boolean e2e = true;
        String include = "org.sentry4j.benchmarks.(Logback|Log4j2)Benchmark";
        String command = "bash benchmarks/run.sh";
        String scenarioFilter = ".*";
        String shortLivedFilter = ".*";
        boolean caseG = true;
        Path readme = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out": out = Paths.get(args[++i]); break;
                case "--quick": quick = true; break;
                case "--skip-jmh": jmh = false; break;
                case "--skip-e2e": e2e = false; break;
                case "--jmh": include = args[++i]; break;
                case "--command": command = args[++i]; break;
                case "--e2e": scenarioFilter = args[++i]; break;
                case "--g": shortLivedFilter = args[++i]; break;
                case "--skip-g": caseG = false; break;
                case "--readme": readme = Paths.get(args[++i]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Paths.get("target", "bench");
        Files.createDirectories(work);
        JmhCases.Settings settings = quick ? new JmhCases.Settings(1, 1, 1, 1) : new JmhCases.Settings(2, 1, 3, 1);
        long start = System.nanoTime();

        List<JmhCases.Row> rows = new ArrayList<>();
        if (jmh) {
            rows.addAll(JmhCases.run(settings, include, List.of("floor", "sentry4j", "iosentry"), work));
        }
        List<Scenario> scenarios = new ArrayList<>();
        if (e2e) {
            for (String framework : new String[] {"logback", "log4j2"}) {
                for (String mode : quick ? new String[] {"healthy"} : MODES) {
                    for (Variant sdk : Variant.values()) {
                        if (sdk == Variant.FLOOR && !mode.equals("healthy")) {
                            continue; // the floor sends nothing: it only shows what the machine allows a logging call
                        }
                        Scenario s = new Scenario(sdk, framework, mode);
                        if (!s.name().matches(scenarioFilter)) {
                            continue;
                        }
                        System.out.println("# case e: " + s.name());
                        try {
                            s.run(work);
                        } catch (IOException | RuntimeException e) {
                            s.values.put("error", e.getMessage());
                        }
                        System.out.println("#   " + s.values);
                        scenarios.add(s);
                    }
                }
            }
        }
        List<ShortLived.Row> shortLived = new ArrayList<>();
        if (caseG) {
            shortLived.addAll(ShortLived.run(work, shortLivedFilter));
        }
        long minutes = (System.nanoTime() - start) / 60_000_000_000L;
        long seconds = (System.nanoTime() - start) / 1_000_000_000L % 60;
        String header = "# Benchmark results\n\n"
                + "- Date: " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")) + "\n"
                + "- Machine: " + Machine.describe() + "\n"
                + "- Command: `" + command + "` (took " + minutes + " min " + seconds + " s)\n"
                + "- JMH settings: " + (jmh ? settings.describe() : "not run") + "\n"
                + "- io.sentry: sentry-logback / sentry-log4j2 8.43.0, default options + DSN (+ context tags)\n";
        String table = new ResultsTable().render(header, rows, scenarios, shortLived);
        Files.write(out, table.getBytes(StandardCharsets.UTF_8));
        System.out.println(table);
        System.out.println("# written to " + out.toAbsolutePath());
        if (readme != null) {
            updateReadme(readme, table);
        }
    }
}
