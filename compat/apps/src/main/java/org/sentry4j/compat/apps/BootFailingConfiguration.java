package org.sentry4j.compat.apps;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * BootApp's failing startup: a payment gateway that cannot be reached when the context creates it. Its
 * own top-level class, as Spring would process a configuration nested in BootApp on every start.
 */
@Configuration(proxyBeanMethods = false)
class BootFailingConfiguration {
    @Bean
    Object paymentGateway() {
        throw new IllegalStateException("payment gateway unreachable");
    }
}
