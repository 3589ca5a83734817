package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.internal.config.AmbientSettings;
import org.sentry4j.internal.config.TextSettings;

class OptionsTest {
    @AfterEach
    void restore() {
        AmbientSettings.overrideForTesting(null);
    }

    @Test
    void defaults() {
        SentryOptions o = SentryOptions.builder().ambientSources(false).build();
        assertThat(o.isEnabled()).isFalse();
        assertThat(o.environment()).isEqualTo("production");
        assertThat(o.sampleRate()).isEqualTo(1.0);
        assertThat(o.maxBreadcrumbs()).isEqualTo(100);
        assertThat(o.threadPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(o.shutdownTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.attachStacktrace()).isTrue();
        assertThat(o.sendDefaultPii()).isFalse();
        assertThat(o.defaultIntegrations()).isTrue();
        assertThat(o.maxQueueSize()).isGreaterThanOrEqualTo(1000);
        assertThat(o.cacheEnabled()).isTrue();
        assertThat(o.serverName()).isNull();
    }

    @Test
    void invalidValuesFallBackToTheDefaultNamingTheSettingAndTheValue() {
        SentryOptions o = SentryOptions.builder().ambientSources(false).dsn("https://k@host/1")
                .sampleRate(1.5).maxBreadcrumbs(-1).shutdownTimeout(Duration.ofSeconds(-1)).maxQueueSize(-5)
                .threadPriority(0).proxyHost("bad host")
                .set("debug", "perhaps").set("max-pending-events", "lots").set("no-such-option", "1")
                .build();

        assertThat(o.isEnabled()).as("only a malformed DSN keeps the client from starting").isTrue();
        assertThat(o.sampleRate()).isEqualTo(1.0);
        assertThat(o.maxBreadcrumbs()).isEqualTo(100);
        assertThat(o.shutdownTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.maxQueueSize()).isEqualTo(10_000);
        assertThat(o.threadPriority()).isEqualTo(1);
        assertThat(o.proxy()).isNull();
        assertThat(o.debug()).isFalse();
        assertThat(o.maxPendingEvents()).isEqualTo(30_000);
        assertThat(o.problems()).containsExactly(
                "debug: expected true or false, got 'perhaps'; ignored",
                "max-pending-events: expected a whole number, got 'lots'; ignored",
                o.problems().get(2), // the list of known settings is long
                "sample-rate: 1.5 is invalid (must be between 0.0 and 1.0); the default 1.0 is used",
                "max-breadcrumbs: -1 is invalid (must be between 0 and 1000); the default 100 is used",
                "shutdown-timeout: PT-1S is invalid (must be zero or more); the default PT2S is used",
                "max-queue-size: -5 is invalid (must be at least 1); the default 10000 is used",
                "thread-priority: 0 is invalid (must be between 1 and 10); the default 1 is used",
                "proxy.host: 'bad host' is not a host name; no proxy is used");
        assertThat(o.problems().get(2)).startsWith("unknown sentry setting 'no-such-option'");
        assertThat(SentryOptions.builder().ambientSources(false).build().problems()).isEmpty();
    }

    @Test
    void textSettingsAcceptEverySpelling() {
        SentryOptions o = SentryOptions.builder().ambientSources(false)
                .set("serverName", "a")
                .set("SAMPLE_RATE", "0.25")
                .set("shutdown-timeout", "1500")
                .set("connect.timeout", "3s")
                .set("readTimeoutMillis", "PT4S")
                .set("in-app-includes", "com.shop, com.lib")
                .set("ignoredExceptions", "java.io.IOException")
                .set("tags", "region=eu, tier=gold")
                .set("tags.team", "payments")
                .set("cacheDir", "0")
                .set("proxy.host", "proxy.local")
                .set("proxy.port", "3128")
                .build();
        assertThat(o.serverName()).isEqualTo("a");
        assertThat(o.sampleRate()).isEqualTo(0.25);
        assertThat(o.shutdownTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(o.inAppIncludes()).containsExactly("com.shop", "com.lib");
        assertThat(o.ignoredExceptions()).containsExactly("java.io.IOException");
        assertThat(o.tags()).containsEntry("region", "eu").containsEntry("tier", "gold").containsEntry("team", "payments");
        assertThat(o.cacheEnabled()).isFalse();
        assertThat(o.proxy().host()).isEqualTo("proxy.local");
        assertThat(o.proxy().port()).isEqualTo(3128);
        assertThat(TextSettings.names()).contains("dsn", "server-name", "shutdown-timeout", "proxy.pass");
    }

    @Test
    void structuredLogOptionsTakeIoSentrysNameAndRejectAnUnknownLevel() {
        SentryOptions defaults = SentryOptions.builder().ambientSources(false).build();
        assertThat(defaults.logsEnabled()).isFalse();
        assertThat(defaults.minimumLogLevel()).isEqualTo(SentryLogLevel.INFO);

        SentryOptions o = SentryOptions.builder().ambientSources(false)
                .set("logs.enabled", "true").set("minimumLogLevel", "warning").build();
        assertThat(o.logsEnabled()).isTrue();
        assertThat(o.minimumLogLevel()).isEqualTo(SentryLogLevel.WARN);
        assertThat(SentryOptions.builder().ambientSources(false).set("enableLogs", "true").build().logsEnabled())
                .isTrue();

        SentryOptions bad = SentryOptions.builder().ambientSources(false).set("minimum-log-level", "loud").build();
        assertThat(bad.minimumLogLevel()).isEqualTo(SentryLogLevel.INFO);
        assertThat(bad.problems()).singleElement().asString().contains("minimum-log-level", "loud");
    }

    @Test
    void ambientPriorityIsSystemPropertyThenEnvironmentThenPropertiesFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sentry.properties"),
                "release=from-file\nenvironment=file-env\ndist=file-dist\nserver-name=file-host\n");
        Properties sys = new Properties();
        sys.setProperty("sentry.release", "from-sysprop");
        sys.setProperty("unrelated", "x");
        Map<String, String> env = Map.of("SENTRY_RELEASE", "from-env", "SENTRY_ENVIRONMENT", "env-env",
                "SENTRY_AUTH_TOKEN", "ignored-unknown", "SENTRY_PROXY_HOST", "env-proxy");

        Map<String, AmbientSettings.Value> resolved = AmbientSettings.resolve(sys, env, null, dir);
        assertThat(resolved.get("release").text()).isEqualTo("from-sysprop");
        assertThat(resolved.get("environment").text()).isEqualTo("env-env");
        assertThat(resolved.get("dist").text()).isEqualTo("file-dist");
        assertThat(resolved.get("proxy.host").text()).isEqualTo("env-proxy");
        assertThat(resolved).doesNotContainKey("auth-token");

        AmbientSettings.overrideForTesting(resolved);
        SentryOptions o = SentryOptions.builder().serverName("explicit-host").build();
        assertThat(o.release()).isEqualTo("from-sysprop");
        assertThat(o.environment()).isEqualTo("env-env");
        assertThat(o.dist()).isEqualTo("file-dist");
        assertThat(o.serverName()).as("explicit beats every ambient source").isEqualTo("explicit-host");
    }

    @Test
    void propertiesFileNamedBySystemPropertyWinsOverWorkingDirectory(@TempDir Path dir) throws Exception {
        Path named = dir.resolve("custom.properties");
        Files.writeString(named, "release=named\n");
        Files.writeString(dir.resolve("sentry.properties"), "release=working-dir\n");
        Properties sys = new Properties();
        sys.setProperty("sentry.properties.file", named.toString());
        assertThat(AmbientSettings.resolve(sys, Map.of(), null, dir).get("release").text()).isEqualTo("named");
        assertThat(AmbientSettings.resolve(new Properties(), Map.of(), null, dir).get("release").text())
                .isEqualTo("working-dir");
    }

    @Test
    void badAmbientValueNamesItsSource() {
        Properties sys = new Properties();
        sys.setProperty("sentry.sample-rate", "often");
        AmbientSettings.overrideForTesting(AmbientSettings.resolve(sys, Map.of(), null, Path.of("/nonexistent")));
        assertThat(SentryOptions.builder().build().problems()).singleElement().asString()
                .contains("sample-rate").contains("often").contains("system property sentry.sample-rate");
    }
}
