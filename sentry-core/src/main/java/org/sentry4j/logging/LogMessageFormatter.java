package org.sentry4j.logging;

/**
 * A logging framework's own way of filling a message template with its arguments, e.g. Logback's
 * {@code MessageFormatter::basicArrayFormat} or Log4j2's {@code ParameterizedMessage::format}. A log
 * breadcrumb keeps the template and the arguments and is formatted with this when an event carries it,
 * on the SDK's worker, instead of on the logging thread.
 */
@FunctionalInterface
public interface LogMessageFormatter {
    String format(String template, Object[] arguments);
}
