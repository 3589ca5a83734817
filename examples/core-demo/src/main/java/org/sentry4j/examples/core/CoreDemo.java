package org.sentry4j.examples.core;

import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.sentry4j.Sentry;
import org.sentry4j.SentryLevel;
import org.sentry4j.User;

/**
 * Processes four orders and reports what goes wrong. It sends exactly four events:
 * <ol>
 *   <li>error: {@code IllegalStateException} caused by {@code SocketTimeoutException} (order A-1001)</li>
 *   <li>warning: a message about low stock</li>
 *   <li>error: {@code IllegalArgumentException} from a worker thread, tagged {@code order=A-1003}</li>
 *   <li>info: a message saying the batch is done</li>
 * </ol>
 * All carry the user, the tags {@code app} and {@code region}, and the breadcrumbs recorded before them.
 * It also sends three structured logs (Sentry Logs) through {@code Sentry.logger()}: "loaded 4 orders"
 * and one "packed" per order that packs, each with its template and parameters and the trace of its
 * scope.
 */
public final class CoreDemo {
    private CoreDemo() {
    }

    public static void main(String[] args) throws InterruptedException {
        String dsn = System.getenv("SENTRY_DSN");
        if (dsn == null || dsn.isBlank()) {
            System.err.println("core-demo: set SENTRY_DSN (e.g. the one the inbox prints)");
            System.exit(2);
        }
        Sentry.init(options -> options.dsn(dsn)
                .release("core-demo@1.0.0")
                .environment("demo")
                .tag("app", "core-demo")
                .logsEnabled(true) // Sentry.logger()'s structured logs, batched and sent at close at the latest
                // The SDK treats org.sentry4j.* as its own code; this demo's frames are the app's.
                .addInAppInclude("org.sentry4j.examples"));
        try {
            run();
        } finally {
            // Delivers what is still queued (within the shutdown timeout) and stops the SDK's threads.
            Sentry.close();
        }
        System.out.println("core-demo: done, 4 events captured");
    }

    private static void run() throws InterruptedException {
        Sentry.configureScope(scope -> {
            scope.setUser(User.builder().id("u-17").email("ada@example.com").build());
            scope.setTag("region", "eu-west");
        });
        Sentry.addBreadcrumb("loaded 4 orders from the queue", "orders");
        Sentry.logger().info("loaded %d orders from the queue", 4);

        OrderService service = new OrderService();
        try {
            service.checkout("A-1001");
        } catch (IllegalStateException e) {
            Sentry.captureException(e);
        }

        Sentry.addBreadcrumb("stock check for sku-9", "inventory");
        Sentry.captureMessage("stock low for sku-9: 2 left", SentryLevel.WARNING);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String order : List.of("A-1002", "A-1003", "A-1004")) {
                // Each job gets a copy of this thread's scope (user, tags, breadcrumbs) plus its own tag.
                Sentry.withScope(scope -> {
                    scope.setTag("order", order);
                    pool.execute(Sentry.wrap(() -> service.pack(order)));
                });
            }
        } finally {
            pool.shutdown();
        }
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        Sentry.captureMessage("batch done: 3 packed, 1 failed", SentryLevel.INFO);
    }

    /** The "business logic": fails in realistic ways. */
    static final class OrderService {
        void checkout(String order) {
            Sentry.addBreadcrumb("charging card for " + order, "payment");
            try {
                charge(order);
            } catch (SocketTimeoutException e) {
                throw new IllegalStateException("checkout failed for order " + order, e);
            }
        }

        private void charge(String order) throws SocketTimeoutException {
            throw new SocketTimeoutException("payment gateway did not answer within 3000 ms");
        }

        void pack(String order) {
            Sentry.addBreadcrumb("packing " + order, "warehouse");
            try {
                int quantity = order.equals("A-1003") ? -1 : 1;
                reserve(order, quantity);
                Sentry.logger().info("packed %s: %d item(s) reserved", order, quantity);
            } catch (IllegalArgumentException e) {
                Sentry.captureException(e);
            }
        }

        private void reserve(String order, int quantity) {
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive, was " + quantity + " for " + order);
            }
        }
    }
}
