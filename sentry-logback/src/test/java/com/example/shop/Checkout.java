package com.example.shop;

import org.slf4j.Logger;

/** Application code outside the SDK's packages, as a user's would be: it logs a message-only error. */
public final class Checkout {
    private final Logger log;
    private int line;

    public Checkout(Logger log) {
        this.log = log;
    }

    /** Logs an error without an exception; returns the line of the log call. */
    public int slowPayment(long millis) {
        line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        log.error("payment took {} ms", millis);
        return line;
    }
}
