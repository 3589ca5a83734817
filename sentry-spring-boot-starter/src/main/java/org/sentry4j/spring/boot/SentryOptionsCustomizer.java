package org.sentry4j.spring.boot;

import org.sentry4j.SentryOptions;

/**
 * A bean that changes the options the starter builds from the {@code sentry.*} properties, before the
 * SDK starts with them: for what properties cannot say, such as a {@code beforeSend} callback. Every
 * customizer bean is applied, in their {@code @Order}; a setting a customizer sets wins over the
 * property of the same name.
 *
 * <pre>{@code
 * @Bean
 * SentryOptionsCustomizer dropHealthChecks() {
 *     return options -> options.beforeSend((event, hint) ->
 *             "/health".equals(event.getTransaction()) ? null : event);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SentryOptionsCustomizer {
    /** Changes {@code options}, which already hold the {@code sentry.*} properties. */
    void customize(SentryOptions.Builder options);
}
