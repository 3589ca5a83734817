package org.sentry4j.jul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.config.TextSettings;
import org.sentry4j.testkit.EventSchema;

/** The handler's settings from logging.properties, and in code. */
class ConfigurationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final JulFixture fixture = new JulFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private JsonObject onlyEvent() {
        JsonObject event = fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(event);
        return event;
    }

    /** Lets through only records whose message does not mention a secret. */
    public static final class NoSecrets implements Filter {
        @Override
        public boolean isLoggable(LogRecord record) {
            return !record.getMessage().contains("secret");
        }
    }

    @Test
    void coreOptionsArePropertiesUnderTheirCamelCaseNamesAndReachTheEvent() {
        SentryHandler handler = fixture.start(Map.of("release", "shop@1.2.3", "environment", "staging",
                "serverName", "web-1", "tags", "app=shop,region=eu", "maxBreadcrumbs", "7",
                "shutdown-timeout", "3s", "sendDefaultPii", "true"));

        fixture.logger().severe("boom");

        JsonObject event = onlyEvent();
        assertThat(event.get("release").getAsString()).isEqualTo("shop@1.2.3");
        assertThat(event.get("environment").getAsString()).isEqualTo("staging");
        assertThat(event.get("server_name").getAsString()).isEqualTo("web-1");
        assertThat(event.getAsJsonObject("tags").get("region").getAsString()).isEqualTo("eu");
        SentryOptions options = handler.options();
        assertThat(options.maxBreadcrumbs()).isEqualTo(7);
        assertThat(options.shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.sendDefaultPii()).isTrue();
        assertThat(fixture.reported).isEmpty();
    }

    @Test
    void everyCoreOptionIsReadUnderItsCamelCaseName() {
        java.util.Set<String> asked = new java.util.HashSet<>();

        Settings.read(name -> {
            asked.add(name);
            return null;
        });

        assertThat(asked).contains(Settings.PREFIX + "serverName", Settings.PREFIX + "proxyHost",
                Settings.PREFIX + "shutdownTimeout", Settings.PREFIX + "minimumEventLevel",
                Settings.PREFIX + "minimumBreadcrumbLevel", Settings.PREFIX + "level", Settings.PREFIX + "filter",
                Settings.PREFIX + "printfStyle");
        for (String name : TextSettings.names()) {
            assertThat(asked).contains(Settings.PREFIX + Settings.camelCase(name));
        }
    }

    @Test
    void aBadValueIsReportedOnceNamingTheSettingAndItsDefaultIsUsed() {
        fixture.start(Map.of("sampleRate", "lots", "minimumEventLevel", "LOUD"));

        fixture.logger().severe("still reported");

        assertThat(onlyEvent().getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("still reported");
        assertThat(fixture.reported).hasSize(1);
        assertThat(fixture.reported.get(0)).contains("sample-rate", "lots")
                .contains(Settings.PREFIX + "minimumEventLevel", "'LOUD'", "using SEVERE");
    }

    @Test
    void withoutADsnTheHandlerSaysWhereOneComesFromAndForwardsToTheApplicationsClient() {
        fixture.start(Map.of("dsn", ""));

        assertThat(fixture.reported).singleElement().asString()
                .contains("no org.sentry4j.jul.SentryHandler.dsn, -Dsentry.dsn or SENTRY_DSN");
        Sentry.init(o -> o.dsn(fixture.receiver.dsn()).defaultIntegrations(false));
        fixture.logger().severe("through the application's client");

        assertThat(onlyEvent().getAsJsonObject("logentry").get("formatted").getAsString())
                .isEqualTo("through the application's client");
    }

    @Test
    void aMalformedDsnIsReportedWithoutItsSecretAndLoggingGoesOn() {
        fixture.start(Map.of("dsn", "https://public:s3cr3t@"));

        assertThatCode(() -> fixture.logger().severe("nowhere")).doesNotThrowAnyException();
        assertThat(fixture.reported).singleElement().asString().contains("invalid configuration")
                .doesNotContain("s3cr3t");
        assertThat(Sentry.isEnabled()).isFalse();
    }

    @Test
    void theFilterPropertyNamesAJulFilter() {
        fixture.start(Map.of("filter", NoSecrets.class.getName()));

        fixture.logger().severe("a secret event");
        fixture.logger().severe("a plain event");

        assertThat(onlyEvent().getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("a plain event");
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(fixture.receiver.envelopes()).hasSize(1);
    }

    @Test
    void inCodeTheBuilderTakesOptionsAndThresholds() {
        SentryHandler handler = fixture.attach(SentryHandler.builder()
                .options(SentryOptions.builder().dsn(fixture.receiver.dsn()).defaultIntegrations(false)
                        .release("coded@1").build())
                .minimumEventLevel(Level.WARNING)
                .minimumBreadcrumbLevel(Level.CONFIG)
                .build());

        fixture.logger().config("configured");
        fixture.logger().warning("a warning event");

        JsonObject event = onlyEvent();
        assertThat(event.get("release").getAsString()).isEqualTo("coded@1");
        assertThat(event.get("level").getAsString()).isEqualTo("warning");
        assertThat(event.getAsJsonObject("breadcrumbs").getAsJsonArray("values")).hasSize(1);
        assertThat(handler.options().release()).isEqualTo("coded@1");
    }

    @Test
    void theApplicationsOwnClientWinsOverTheHandlersSettings() {
        Sentry.init(o -> o.dsn(fixture.receiver.dsn()).defaultIntegrations(false).release("app@9"));
        fixture.start(Map.of("release", "handler@1"));

        fixture.logger().severe("boom");

        assertThat(onlyEvent().get("release").getAsString()).isEqualTo("app@9");
    }
}
