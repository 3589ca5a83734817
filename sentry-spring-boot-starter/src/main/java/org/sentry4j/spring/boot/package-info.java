/**
 * The Spring Boot starter: starts sentry4j from the {@code sentry.*} properties of
 * {@code application.properties} / {@code application.yml} (and {@link org.sentry4j.spring.boot.SentryOptionsCustomizer}
 * beans), adds the Sentry appender to the Logback or Log4j2 that Spring Boot runs, reports a failed startup
 * before the JVM exits ({@link org.sentry4j.spring.boot.SentryStartupListener}), and offers an Actuator
 * health indicator and Micrometer meters for the transport ({@link org.sentry4j.spring.boot.SentryAutoConfiguration}).
 * Uses only the public API of the core and the appenders.
 */
package org.sentry4j.spring.boot;
