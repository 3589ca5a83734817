package org.sentry4j.spring.boot;

/**
 * The starter's own voice, as the core's: lines on stderr, never through the logging framework it sets
 * up. Errors always (without them the application would not know its errors are not reported), the rest
 * only with {@code sentry.debug}.
 */
final class Say {
    private Say() {
    }

    static void error(String message) {
        System.err.println("[sentry4j] error: " + message);
    }

    static void debug(boolean debug, String message) {
        if (debug) {
            System.err.println("[sentry4j] " + message);
        }
    }

    /** A throwable as one line. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
