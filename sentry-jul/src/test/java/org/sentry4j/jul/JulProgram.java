package org.sentry4j.jul;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Run in a child JVM, configured by {@code -Djava.util.logging.config.file} (and, for the bridge cases,
 * log4j-jul and Log4j2's own configuration): logs an info line and a severe one with an exception
 * through JUL, then main returns or, with {@code exit} as {@code args[1]}, calls {@code System.exit(1)}.
 * {@code args[0]} marks this run's records. Nothing closes anything: the JVM's exit does.
 */
public final class JulProgram {
    private JulProgram() {
    }

    public static void main(String[] args) {
        String marker = args[0];
        Logger log = Logger.getLogger("shop.Checkout");
        log.info("opened-" + marker);
        log.log(Level.SEVERE, "last-{0}", new Object[] {marker});
        log.log(Level.SEVERE, "failed-" + marker, new IllegalStateException("boom " + marker));
        if (args.length > 1 && args[1].equals("exit")) {
            System.exit(1);
        }
    }
}
