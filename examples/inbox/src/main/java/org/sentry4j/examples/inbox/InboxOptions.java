package org.sentry4j.examples.inbox;

import java.nio.file.Path;
import java.time.Duration;

/** The inbox's command-line flags, parsed once. Unknown or malformed flags are errors, never ignored. */
public final class InboxOptions {
    static final String USAGE = String.join("\n",
            "usage: java org.sentry4j.examples.inbox.Inbox [flags]",
            "  --port N          port on 127.0.0.1; 0 picks a free one (default 8969)",
            "  --out DIR         where the raw, decompressed envelopes are kept (default target/inbox)",
            "  --dsn-file FILE   also write the DSN to FILE once listening, for scripts",
            "  --fail STATUS     refuse envelopes with 429 or 503 to watch the SDK back off and spool",
            "  --fail-count N    how many envelopes to refuse before accepting again (default 3)",
            "  --retry-after S   the Retry-After header sent with refusals, in seconds (default 5)",
            "  --expect N        stop (and print the summary) once N events arrived",
            "  --expect-logs N   with --expect: and N structured logs",
            "  --timeout S       give up after S seconds; with --expect, exit 1 if fewer arrived",
            "Without --expect/--timeout it runs until stopped (Ctrl-C); the summary is printed then.");

    private int port = 8969;
    private Path out = Path.of("target", "inbox");
    private Path dsnFile;
    private int failStatus;
    private int failCount = 3;
    private int retryAfterSeconds = 5;
    private int expect;
    private int expectLogs;
    private Duration timeout;

    private InboxOptions() {
    }

    /** @throws IllegalArgumentException naming the flag that is unknown or has a bad value */
    public static InboxOptions parse(String... args) {
        InboxOptions o = new InboxOptions();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag.startsWith("--") ? flag + " needs a value" : "unknown argument " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--port": o.port = number(flag, value, 0, 65535); break;
                case "--out": o.out = Path.of(value); break;
                case "--dsn-file": o.dsnFile = Path.of(value); break;
                case "--fail": o.failStatus = status(value); break;
                case "--fail-count": o.failCount = number(flag, value, 0, Integer.MAX_VALUE); break;
                case "--retry-after": o.retryAfterSeconds = number(flag, value, 0, 86_400); break;
                case "--expect": o.expect = number(flag, value, 1, Integer.MAX_VALUE); break;
                case "--expect-logs": o.expectLogs = number(flag, value, 0, Integer.MAX_VALUE); break;
                case "--timeout": o.timeout = Duration.ofSeconds(number(flag, value, 1, 86_400)); break;
                default: throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return o;
    }

    private static int number(String flag, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the range
        }
        throw new IllegalArgumentException(flag + " must be a number from " + min + " to " + max + ", not '" + value + "'");
    }

    private static int status(String value) {
        if (value.equals("429") || value.equals("503")) {
            return Integer.parseInt(value);
        }
        throw new IllegalArgumentException("--fail must be 429 or 503, not '" + value + "'");
    }

    public int port() {
        return port;
    }

    public Path out() {
        return out;
    }

    /** Null when no DSN file was asked for. */
    public Path dsnFile() {
        return dsnFile;
    }

    /** 429 or 503, or 0 when no request is refused. */
    public int failStatus() {
        return failStatus;
    }

    public int failCount() {
        return failStatus == 0 ? 0 : failCount;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The number of events to stop at, or 0 to run until stopped. */
    public int expect() {
        return expect;
    }

    /** The number of structured logs to wait for as well, with {@link #expect()}. */
    public int expectLogs() {
        return expectLogs;
    }

    /** Null to wait without a deadline. */
    public Duration timeout() {
        return timeout;
    }
}
