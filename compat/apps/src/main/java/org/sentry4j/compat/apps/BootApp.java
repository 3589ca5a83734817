package org.sentry4j.compat.apps;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application with sentry4j's starter and no Sentry appender in its logging configuration
 * (boot-logback.xml, or boot-log4j2.xml with the argument {@code log4j2}): the starter starts the SDK from
 * the {@code sentry.*} properties (the DSN from {@code SENTRY_DSN}) and adds the appender. With
 * {@code declared} the configuration is logback.xml / log4j2.xml, which declare the Sentry appender, and
 * the starter must add none. It logs through
 * SLF4J, as Boot applications do, closes its context and returns. With {@code fail-startup} a bean
 * throws while the context starts, and main lets {@code SpringApplication.run}'s exception through, as an
 * application's main does: the JVM exits with status 1.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BootApp {
    /** The {@code sentry.environment} property the test finds on the events. */
    public static final String ENVIRONMENT = "compat-boot";

    public static void main(String[] args) {
        List<String> options = Arrays.asList(args);
        SpringApplication application = new SpringApplication(BootApp.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        if (options.contains("fail-startup")) {
            application.addPrimarySources(List.of(BootFailingConfiguration.class));
        }
        application.setDefaultProperties(Map.of(
                "logging.config", loggingConfig(options),
                "sentry.environment", ENVIRONMENT,
                "sentry.in-app-includes", "org.sentry4j.compat"));
        try (ConfigurableApplicationContext context = application.run()) {
            Logger log = LoggerFactory.getLogger("compat.Checkout");
            log.info("app started");
            log.info("loaded {} orders", 3);
            LoggerFactory.getLogger("compat.Inventory").info("inventory checked through slf4j");
            log.error("order 17 failed", Failures.chained());
            log.error("stock check found {} negative items", 2);
            log.info("batch done");
            System.out.println("compat-app: slf4j binding " + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        System.out.println("compat-app: main returns");
    }

    /** Console only, or with {@code declared} the configuration that declares the Sentry appender too. */
    private static String loggingConfig(List<String> options) {
        boolean log4j2 = options.contains("log4j2");
        if (options.contains("declared")) {
            return log4j2 ? "classpath:log4j2.xml" : "classpath:logback.xml";
        }
        return log4j2 ? "classpath:boot-log4j2.xml" : "classpath:boot-logback.xml";
    }
}
