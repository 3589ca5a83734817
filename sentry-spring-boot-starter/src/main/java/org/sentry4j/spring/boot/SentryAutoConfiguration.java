package org.sentry4j.spring.boot;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The starter's beans (the SDK itself starts earlier, see {@link SentryStartupListener}): the
 * {@link SentryOptionsCustomizer} beans applied, an Actuator health indicator ({@code sentry}) when
 * Actuator is on the class path, and Micrometer meters ({@code sentry4j.transport.*}) when Micrometer is.
 * Off with {@code sentry.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "sentry.enabled", havingValue = "true", matchIfMissing = true)
public class SentryAutoConfiguration {

    /** Restarts the SDK with the customizers, when the context has any. */
    @Bean
    static SentryCustomizers sentryCustomizers(ObjectProvider<SentryOptionsCustomizer> customizers,
                                               Environment environment) {
        return new SentryCustomizers(customizers, environment);
    }

    static final class SentryCustomizers implements InitializingBean {
        private final ObjectProvider<SentryOptionsCustomizer> customizers;
        private final Environment environment;

        SentryCustomizers(ObjectProvider<SentryOptionsCustomizer> customizers, Environment environment) {
            this.customizers = customizers;
            this.environment = environment;
        }

        @Override
        public void afterPropertiesSet() {
            List<SentryOptionsCustomizer> ordered = customizers.orderedStream().collect(Collectors.toList());
            if (!ordered.isEmpty()) {
                SentryStarter.start(environment, ordered, SentryCustomizers.class.getClassLoader());
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnProperty(name = "management.health.sentry.enabled", havingValue = "true", matchIfMissing = true)
    static class HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "sentryHealthIndicator")
        SentryHealthIndicator sentryHealthIndicator() {
            return new SentryHealthIndicator();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class MetricsConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "sentryMeters")
        SentryMeters sentryMeters() {
            return new SentryMeters();
        }
    }
}
