package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.internal.config.AmbientSettings;
import org.sentry4j.internal.config.TextSettings;

/** The {@code spotlight} options and {@code SENTRY_SPOTLIGHT}, with the precedence Sentry's SDK guidelines set. */
class SpotlightOptionsTest {
    private static final String DEFAULT = "http://localhost:8969/stream";

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        AmbientSettings.overrideForTesting(null);
    }

    private String url(Map<String, String> env, Consumer<SentryOptions.Builder> configure) {
        AmbientSettings.overrideForTesting(new Properties(), env, null, dir);
        SentryOptions.Builder b = SentryOptions.builder();
        configure.accept(b);
        SentryOptions o = b.build();
        return o.spotlightUrl() == null ? null : o.spotlightUrl().toString();
    }

    @Test
    void offUnlessTurnedOn() {
        assertThat(url(Map.of(), b -> { })).isNull();
        assertThat(url(Map.of(), b -> b.spotlight(true))).isEqualTo(DEFAULT);
        assertThat(url(Map.of(), b -> b.spotlightUrl("http://127.0.0.1:3000/stream")))
                .as("a URL turns it on").isEqualTo("http://127.0.0.1:3000/stream");
        assertThat(url(Map.of(), b -> b.spotlight(false).spotlightUrl("http://127.0.0.1:3000/stream"))).isNull();
    }

    @Test
    void theEnvironmentVariableIsASwitchOrAUrl() {
        assertThat(url(Map.of("SENTRY_SPOTLIGHT", "1"), b -> { })).isEqualTo(DEFAULT);
        assertThat(url(Map.of("SENTRY_SPOTLIGHT", "Yes"), b -> { })).isEqualTo(DEFAULT);
        assertThat(url(Map.of("SENTRY_SPOTLIGHT", "off"), b -> { })).isNull();
        assertThat(url(Map.of("SENTRY_SPOTLIGHT", "http://env:3000/stream"), b -> { }))
                .isEqualTo("http://env:3000/stream");
    }

    @Test
    void configurationWinsExceptThatOnWithoutAUrlTakesTheEnvironmentsUrl() {
        Map<String, String> envUrl = Map.of("SENTRY_SPOTLIGHT", "http://env:3000/stream");
        assertThat(url(envUrl, b -> b.spotlight(true))).isEqualTo("http://env:3000/stream");
        assertThat(url(envUrl, b -> b.spotlightUrl("http://config:3000/stream"))).isEqualTo("http://config:3000/stream");
        assertThat(url(envUrl, b -> b.spotlight(false))).isNull();
        assertThat(url(Map.of("SENTRY_SPOTLIGHT", "false"), b -> b.spotlightUrl("http://config:3000/stream")))
                .isEqualTo("http://config:3000/stream");
        assertThat(url(Map.of("SENTRY_SPOTLIGHT", "true"), b -> b.spotlight(false))).isNull();
    }

    @Test
    void asTextSpotlightTakesASwitchOrAUrlAndTheOfficialSdksNamesWork() {
        assertThat(url(Map.of(), b -> TextSettings.apply(b, "spotlight", "http://text:1/stream")))
                .isEqualTo("http://text:1/stream");
        assertThat(url(Map.of("SENTRY_SPOTLIGHT", "off"), b -> TextSettings.apply(b, "spotlight", "http://text:1/stream")))
                .as("a URL in the configuration overrides the variable").isEqualTo("http://text:1/stream");
        assertThat(url(Map.of(), b -> TextSettings.apply(b, "enableSpotlight", "true"))).isEqualTo(DEFAULT);
        assertThat(url(Map.of(), b -> TextSettings.apply(b, "spotlightConnectionUrl", "http://io:2/stream")))
                .isEqualTo("http://io:2/stream");
    }

    @Test
    void anUnusableUrlFallsBackToTheDefaultAndIsNamed() {
        AmbientSettings.overrideForTesting(new Properties(), Map.of(), null, dir);
        SentryOptions o = SentryOptions.builder().spotlightUrl("ftp://example/stream").build();
        assertThat(o.spotlightUrl()).hasToString(DEFAULT);
        assertThat(o.problems()).anySatisfy(p -> assertThat(p).contains("spotlight-url").contains("ftp://example/stream"));
    }
}
