package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import com.google.gson.JsonObject;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;
import org.apache.logging.log4j.core.config.plugins.processor.PluginEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.config.AmbientSettings;
import org.sentry4j.internal.config.TextSettings;
import org.sentry4j.testkit.EventSchema;

class ConfigurationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PLUGIN_DATA = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";
    @TempDir
    Path dir;
    private LoggingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new LoggingFixture(dir);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static Map<String, Field> optionAttributes() {
        Map<String, Field> out = new LinkedHashMap<>();
        for (Field f : SentryAppenderBuilder.class.getDeclaredFields()) {
            if (f.isAnnotationPresent(PluginBuilderAttribute.class) && TextSettings.isKnown(f.getName())) {
                out.put(TextSettings.canonical(f.getName()), f);
            }
        }
        return out;
    }

    @Test
    void everyCoreOptionIsAnAttribute() {
        assertThat(optionAttributes().keySet()).containsExactlyInAnyOrderElementsOf(TextSettings.names());
    }

    @Test
    void everyOptionAttributeReachesTheClientSettings() throws Exception {
        SentryAppenderBuilder builder = SentryAppender.newBuilder();
        for (Field f : optionAttributes().values()) {
            f.setAccessible(true);
            f.set(builder, "value-of-" + f.getName());
        }
        Map<String, String> settings = builder.settings();

        assertThat(settings.keySet()).containsExactlyInAnyOrderElementsOf(TextSettings.names());
        optionAttributes().forEach((canonical, field) ->
                assertThat(settings.get(canonical)).isEqualTo("value-of-" + field.getName()));
    }

    @Test
    void everyAttributeHasAPublicSetter() throws Exception {
        Set<String> missing = new TreeSet<>();
        for (Field f : SentryAppenderBuilder.class.getDeclaredFields()) {
            if (f.isAnnotationPresent(PluginBuilderAttribute.class)) {
                String setter = "set" + Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
                try {
                    SentryAppenderBuilder.class.getMethod(setter, String.class);
                } catch (NoSuchMethodException e) {
                    missing.add(setter);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void pluginIndexIsOnTheClasspathSoNoPackagesAttributeIsNeeded() throws Exception {
        List<URL> files = Collections.list(getClass().getClassLoader().getResources(PLUGIN_DATA));
        PluginCache cache = new PluginCache();
        cache.loadCacheFiles(Collections.enumeration(files));

        PluginEntry entry = cache.getCategory("core").get("sentry");
        assertThat(entry).isNotNull();
        assertThat(entry.getClassName()).isEqualTo(SentryAppender.class.getName());
        assertThat(entry.getKey()).isEqualTo("sentry");
        assertThat(entry.getCategory()).isEqualTo("core");
    }

    @Test
    void xmlWithoutPackagesAttributeCreatesTheAppender() {
        fixture.start(fixture.config(""));

        assertThat(fixture.context().getConfiguration().getAppenders().get("Sentry")).isInstanceOf(SentryAppender.class);
        assertThat(fixture.appender().isStarted()).isTrue();
    }

    @Test
    void attributesConfigureTheClient() {
        fixture.start(fixture.config("""
                release="shop@2.0.1" environment="staging" dist="b7" serverName="box-9" tags="team=payments,tier=1"
                maxBreadcrumbs="7" shutdownTimeout="3s" sampleRate="1.0" inAppIncludes="com.shop" debug="false"
                ignoredExceptions="java.util.concurrent.CancellationException" sendClientReports="false"
                maxQueueSize="50" threadPriority="4" connectTimeout="1s" readTimeout="4s" proxyHost="" cacheDir="off\""""));

        fixture.logger("shop").error("boom");

        JsonObject event = fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(event);
        assertThat(event.get("release").getAsString()).isEqualTo("shop@2.0.1");
        assertThat(event.get("environment").getAsString()).isEqualTo("staging");
        assertThat(event.get("dist").getAsString()).isEqualTo("b7");
        assertThat(event.get("server_name").getAsString()).isEqualTo("box-9");
        assertThat(event.getAsJsonObject("tags").get("team").getAsString()).isEqualTo("payments");
        SentryOptions options = Sentry.options();
        assertThat(options.maxBreadcrumbs()).isEqualTo(7);
        assertThat(options.shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.inAppIncludes()).containsExactly("com.shop");
        assertThat(options.ignoredExceptions()).containsExactly("java.util.concurrent.CancellationException");
        assertThat(options.sendClientReports()).isFalse();
        assertThat(options.maxQueueSize()).isEqualTo(50);
        assertThat(options.threadPriority()).isEqualTo(4);
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.cacheEnabled()).isFalse();
    }

    @Test
    void missingDsnWarnsAndLeavesLoggingUntouched() {
        fixture.start("""
                <Configuration>
                  <Appenders><Sentry name="Sentry"/></Appenders>
                  <Loggers><Root level="info"><AppenderRef ref="Sentry"/></Root></Loggers>
                </Configuration>
                """);
        CollectingAppender others = CollectingAppender.attachTo(fixture.context());

        fixture.logger("shop").error("still logged");

        assertThat(fixture.statusMessages("Sentry appender 'Sentry'")).singleElement().asString()
                .startsWith("WARN").contains("no dsn");
        assertThat(fixture.appender().isStarted()).isTrue();
        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(others.messages).containsExactly("still logged");
    }

    @Test
    void emptyDsnWarns() {
        fixture.start(LoggingFixture.sentryConfig("", ""));

        assertThat(fixture.statusMessages("Sentry appender 'Sentry'")).singleElement().asString()
                .startsWith("WARN").contains("dsn is empty");
        assertThat(Sentry.isEnabled()).isFalse();
    }

    @Test
    void unresolvedLookupWarnsNamingIt() {
        fixture.start(LoggingFixture.sentryConfig("${env:SENTRY4J_TEST_SURELY_UNSET}", ""));

        assertThat(fixture.statusMessages("Sentry appender 'Sentry'")).singleElement().asString()
                .startsWith("WARN").contains("${env:SENTRY4J_TEST_SURELY_UNSET}").contains("unresolved");
        assertThat(Sentry.isEnabled()).isFalse();
    }

    @Test
    void unresolvedLookupIsShownWithoutTheDsnSecret() {
        fixture.start(LoggingFixture.sentryConfig("http://key:DsnS3cret@${env:SENTRY4J_TEST_SURELY_UNSET}/1", ""));

        assertThat(fixture.statusMessages("Sentry appender 'Sentry'")).singleElement().asString()
                .contains("http://key:***@${env:SENTRY4J_TEST_SURELY_UNSET}/1").doesNotContain("DsnS3cret");
        assertThat(Sentry.isEnabled()).isFalse();
    }

    @Test
    void unresolvedLookupFallsBackToAmbientDsn() {
        Properties sys = new Properties();
        sys.setProperty("sentry.dsn", fixture.receiver.dsn());
        sys.setProperty("sentry.environment", "from-ambient");
        AmbientSettings.overrideForTesting(AmbientSettings.resolve(sys, Map.of(), getClass().getClassLoader(), dir));
        fixture.start(LoggingFixture.sentryConfig("${env:SENTRY4J_TEST_SURELY_UNSET}", ""));

        fixture.logger("shop").error("boom");

        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).eventString("environment")).isEqualTo("from-ambient");
        assertThat(fixture.statusMessages("Sentry appender")).isEmpty();
    }

    @Test
    void emptyDsnCountsAsNotGivenSoAnAmbientDsnFillsIt() {
        // As dsn="${env:SENTRY_DSN:-}" does when the variable is unset: -Dsentry.dsn must still apply.
        Properties sys = new Properties();
        sys.setProperty("sentry.dsn", fixture.receiver.dsn());
        AmbientSettings.overrideForTesting(AmbientSettings.resolve(sys, Map.of(), getClass().getClassLoader(), dir));
        fixture.start(LoggingFixture.sentryConfig(" ", ""));

        fixture.logger("shop").error("boom");

        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event().getAsJsonObject("logentry")
                .get("formatted").getAsString()).isEqualTo("boom");
        assertThat(fixture.statusMessages("Sentry appender")).isEmpty();
    }

    @Test
    void blankAndUnresolvedAttributesAreNotGivenAndUnresolvedOnesWarn() {
        Properties sys = new Properties();
        sys.setProperty("sentry.environment", "from-ambient");
        AmbientSettings.overrideForTesting(AmbientSettings.resolve(sys, Map.of(), getClass().getClassLoader(), dir));
        fixture.start(fixture.config("""
                release="${env:SENTRY4J_TEST_SURELY_UNSET}" environment="" dist="  "
                minimumEventLevel="${sys:sentry4j.test.surely.unset}" contextTags=" " """));

        fixture.logger("shop").warn("not an event: the default threshold applies");
        ThreadContext.put("tenant", "acme");
        try {
            fixture.logger("shop").error("boom");
        } finally {
            ThreadContext.clearMap();
        }

        JsonObject event = fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event();
        EventSchema.assertValid(event);
        assertThat(event.has("release")).isFalse();
        assertThat(event.has("dist")).isFalse();
        assertThat(event.get("environment").getAsString()).isEqualTo("from-ambient");
        assertThat(event.getAsJsonObject("tags").get("tenant").getAsString()).isEqualTo("acme");
        assertThat(fixture.statusMessages("Sentry appender 'Sentry'")).containsExactlyInAnyOrder(
                "WARN Sentry appender 'Sentry': the release '${env:SENTRY4J_TEST_SURELY_UNSET}' is an unresolved lookup; left unset",
                "WARN Sentry appender 'Sentry': the minimumEventLevel '${sys:sentry4j.test.surely.unset}' is an unresolved lookup; left unset");
        Sentry.flush(WAIT);
        assertThat(fixture.receiver.envelopes()).hasSize(1);
    }

    @Test
    void anInvalidProxyHostIsAnErrorNamingItAndNoProxyIsUsed() {
        fixture.start(fixture.config("proxyHost=\"bad host\""));
        CollectingAppender others = CollectingAppender.attachTo(fixture.context());

        fixture.logger("shop").error("still logged");

        assertThat(fixture.statusMessages("Sentry appender 'Sentry'")).singleElement().asString()
                .startsWith("ERROR").contains("proxy.host: 'bad host' is not a host name; no proxy is used");
        assertThat(fixture.appender().isStarted()).isTrue();
        assertThat(others.messages).containsExactly("still logged");
        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT)).as("sent directly").hasSize(1);
    }

    @Test
    void malformedDsnIsAnErrorNamingTheDsn() {
        fixture.start(LoggingFixture.sentryConfig("not-a-dsn", ""));
        CollectingAppender others = CollectingAppender.attachTo(fixture.context());

        fixture.logger("shop").error("still logged");

        assertThat(fixture.statusMessages("Sentry appender 'Sentry'")).singleElement().asString()
                .startsWith("ERROR").contains("dsn");
        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(others.messages).containsExactly("still logged");
    }

    @Test
    void invalidOptionsAreErrorsNamingThemAndTheirDefaultsAreUsed() {
        fixture.start(fixture.config("sampleRate=\"2\" maxQueueSize=\"-5\" readTimeout=\"lots\""));

        assertThat(fixture.statusMessages("Sentry appender 'Sentry'")).containsExactlyInAnyOrder(
                "ERROR Sentry appender 'Sentry': read-timeout: expected a duration such as 2000 (ms), 2s or PT2S,"
                        + " got 'lots'; ignored",
                "ERROR Sentry appender 'Sentry': sample-rate: 2.0 is invalid (must be between 0.0 and 1.0); the"
                        + " default 1.0 is used",
                "ERROR Sentry appender 'Sentry': max-queue-size: -5 is invalid (must be at least 1); the default"
                        + " 10000 is used");
        assertThat(Sentry.isEnabled()).as("reporting stays on").isTrue();

        fixture.logger("shop").error("still reported");

        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event().getAsJsonObject("logentry")
                .get("formatted").getAsString()).isEqualTo("still reported");
    }

    @Test
    void invalidLevelIsAnErrorAndTheDefaultsApply() {
        fixture.start(fixture.config("minimumEventLevel=\"LOUD\""));

        fixture.logger("shop").warn("not an event");
        fixture.logger("shop").error("an event");

        assertThat(fixture.statusMessages("Sentry appender 'Sentry'")).singleElement().asString()
                .startsWith("ERROR").contains("minimumEventLevel").contains("LOUD");
        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event().getAsJsonObject("logentry")
                .get("formatted").getAsString()).isEqualTo("an event");
        Sentry.flush(WAIT);
        assertThat(fixture.receiver.envelopes()).hasSize(1);
    }

    @Test
    void withoutDsnLogsGoToTheClientTheApplicationStartsLater() {
        fixture.start(LoggingFixture.sentryConfig("", "environment=\"ignored\""));
        fixture.logger("shop").error("before init");

        Sentry.init(SentryOptions.builder().dsn(fixture.receiver.dsn()).environment("from-app")
                .ambientSources(false).defaultIntegrations(false).build());
        fixture.logger("shop").error("after init");

        JsonObject event = fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event();
        assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("after init");
        assertThat(event.get("environment").getAsString()).isEqualTo("from-app");
        Sentry.flush(WAIT);
        assertThat(fixture.receiver.envelopes()).hasSize(1);
    }
}
