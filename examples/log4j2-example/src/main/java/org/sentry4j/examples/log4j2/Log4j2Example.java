package org.sentry4j.examples.log4j2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.sentry4j.Sentry;
import org.sentry4j.User;

/**
 * Processes three orders on a thread pool, then exports a report on a thread that crashes. Everything
 * Sentry needs is in {@code log4j2.xml} (the DSN comes from {@code SENTRY_DSN}); the code only logs,
 * sets the user and carries the scope into the pool. It sends exactly three events:
 * <ol>
 *   <li>error: "payment failed for order A-1002", an {@code IllegalStateException} caused by a
 *       {@code SocketTimeoutException}, tagged {@code order=A-1002} from the ThreadContext</li>
 *   <li>error: "order A-1003 rejected: quantity -1 is not positive", no exception, tagged {@code order=A-1003}</li>
 *   <li>fatal: the {@code UncheckedIOException} that kills the {@code report-exporter} thread</li>
 * </ol>
 * Each carries the user and, as breadcrumbs, the info logs that led to it. Its nine logs from INFO up (seven
 * info, two error) also go out as structured logs (Sentry Logs), batched and sent when logging stops.
 */
public final class Log4j2Example {
    private static final Logger log = LogManager.getLogger(Log4j2Example.class);

    private Log4j2Example() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            run();
        } finally {
            // Stops Log4j2's appenders: the Sentry appender delivers what is still queued (within its
            // shutdown timeout) and closes the client it started, so the JVM can exit right away.
            LogManager.shutdown();
        }
        System.out.println("log4j2-example: done, 3 events sent");
    }

    private static void run() throws InterruptedException {
        List<OrderService.Order> orders = List.of(
                new OrderService.Order("A-1001", "c-7", 2),
                new OrderService.Order("A-1002", "c-7", 1),
                new OrderService.Order("A-1003", "c-9", -1));
        log.info("order service started, {} orders queued", orders.size());
        // The batch runs for one operator: every event from now on names them, on every thread. (A server
        // would set each request's user with configureScope on the request's thread instead.)
        Sentry.configureGlobalScope(scope -> scope.setUser(User.builder().id("u-42").email("ops@example.com").build()));

        OrderService service = new OrderService();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (OrderService.Order order : orders) {
                // The job runs with a copy of this thread's scope: its breadcrumbs so far.
                pool.execute(Sentry.wrap(() -> service.process(order)));
            }
        } finally {
            pool.shutdown();
        }
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        log.info("batch done, exporting the report");

        // Nobody catches this thread's exception: the SDK's uncaught-exception handler reports it as
        // fatal and delivers it before the thread ends (then the JVM prints the stack trace as usual).
        Thread exporter = new Thread(Log4j2Example::exportReport, "report-exporter");
        exporter.start();
        exporter.join();
    }

    private static void exportReport() {
        log.info("writing report to /var/reports/orders.csv");
        throw new UncheckedIOException(new IOException("/var/reports is not writable"));
    }
}
