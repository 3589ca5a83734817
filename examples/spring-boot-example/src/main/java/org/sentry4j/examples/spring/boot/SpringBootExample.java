package org.sentry4j.examples.spring.boot;

import org.sentry4j.spring.boot.SentryOptionsCustomizer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Starts, greets one customer, whose welcome mail fails, and exits. Nothing calls the SDK: the starter
 * reads the {@code sentry.*} properties of {@code application.properties}, adds the Sentry appender to
 * Spring Boot's Logback, and applies the {@link SentryOptionsCustomizer} bean below. It sends one event:
 * error "welcome mail to c-7 failed", an {@code IllegalStateException} caused by a
 * {@code java.net.ConnectException}, with the info logs before it as breadcrumbs.
 */
@SpringBootApplication
public class SpringBootExample {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = SpringApplication.run(SpringBootExample.class, args)) {
            context.getBean(Greeter.class).greet("c-7");
        }
        System.out.println("spring-boot-example: done, 1 event sent");
    }

    /** For what properties cannot say: here a tag on every event. */
    @Bean
    SentryOptionsCustomizer appTag() {
        return options -> options.tag("app", "spring-boot-example");
    }

    @Bean
    Greeter greeter() {
        return new Greeter();
    }
}
