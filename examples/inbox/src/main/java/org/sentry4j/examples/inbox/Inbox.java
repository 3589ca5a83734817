package org.sentry4j.examples.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local Sentry inbox: point an SDK at the DSN it prints and watch events arrive.
 *
 * <pre>
 * java -cp ... org.sentry4j.examples.inbox.Inbox --port 0 --dsn-file target/dsn --expect 4 --timeout 60
 * </pre>
 *
 * Exit status: 0 when stopped normally or once {@code --expect} events arrived, 1 when {@code --timeout}
 * came first, 2 for bad flags.
 */
public final class Inbox {
    private Inbox() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        InboxOptions options;
        try {
            options = InboxOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("inbox: " + e.getMessage());
            System.err.println(InboxOptions.USAGE);
            System.exit(2);
            return;
        }
        InboxServer inbox = InboxServer.start(options, System.out::println);
        AtomicBoolean finished = new AtomicBoolean();
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                inbox.close();
                System.out.println("inbox summary: " + inbox.summary());
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(finish, "inbox-shutdown")); // Ctrl-C, SIGTERM

        System.out.println("inbox listening on 127.0.0.1, keeping envelopes in " + options.out().toAbsolutePath());
        if (options.failStatus() != 0) {
            System.out.println("inbox will answer " + options.failStatus() + " to the first "
                    + options.failCount() + " envelopes");
        }
        System.out.println("SENTRY_DSN=" + inbox.dsn());
        if (options.dsnFile() != null) {
            writeAtomically(options.dsnFile(), inbox.dsn() + "\n");
        }

        int expect = options.expect() > 0 ? options.expect() : Integer.MAX_VALUE;
        Duration timeout = options.timeout() != null ? options.timeout() : Duration.ofDays(3650);
        boolean arrived = inbox.await(expect, options.expectLogs(), timeout);
        boolean ok = arrived || options.expect() == 0;
        if (!ok) {
            System.out.println("inbox: expected " + options.expect() + " events and " + options.expectLogs()
                    + " structured logs within " + timeout.toSeconds() + "s, got " + inbox.events().size()
                    + " and " + inbox.logs().size());
        }
        finish.run();
        System.exit(ok ? 0 : 1);
    }

    /** A script polling for the file never sees it half-written. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), ".dsn", ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
