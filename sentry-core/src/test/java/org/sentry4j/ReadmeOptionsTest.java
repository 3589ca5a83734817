package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sentry4j.internal.config.TextSettings;

/**
 * The README's options table against the code: every option that can be given as text has a row, and
 * the defaults it states are the ones the code uses.
 */
class ReadmeOptionsTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final long MIB = 1024L * 1024;

    /** How each default is written in the README. */
    private static final Map<String, Function<SentryOptions, String>> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("environment", SentryOptions::environment);
        DEFAULTS.put("sample-rate", o -> String.valueOf(o.sampleRate()));
        DEFAULTS.put("max-breadcrumbs", o -> String.valueOf(o.maxBreadcrumbs()));
        DEFAULTS.put("debug", o -> String.valueOf(o.debug()));
        DEFAULTS.put("shutdown-timeout", o -> duration(o.shutdownTimeout()));
        DEFAULTS.put("attach-stacktrace", o -> String.valueOf(o.attachStacktrace()));
        DEFAULTS.put("send-default-pii", o -> String.valueOf(o.sendDefaultPii()));
        DEFAULTS.put("default-integrations", o -> String.valueOf(o.defaultIntegrations()));
        DEFAULTS.put("max-pending-events", o -> String.valueOf(o.maxPendingEvents()));
        DEFAULTS.put("thread-priority", o -> String.valueOf(o.threadPriority()));
        DEFAULTS.put("max-queue-size", o -> String.valueOf(o.maxQueueSize()));
        DEFAULTS.put("max-queue-bytes", o -> bytes(o.maxQueueBytes()));
        DEFAULTS.put("max-cache-items", o -> String.valueOf(o.maxCacheItems()));
        DEFAULTS.put("max-cache-bytes", o -> bytes(o.maxCacheBytes()));
        DEFAULTS.put("max-cache-age", o -> duration(o.maxCacheAge()));
        DEFAULTS.put("connect-timeout", o -> duration(o.connectTimeout()));
        DEFAULTS.put("read-timeout", o -> duration(o.readTimeout()));
        DEFAULTS.put("send-client-reports", o -> String.valueOf(o.sendClientReports()));
        DEFAULTS.put("spotlight", o -> String.valueOf(o.spotlightUrl() != null));
        DEFAULTS.put("spotlight-url", o -> SentryOptions.DEFAULT_SPOTLIGHT_URL);
        DEFAULTS.put("logs-enabled", o -> String.valueOf(o.logsEnabled()));
        DEFAULTS.put("minimum-log-level", o -> o.minimumLogLevel().wireName());
    }

    private static String duration(Duration d) {
        long s = d.getSeconds();
        if (d.getNano() != 0) {
            return d.toMillis() + "ms";
        }
        return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    private static String bytes(long n) {
        return n % MIB == 0 ? n / MIB + " MiB" : String.valueOf(n);
    }

    /** Each row of the table under "## Options": the names in its first cell, the defaults in its second. */
    private static List<String[][]> rows() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Options");
        assertThat(start).as("README has an Options section").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        List<String[][]> rows = new ArrayList<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            rows.add(new String[][] {codes(cells[1]), codes(cells[2])});
        }
        return rows;
    }

    private static String[] codes(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out.toArray(new String[0]);
    }

    @Test
    void everyTextOptionHasARow() throws IOException {
        List<String> documented = new ArrayList<>();
        for (String[][] row : rows()) {
            documented.addAll(List.of(row[0]));
        }
        assertThat(documented).containsAll(TextSettings.names());
    }

    @Test
    void theDefaultsTheTableStatesAreTheCodes() throws IOException {
        SentryOptions defaults = SentryOptions.builder().ambientSources(false).build();
        Map<String, String> stated = new LinkedHashMap<>();
        for (String[][] row : rows()) {
            if (row[0].length == row[1].length) {
                for (int i = 0; i < row[0].length; i++) {
                    stated.put(row[0][i], row[1][i]);
                }
            }
        }
        assertThat(stated).containsKeys(DEFAULTS.keySet().toArray(new String[0]));
        DEFAULTS.forEach((name, rendered) ->
                assertThat(stated.get(name)).as("README default of " + name).isEqualTo(rendered.apply(defaults)));
    }
}
