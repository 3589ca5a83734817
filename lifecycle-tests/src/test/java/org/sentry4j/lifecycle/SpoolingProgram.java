package org.sentry4j.lifecycle;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sentry4j.Sentry;
import org.sentry4j.SentryLevel;

/**
 * Run in a child JVM: a long-running program on the core API. Captures {@code args[1]} errors named
 * {@code <args[0]>-<i>}, one every {@code args[2]} ms, printing {@code logged <i> <epoch millis>} after
 * each, then {@code ready}; then lets the SDK work (replay, deliver) until a line {@code close} on its
 * standard input, when it closes the SDK, prints {@code closed} and returns. The SDK's settings come
 * from {@code -Dsentry.*}. Killed as often as not: everything it prints is flushed line by line.
 */
public final class SpoolingProgram {
    private SpoolingProgram() {
    }

    public static void main(String[] args) throws Exception {
        String marker = args[0];
        int count = Integer.parseInt(args[1]);
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[2]));
        Sentry.init(options -> { }); // everything from -Dsentry.*
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Sentry.captureMessage(marker + "-" + i, SentryLevel.ERROR);
            System.out.println("logged " + i + " " + System.currentTimeMillis());
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("close")) {
            // waits for the test to say so
        }
        Sentry.close();
        System.out.println("closed");
    }
}
