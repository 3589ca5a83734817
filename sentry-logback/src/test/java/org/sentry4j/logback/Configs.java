package org.sentry4j.logback;

/** XML configurations shared by the tests; {@code ${SENTRY_DSN}} is a context property the fixture sets. */
final class Configs {
    private Configs() {
    }

    /** A SENTRY appender with {@code children} as its extra elements, plus a LIST appender, on the root at TRACE. */
    static String sentry(String children) {
        return """
                <configuration>
                  <appender name="SENTRY" class="org.sentry4j.logback.SentryAppender">
                    <dsn>${SENTRY_DSN}</dsn>
                    <defaultIntegrations>false</defaultIntegrations>
                    <sendClientReports>false</sendClientReports>
                    <shutdownTimeout>10s</shutdownTimeout>
                    %s
                  </appender>
                  <appender name="LIST" class="ch.qos.logback.core.read.ListAppender"/>
                  <root level="TRACE">
                    <appender-ref ref="SENTRY"/>
                    <appender-ref ref="LIST"/>
                  </root>
                </configuration>
                """.formatted(children);
    }

    static String sentry() {
        return sentry("");
    }
}
