/**
 * A modular application that reports through sentry4j: it requires the SDK's jars by their
 * Automatic-Module-Names, as any module-path application would.
 */
module org.sentry4j.examples.modular {
    requires org.sentry4j.core;
    requires org.sentry4j.logback;
    requires org.slf4j;
    requires ch.qos.logback.classic;
}
