package org.sentry4j.compat.apps;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Logback application: logback.xml configures the console and the Sentry appender. With the argument
 * {@code stop-context} it stops the LoggerContext before main returns, as Spring Boot does at shutdown;
 * otherwise main just returns and the JVM's exit ends it. With {@code http} it makes one request
 * through its own HttpClient 5 with sentry4j's breadcrumb interceptor before the errors.
 */
public final class LogbackApp {
    private LogbackApp() {
    }

    public static void main(String[] args) {
        List<String> options = Arrays.asList(args);
        Logger log = LoggerFactory.getLogger("compat.Checkout");
        log.info("app started");
        log.info("loaded {} orders", 3);
        if (options.contains("http")) {
            HttpCall.ping();
        }
        log.error("order 17 failed", Failures.chained());
        log.error("stock check found {} negative items", 2);
        log.info("batch done");
        // The binding the application ended up with: the SDK must not have changed it.
        System.out.println("compat-app: slf4j binding " + LoggerFactory.getILoggerFactory().getClass().getName());
        if (options.contains("stop-context")) {
            Object context = LoggerFactory.getILoggerFactory();
            if (context instanceof ch.qos.logback.core.spi.LifeCycle) {
                ((ch.qos.logback.core.spi.LifeCycle) context).stop();
                System.out.println("compat-app: logger context stopped");
            }
        }
        System.out.println("compat-app: main returns");
    }
}
