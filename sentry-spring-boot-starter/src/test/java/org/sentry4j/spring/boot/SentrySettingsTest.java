package org.sentry4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sentry4j.SentryLogLevel;
import org.sentry4j.SentryOptions;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** How the sentry.* properties of an environment become core options and logging settings. */
class SentrySettingsTest {

    private static StandardEnvironment environment(Map<String, Object> application, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", application));
        return environment;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void everySentryPropertyButTheStartersOwnIsACoreOption() {
        SentrySettings settings = SentrySettings.of(environment(map(
                "sentry.dsn", "https://key@o0.ingest.sentry.io/42",
                "sentry.sampleRate", 0.5,
                "sentry.in-app-includes[0]", "com.shop",
                "sentry.in-app-includes[1]", "org.example",
                "sentry.tags.Team", "payments",
                "sentry.enabled", "true",
                "sentry.logging.minimum-event-level", "warning",
                "sentry.logging.minimumBreadcrumbLevel", "debug"), map()));

        assertThat(settings.options).containsOnly(
                Map.entry("dsn", "https://key@o0.ingest.sentry.io/42"),
                Map.entry("sampleRate", "0.5"),
                Map.entry("in-app-includes", "com.shop,org.example"),
                Map.entry("tags.Team", "payments"));
        assertThat(settings.enabled).isTrue();
        assertThat(settings.logging.enabled).isTrue();
        assertThat(settings.logging.minimumEventLevel).isEqualTo("WARN");
        assertThat(settings.logging.minimumBreadcrumbLevel).isEqualTo("DEBUG");
        assertThat(settings.problems).isEmpty();
    }

    @Test
    void environmentVariablesWinAsInSpringButOnlyTheCoreReadsTheirNames() {
        SentrySettings settings = SentrySettings.of(environment(
                map("sentry.environment", "production"),
                map("SENTRY_ENVIRONMENT", "staging", "SENTRY_AUTH_TOKEN", "sntrys_not_an_option")));

        assertThat(settings.options).containsOnly(Map.entry("environment", "staging"));
    }

    @Test
    void anInvalidStarterSettingIsNamedAndItsDefaultUsed() {
        SentrySettings settings = SentrySettings.of(environment(map(
                "sentry.logging.enabled", "sometimes",
                "sentry.logging.minimum-event-level", "loud"), map()));

        assertThat(settings.logging.enabled).isTrue();
        assertThat(settings.logging.minimumEventLevel).isNull();
        assertThat(settings.problems).containsExactly(
                "sentry.logging.enabled: 'sometimes' is not true or false; true is used",
                "sentry.logging.minimum-event-level: 'loud' is not one of [TRACE, DEBUG, INFO, WARN, ERROR, OFF]; ERROR is used");
    }

    @Test
    void structuredLogsByIoSentrysNamesAndTheCoresOwnWinsOverTheAlias() {
        StandardEnvironment aliases = environment(map(
                "sentry.dsn", "https://key@o0.ingest.sentry.io/42",
                "sentry.logs.enabled", "true",
                "sentry.logging.minimum-level", "warn"), map());
        SentryOptions options = SentrySettings.of(aliases).builder(List.of()).build();
        assertThat(options.logsEnabled()).isTrue();
        assertThat(options.minimumLogLevel()).isEqualTo(SentryLogLevel.WARN);

        StandardEnvironment both = environment(map(
                "sentry.dsn", "https://key@o0.ingest.sentry.io/42",
                "sentry.minimum-log-level", "error",
                "sentry.logging.minimum-level", "debug"), map());
        assertThat(SentrySettings.of(both).builder(List.of()).build().minimumLogLevel()).isEqualTo(SentryLogLevel.ERROR);
    }

    @Test
    void aCustomizerWinsOverTheProperty() {
        SentrySettings settings = SentrySettings.of(environment(map(
                "sentry.dsn", "https://key@o0.ingest.sentry.io/42", "sentry.release", "from-properties"), map()));

        assertThat(settings.builder(java.util.List.of(options -> options.release("from-bean"))).build().release())
                .isEqualTo("from-bean");
    }
}
