package com.example.shop;

import java.util.logging.Logger;

/** Application code outside the SDK's packages, so its frames are the caller's, not plumbing. */
public final class Checkout {
    private final Logger log;

    public Checkout(Logger log) {
        this.log = log;
    }

    public void declined(String order) {
        log.severe("card declined for " + order);
    }
}
