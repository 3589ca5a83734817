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
    void invalidValuesAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> SentryOptions.builder().ambientSources(false).sampleRate(1.5).build())
                .hasMessageContaining("sampleRate");
        assertThatThrownBy(() -> SentryOptions.builder().ambientSources(false).maxBreadcrumbs(-1).build())
                .hasMessageContaining("maxBreadcrumbs");
        assertThatThrownBy(() -> SentryOptions.builder().ambientSources(false).shutdownTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("shutdownTimeout");
        assertThatThrownBy(() -> SentryOptions.builder().set("sample-rate", "lots"))
                .hasMessageContaining("sample-rate").hasMessageContaining("lots");
        assertThatThrownBy(() -> SentryOptions.builder().set("debug", "perhaps"))
                .hasMessageContaining("debug");
        assertThatThrownBy(() -> SentryOptions.builder().ambientSources(false).threadPriority(0).build())
                .hasMessageContaining("threadPriority").hasMessageContaining("thread-priority")
                .hasMessageContaining("was 0");
        assertThatThrownBy(() -> SentryOptions.builder().ambientSources(false).set("thread-priority", "11").build())
                .hasMessageContaining("thread-priority").hasMessageContaining("was 11");
        assertThatThrownBy(() -> SentryOptions.builder().set("thread-priority", "high"))
                .hasMessageContaining("thread-priority").hasMessageContaining("high");
        assertThatThrownBy(() -> SentryOptions.builder().set("no-such-option", "1"))
                .hasMessageContaining("unknown sentry setting 'no-such-option'");
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
        assertThatThrownBy(() -> SentryOptions.builder().build())
                .hasMessageContaining("sample-rate").hasMessageContaining("system property sentry.sample-rate");
    }
}
