package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.status.Status;
import com.google.gson.JsonObject;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.config.TextSettings;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;
import org.slf4j.MDC;

/** Options from XML: direct children, the official appender's layout, and the no-DSN / bad-DSN cases. */
class ConfigurationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TestReceiver receiver;
    private LogbackFixture logback;
    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
    }

    @AfterEach
    void stop() {
        MDC.clear();
        if (logback != null) {
            logback.close();
        }
        Sentry.close();
        receiver.close();
    }

    @Test
    void everyTextSettingHasASetterOnTheAppenderAndOnTheOptionsBean() {
        List<String> missing = new ArrayList<>();
        for (String name : TextSettings.names()) {
            String setter = "set" + camel(name);
            for (Class<?> type : List.of(SentryAppender.class, AppenderSettings.class)) {
                if (!hasStringSetter(type, setter)) {
                    missing.add(type.getSimpleName() + "." + setter);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static String camel(String canonical) {
        StringBuilder sb = new StringBuilder();
        for (String part : canonical.split("[-.]")) {
            sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return sb.toString();
    }

    private static boolean hasStringSetter(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class) {
                return true;
            }
        }
        return false;
    }

    @Test
    void directChildElementsConfigureTheClient() {
        logback = LogbackFixture.configure(receiver.dsn(), Configs.sentry("""
                <release>shop@1.4.2</release>
                <environment>staging</environment>
                <dist>b7</dist>
                <serverName>box-1</serverName>
                <sampleRate>1.0</sampleRate>
                <maxBreadcrumbs>10</maxBreadcrumbs>
                <tags>team=payments,tier=gold</tags>
                <tag>region=eu</tag>
                <attachStacktrace>false</attachStacktrace>
                <connectTimeout>5s</connectTimeout>
                <readTimeout>5000</readTimeout>
                <maxQueueSize>100</maxQueueSize>
                <threadPriority>4</threadPriority>
                """));

        logback.logger("com.shop.Checkout").error("failed");

        JsonObject event = receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(event);
        assertThat(event.get("release").getAsString()).isEqualTo("shop@1.4.2");
        assertThat(event.get("environment").getAsString()).isEqualTo("staging");
        assertThat(event.get("dist").getAsString()).isEqualTo("b7");
        assertThat(event.get("server_name").getAsString()).isEqualTo("box-1");
        JsonObject tags = event.getAsJsonObject("tags");
        assertThat(tags.get("team").getAsString()).isEqualTo("payments");
        assertThat(tags.get("tier").getAsString()).isEqualTo("gold");
        assertThat(tags.get("region").getAsString()).isEqualTo("eu");
        assertThat(Sentry.options().maxBreadcrumbs()).isEqualTo(10);
        assertThat(Sentry.options().maxQueueSize()).isEqualTo(100);
        assertThat(Sentry.options().threadPriority()).isEqualTo(4);
        assertThat(Sentry.options().readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(logback.sentryStatuses(Status.WARN)).isEmpty();
        assertThat(logback.sentryStatuses(Status.ERROR)).isEmpty();
    }

    @Test
    void theOfficialAppendersLayoutMigratesByChangingTheClassNameOnly() {
        String xml = """
                <configuration>
                  <appender name="SENTRY" class="org.sentry4j.logback.SentryAppender">
                    <options>
                      <dsn>${SENTRY_DSN}</dsn>
                      <environment>production</environment>
                      <contextTag>userId</contextTag>
                      <inAppInclude>com.shop</inAppInclude>
                      <debug>false</debug>
                      <sendClientReports>false</sendClientReports>
                      <enableUncaughtExceptionHandler>false</enableUncaughtExceptionHandler>
                      <enableDefaultIntegrations>false</enableDefaultIntegrations>
                      <shutdownTimeoutMillis>4000</shutdownTimeoutMillis>
                      <connectionTimeoutMillis>1500</connectionTimeoutMillis>
                      <readTimeoutMillis>2500</readTimeoutMillis>
                      <cacheDirPath>CACHE_DIR</cacheDirPath>
                      <proxy>
                        <host>127.0.0.1</host>
                        <port>PROXY_PORT</port>
                        <user>proxy-user</user>
                        <pass>proxy-secret</pass>
                      </proxy>
                    </options>
                    <minimumEventLevel>WARN</minimumEventLevel>
                    <minimumBreadcrumbLevel>DEBUG</minimumBreadcrumbLevel>
                  </appender>
                  <root level="DEBUG">
                    <appender-ref ref="SENTRY"/>
                  </root>
                </configuration>
                """;
        // The proxy is the receiver itself: the event arriving shows the proxy took effect.
        logback = LogbackFixture.configure(receiver.dsn(), xml.replace("CACHE_DIR", dir.toString())
                .replace("PROXY_PORT", String.valueOf(receiver.port())));
        MDC.put("userId", "u-17");
        MDC.put("requestId", "r-9");

        logback.logger("com.shop.Checkout").debug("looking up order");
        logback.logger("com.shop.Checkout").warn("payment slow");

        JsonObject event = receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(event);
        assertThat(event.get("level").getAsString()).isEqualTo("warning");
        assertThat(event.get("environment").getAsString()).isEqualTo("production");
        assertThat(event.getAsJsonObject("tags").get("userId").getAsString()).isEqualTo("u-17");
        assertThat(event.getAsJsonObject("tags").has("requestId")).isFalse();
        assertThat(event.getAsJsonObject("contexts").getAsJsonObject("mdc").get("requestId").getAsString())
                .isEqualTo("r-9");
        assertThat(event.getAsJsonObject("breadcrumbs").getAsJsonArray("values").get(0).getAsJsonObject()
                .get("message").getAsString()).isEqualTo("looking up order");
        assertThat(logback.sentryStatuses(Status.ERROR)).isEmpty();
        assertThat(logback.context.getStatusManager().getCopyOfStatusList())
                .as("an option only the official SDK has is reported by Logback and otherwise ignored")
                .anySatisfy(s -> assertThat(s.getMessage()).contains("enableUncaughtExceptionHandler"))
                .filteredOn(s -> s.getLevel() >= Status.WARN)
                .as("the official names of the options this SDK has are understood: no other warning")
                .allSatisfy(s -> assertThat(s.getMessage()).contains("enableUncaughtExceptionHandler"));
        SentryOptions options = Sentry.options();
        assertThat(options.defaultIntegrations()).isFalse();
        assertThat(options.shutdownTimeout()).isEqualTo(Duration.ofMillis(4000));
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(options.cacheDir()).isEqualTo(dir);
        assertThat(options.proxy()).isNotNull();
        assertThat(options.proxy().host()).isEqualTo("127.0.0.1");
        assertThat(options.proxy().port()).isEqualTo(receiver.port());
        assertThat(options.proxy().user()).isEqualTo("proxy-user");
        assertThat(options.proxy().password()).isEqualTo("proxy-secret");
    }

    private static String noDsnConfig(String dsnElement) {
        return """
                <configuration>
                  <appender name="SENTRY" class="org.sentry4j.logback.SentryAppender">
                    %s
                    <defaultIntegrations>false</defaultIntegrations>
                  </appender>
                  <appender name="LIST" class="ch.qos.logback.core.read.ListAppender"/>
                  <root level="INFO">
                    <appender-ref ref="SENTRY"/>
                    <appender-ref ref="LIST"/>
                  </root>
                </configuration>
                """.formatted(dsnElement);
    }

    @Test
    void anUnresolvedDsnVariableWarnsOnceAndLeavesTheAppenderInactive() {
        logback = LogbackFixture.configure(null, noDsnConfig("<dsn>${SENTRY_DSN}</dsn>"));

        logback.logger("app").error("failed");

        assertThat(logback.sentryStatuses(Status.WARN)).singleElement().asString()
                .contains("inactive").contains("SENTRY_DSN_IS_UNDEFINED");
        assertThat(logback.sentryStatuses(Status.ERROR)).isEmpty();
        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(logback.listed()).hasSize(1); // the rest of logging is untouched
    }

    @Test
    void anUnresolvedDsnVariableIsShownWithoutTheSecret() {
        logback = LogbackFixture.configure(null, noDsnConfig("<dsn>http://key:DsnS3cret@host/${SENTRY_PROJECT}</dsn>"));

        logback.logger("app").error("failed");

        assertThat(logback.sentryStatuses(Status.WARN)).singleElement().asString()
                .contains("http://key:***@host/SENTRY_PROJECT_IS_UNDEFINED").doesNotContain("DsnS3cret");
        assertThat(Sentry.isEnabled()).isFalse();
    }

    @Test
    void anEmptyOrAbsentDsnWarnsOnceAndLeavesTheAppenderInactive() {
        for (String dsn : List.of("<dsn></dsn>", "<dsn>  </dsn>", "")) {
            try (LogbackFixture f = LogbackFixture.configure(null, noDsnConfig(dsn))) {
                f.logger("app").error("failed");

                assertThat(f.sentryStatuses(Status.WARN)).as(dsn).singleElement().asString()
                        .contains("no DSN is configured");
                assertThat(Sentry.isEnabled()).isFalse();
                assertThat(f.listed()).hasSize(1);
            }
        }
    }

    @Test
    void aMalformedDsnIsAStatusErrorNamingTheProblem() {
        logback = LogbackFixture.configure(null, noDsnConfig("<dsn>not a dsn</dsn>"));

        logback.logger("app").error("failed");

        assertThat(logback.sentryStatuses(Status.ERROR)).singleElement().asString()
                .contains("inactive").contains("dsn");
        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(logback.listed()).hasSize(1);
    }

    @Test
    void anInvalidLevelIsAStatusErrorAndTheDefaultStays() {
        logback = LogbackFixture.configure(receiver.dsn(), Configs.sentry("""
                <minimumEventLevel>SEVERE</minimumEventLevel>
                <minimumBreadcrumbLevel>verbose</minimumBreadcrumbLevel>
                """));
        Logger log = logback.logger("app");

        log.debug("below the default breadcrumb level");
        log.warn("a breadcrumb, not an event");
        log.error("an event");

        assertThat(logback.sentryStatuses(Status.ERROR)).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("minimumEventLevel").contains("SEVERE").contains("keeping ERROR"))
                .anySatisfy(m -> assertThat(m).contains("minimumBreadcrumbLevel").contains("verbose")
                        .contains("keeping INFO"));
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(receiver.events()).singleElement().satisfies(event -> {
            assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("an event");
            assertThat(event.getAsJsonObject("breadcrumbs").getAsJsonArray("values").asList())
                    .extracting(c -> c.getAsJsonObject().get("message").getAsString())
                    .containsExactly("a breadcrumb, not an event");
        });
    }

    @Test
    void anInvalidOptionValueIsAStatusErrorNamingItAndTheDefaultIsUsed() {
        logback = LogbackFixture.configure(receiver.dsn(), Configs.sentry(
                "<sampleRate>2</sampleRate><maxQueueSize>-5</maxQueueSize><connectTimeout>soon</connectTimeout>"));

        assertThat(logback.sentryStatuses(Status.ERROR)).containsExactlyInAnyOrder(
                "Sentry appender [SENTRY]: connect-timeout: expected a duration such as 2000 (ms), 2s or PT2S,"
                        + " got 'soon'; ignored",
                "Sentry appender [SENTRY]: sample-rate: 2.0 is invalid (must be between 0.0 and 1.0); the default"
                        + " 1.0 is used",
                "Sentry appender [SENTRY]: max-queue-size: -5 is invalid (must be at least 1); the default 10000"
                        + " is used");
        assertThat(Sentry.isEnabled()).as("reporting stays on").isTrue();
        assertThat(Sentry.options().sampleRate()).isEqualTo(1.0);

        logback.logger("app").error("still reported");

        assertThat(receiver.awaitEnvelopes(1, WAIT).get(0).event().getAsJsonObject("logentry")
                .get("formatted").getAsString()).isEqualTo("still reported");
    }

    @Test
    void withoutDsnLogsFlowOnceTheApplicationStartsTheClient() {
        logback = LogbackFixture.configure(null, noDsnConfig(""));
        logback.logger("app").error("before init");

        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                .sendClientReports(false));
        logback.logger("app").error("after init");

        JsonObject event = receiver.awaitEnvelopes(1, WAIT).get(0).event();
        assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("after init");
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(receiver.events()).hasSize(1);
    }

    @Test
    void settingsTheAppenderLeavesOutComeFromTheAmbientSources() {
        System.setProperty("sentry.dsn", receiver.dsn());
        System.setProperty("sentry.environment", "from-system-property");
        try {
            logback = LogbackFixture.configure(null, noDsnConfig("<dsn>${SENTRY_DSN}</dsn><release>r@1</release>"));
            logback.logger("app").error("failed");

            JsonObject event = receiver.awaitEnvelopes(1, WAIT).get(0).event();
            assertThat(event.get("environment").getAsString()).isEqualTo("from-system-property");
            assertThat(event.get("release").getAsString()).isEqualTo("r@1");
            assertThat(logback.sentryStatuses(Status.WARN)).isEmpty();
        } finally {
            System.clearProperty("sentry.dsn");
            System.clearProperty("sentry.environment");
        }
    }
}
