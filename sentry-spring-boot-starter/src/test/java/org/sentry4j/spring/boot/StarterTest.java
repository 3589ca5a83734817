package org.sentry4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.logback.SentryAppender;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/** The starter in real Spring Boot applications (Logback, as spring-boot-starter brings it) in this JVM. */
class StarterTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path spool;
    private TestReceiver receiver;
    private ConfigurableApplicationContext context;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class CustomizedApp {
        @Bean
        @Order(1)
        SentryOptionsCustomizer release() {
            return options -> options.release("shop@from-bean");
        }

        @Bean
        @Order(2)
        SentryOptionsCustomizer tagEverything() {
            return options -> options.beforeSend((event, hint) -> {
                event.setTag("customized", "yes");
                return event;
            });
        }
    }

    static final class PaymentGateway {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class FailingApp {
        @Bean
        PaymentGateway paymentGateway() {
            throw new IllegalStateException("payment gateway unreachable");
        }
    }

    @BeforeEach
    void startReceiver() {
        receiver = TestReceiver.start();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        Sentry.close();
        receiver.close();
    }

    @Test
    void theSentryPropertiesOfApplicationYmlConfigureTheSdkAndTheAppender() {
        context = BootRun.start(App.class, receiver, spool, "spring.config.name=properties-test");

        SentryOptions options = Sentry.options();
        assertThat(options).as("the SDK runs").isNotNull();
        assertThat(options.release()).isEqualTo("shop@1.4.2");
        assertThat(options.environment()).isEqualTo("staging");
        assertThat(options.sendDefaultPii()).isTrue();
        assertThat(options.maxBreadcrumbs()).isEqualTo(7);
        assertThat(options.inAppIncludes()).containsExactly("com.shop", "org.example.billing");
        assertThat(options.tags()).containsEntry("Team", "payments");

        LoggerFactory.getLogger("com.shop.Stock").debug("counting sku-1");
        LoggerFactory.getLogger("com.shop.Stock").warn("stock low for {}", "sku-1"); // minimum-event-level: warn
        JsonObject event = receiver.awaitEvent(e -> true, WAIT).event();
        assertThat(event.get("level").getAsString()).isEqualTo("warning");
        assertThat(event.get("logger").getAsString()).isEqualTo("com.shop.Stock");
        assertThat(event.get("release").getAsString()).isEqualTo("shop@1.4.2");
        assertThat(event.get("environment").getAsString()).isEqualTo("staging");
        assertThat(event.getAsJsonObject("tags").get("Team").getAsString()).isEqualTo("payments");
        assertThat(breadcrumbs(event)).contains("counting sku-1"); // minimum-breadcrumb-level: debug
        EventSchema.assertValid(event);
    }

    @Test
    void sentryLogsEnabledSendsTheRecordsFromTheMinimumLevelAsStructuredLogs() {
        context = BootRun.start(App.class, receiver, spool, "sentry.logs.enabled=true",
                "sentry.logging.minimum-level=warn");

        LoggerFactory.getLogger("com.shop.Stock").info("counting sku-1");
        LoggerFactory.getLogger("com.shop.Stock").warn("stock low for {}", "sku-1");
        assertThat(Sentry.flush(WAIT)).isTrue();
        List<String> bodies = receiver.awaitLogs(1, WAIT).stream().map(l -> l.get("body").getAsString())
                .collect(Collectors.toList());
        assertThat(bodies).contains("stock low for sku-1").doesNotContain("counting sku-1");
    }

    @Test
    void customizerBeansChangeTheOptionsAfterTheProperties() {
        context = BootRun.start(CustomizedApp.class, receiver, spool, "sentry.release=shop@from-properties");

        assertThat(Sentry.options().release()).isEqualTo("shop@from-bean");
        LoggerFactory.getLogger("com.shop.Checkout").error("order 17 failed");
        JsonObject event = receiver.awaitEvent(e -> true, WAIT).event();
        assertThat(event.get("release").getAsString()).isEqualTo("shop@from-bean");
        assertThat(event.getAsJsonObject("tags").get("customized").getAsString()).isEqualTo("yes");
    }

    @Test
    void theAppenderIsAddedAfterSpringBootHasInitialisedLogging() {
        context = BootRun.start(App.class, receiver, spool);

        List<SentryAppender> appenders = BootRun.logbackSentryAppenders();
        assertThat(appenders).as("Sentry appenders on Logback's loggers").hasSize(1);
        assertThat(appenders.get(0).isStarted()).isTrue();
        LoggerFactory.getLogger("com.shop.Checkout").error("order 17 failed");
        JsonObject event = receiver.awaitEvent(e -> true, WAIT).event();
        assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("order 17 failed");
    }

    @Test
    void anAppenderTheLogbackConfigurationDeclaresIsTheOnlyOne() throws Exception {
        context = BootRun.start(App.class, receiver, spool, "logging.config=classpath:logback-with-sentry.xml");

        assertThat(BootRun.logbackSentryAppenders()).extracting(SentryAppender::getName).containsExactly("DECLARED");
        LoggerFactory.getLogger("com.shop.Checkout").error("order 17 failed");
        receiver.awaitEvent(e -> true, WAIT);
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(receiver.awaitQuiet(WAIT)).isTrue();
        assertThat(receiver.events()).as("events of one error").hasSize(1);
    }

    @Test
    void withLoggingDisabledNoAppenderIsAdded() {
        context = BootRun.start(App.class, receiver, spool, "sentry.logging.enabled=false");

        assertThat(Sentry.isEnabled()).isTrue();
        assertThat(BootRun.logbackSentryAppenders()).isEmpty();
    }

    @Test
    void disabledTheStarterStartsNothing() {
        context = BootRun.start(App.class, receiver, spool, "sentry.enabled=false");

        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(BootRun.logbackSentryAppenders()).isEmpty();
        assertThat(context.getBeanNamesForType(SentryHealthIndicator.class)).isEmpty();
    }

    @Test
    void aFailingBeanIsReportedBeforeRunThrows() throws Exception {
        assertThatThrownBy(() -> BootRun.start(FailingApp.class, receiver, spool))
                .hasRootCauseMessage("payment gateway unreachable");

        // Delivered when run() threw: what a main that lets it through, and so exits, relies on.
        List<JsonObject> events = receiver.events();
        assertThat(events).as("events received when run() threw").hasSize(1);
        JsonObject event = events.get(0);
        assertThat(event.get("level").getAsString()).isEqualTo("fatal");
        assertThat(event.get("logger").getAsString()).isEqualTo("org.springframework.boot.SpringApplication");
        assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("Application run failed");
        List<JsonObject> exceptions = exceptions(event);
        assertThat(exceptions).extracting(e -> e.get("value").getAsString()).contains("payment gateway unreachable");
        JsonObject outermost = exceptions.get(exceptions.size() - 1);
        assertThat(outermost.getAsJsonObject("mechanism").get("type").getAsString()).isEqualTo("SpringApplication");
        assertThat(outermost.getAsJsonObject("mechanism").get("handled").getAsBoolean()).isFalse();
        EventSchema.assertValid(event);

        // Boot's own "Application run failed" line carried the same exception: one event, not two.
        Sentry.flush(WAIT);
        assertThat(receiver.awaitQuiet(WAIT)).isTrue();
        assertThat(receiver.events()).hasSize(1);
    }

    static List<JsonObject> exceptions(JsonObject event) {
        return event.getAsJsonObject("exception").getAsJsonArray("values").asList().stream()
                .map(v -> v.getAsJsonObject()).collect(Collectors.toList());
    }

    static List<String> breadcrumbs(JsonObject event) {
        return event.getAsJsonObject("breadcrumbs").getAsJsonArray("values").asList().stream()
                .map(v -> v.getAsJsonObject().get("message").getAsString()).collect(Collectors.toList());
    }

}
