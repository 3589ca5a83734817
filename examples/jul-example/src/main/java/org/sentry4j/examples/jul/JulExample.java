package org.sentry4j.examples.jul;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.sentry4j.Sentry;
import org.sentry4j.User;

/**
 * Processes three orders, then exports a report on a thread that crashes. Everything Sentry needs is in
 * {@code logging.properties} (the DSN comes from {@code SENTRY_DSN}); the code only logs, sets the user
 * and tags each order's scope. Nothing is closed at the end: at exit the JDK's LogManager closes its
 * handlers, and the Sentry handler delivers what is still queued within its shutdown timeout. It sends
 * exactly three events:
 * <ol>
 *   <li>error: "payment failed for order A-1002", an {@code IllegalStateException} caused by a
 *       {@code SocketTimeoutException}, tagged {@code order=A-1002}</li>
 *   <li>error: "order A-1003 rejected: quantity -1 is not positive", no exception, its pattern
 *       {@code order {0} rejected: quantity {1} is not positive} kept, tagged {@code order=A-1003}</li>
 *   <li>fatal: the {@code UncheckedIOException} that kills the {@code report-exporter} thread</li>
 * </ol>
 * Each carries the user and, as breadcrumbs, the info logs that led to it.
 */
public final class JulExample {
    private static final Logger log = Logger.getLogger(JulExample.class.getName());

    private JulExample() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        if (System.getProperty("java.util.logging.config.file") == null) {
            try (InputStream config = JulExample.class.getResourceAsStream("/logging.properties")) {
                LogManager.getLogManager().readConfiguration(config);
            }
        }
        List<Order> orders = List.of(new Order("A-1001", 2), new Order("A-1002", 1), new Order("A-1003", -1));
        log.log(Level.INFO, "order service started, {0} orders queued", orders.size());
        Sentry.configureGlobalScope(scope -> scope.setUser(User.builder().id("u-42").email("ops@example.com").build()));

        for (Order order : orders) {
            // JUL has no MDC: the order's tag lives on a scope of its own, for the events logged inside it.
            Sentry.withScope(scope -> {
                scope.setTag("order", order.id);
                process(order);
            });
        }
        log.info("batch done, exporting the report");

        // Nobody catches this thread's exception: the SDK's uncaught-exception handler reports it as
        // fatal and delivers it before the thread ends (then the JVM prints the stack trace as usual).
        Thread exporter = new Thread(JulExample::exportReport, "report-exporter");
        exporter.start();
        exporter.join();
        System.out.println("jul-example: done, 3 events sent");
    }

    private static void process(Order order) {
        log.log(Level.INFO, "processing order {0}", order.id); // a breadcrumb
        if (order.quantity <= 0) {
            // An event without an exception; the message keeps its pattern and parameters.
            log.log(Level.SEVERE, "order {0} rejected: quantity {1} is not positive",
                    new Object[] {order.id, order.quantity});
            return;
        }
        try {
            checkout(order);
            log.log(Level.INFO, "order {0} paid", order.id);
        } catch (IllegalStateException e) {
            // An event with the exception and its cause.
            log.log(Level.SEVERE, e, () -> "payment failed for order " + order.id);
        }
    }

    private static void checkout(Order order) {
        try {
            if (order.id.equals("A-1002")) { // the stand-in payment gateway is slow for this one
                throw new SocketTimeoutException("payment gateway did not answer within 3000 ms");
            }
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("checkout failed for order " + order.id, e);
        }
    }

    private static void exportReport() {
        log.info("writing report to /var/reports/orders.csv");
        throw new UncheckedIOException(new IOException("/var/reports is not writable"));
    }

    private static final class Order {
        final String id;
        final int quantity;

        Order(String id, int quantity) {
            this.id = id;
            this.quantity = quantity;
        }
    }
}
