package org.sentry4j.compat.apps;

import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A Log4j2 application: log4j2.xml configures the console and the Sentry appender; it ends with
 * {@code LogManager.shutdown()}, or with {@code main-returns} leaves that to Log4j2's shutdown hook. With the argument {@code slf4j} it also logs one line through SLF4J, as
 * an application with Log4j2's SLF4J binding (Spring Boot's log4j2 starter) does, and prints the binding;
 * with {@code http} it makes one request through its own HttpClient 5 with sentry4j's breadcrumb
 * interceptor before the errors.
 */
public final class Log4j2App {
    private Log4j2App() {
    }

    public static void main(String[] args) {
        List<String> options = Arrays.asList(args);
        Logger log = LogManager.getLogger("compat.Checkout");
        log.info("app started");
        log.info("loaded {} orders", 3);
        if (options.contains("slf4j")) {
            Slf4jUser.logAndPrintBinding();
        }
        if (options.contains("http")) {
            HttpCall.ping();
        }
        log.error("order 17 failed", Failures.chained());
        log.error("stock check found {} negative items", 2);
        log.info("batch done");
        if (!options.contains("main-returns")) {
            LogManager.shutdown();
        }
        System.out.println("compat-app: main returns");
    }

    /** Its own class, so SLF4J is loaded only by a row that has it. */
    private static final class Slf4jUser {
        static void logAndPrintBinding() {
            org.slf4j.LoggerFactory.getLogger("compat.Inventory").info("inventory checked through slf4j");
            System.out.println("compat-app: slf4j binding "
                    + org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
        }
    }
}
