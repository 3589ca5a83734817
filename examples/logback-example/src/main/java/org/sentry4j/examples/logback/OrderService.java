package org.sentry4j.examples.logback;

import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The "business logic": plain SLF4J logging, nothing Sentry-specific. */
final class OrderService {
    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    void process(Order order) {
        // MDC entries become tags of the events logged on this thread while they are set.
        MDC.put("order", order.id);
        MDC.put("customer", order.customer);
        try {
            log.info("processing order {}", order.id); // a breadcrumb
            if (order.quantity <= 0) {
                // An event without an exception; the message keeps its template and parameters.
                log.error("order {} rejected: quantity {} is not positive", order.id, order.quantity);
                return;
            }
            try {
                checkout(order);
                log.info("order {} paid", order.id);
            } catch (IllegalStateException e) {
                // An event with the exception and its cause.
                log.error("payment failed for order {}", order.id, e);
            }
        } finally {
            MDC.clear(); // pool threads are reused: the next order must not inherit these
        }
    }

    private void checkout(Order order) {
        try {
            charge(order);
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("checkout failed for order " + order.id, e);
        }
    }

    private void charge(Order order) throws SocketTimeoutException {
        if (order.id.equals("A-1002")) { // the stand-in payment gateway is slow for this one
            throw new SocketTimeoutException("payment gateway did not answer within 3000 ms");
        }
    }

    static final class Order {
        final String id;
        final String customer;
        final int quantity;

        Order(String id, String customer, int quantity) {
            this.id = id;
            this.customer = customer;
            this.quantity = quantity;
        }
    }
}
