/**
 * A Spring Boot application that reports to Sentry through sentry-spring-boot-starter alone, configured in
 * application.properties: the starter starts the SDK and adds the Sentry appender to Boot's Logback.
 */
package org.sentry4j.examples.spring.boot;
