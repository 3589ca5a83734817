package org.sentry4j.spring.boot;

import java.util.List;
import org.sentry4j.Hint;
import org.sentry4j.Sentry;
import org.sentry4j.SentryEvent;
import org.sentry4j.SentryLevel;
import org.sentry4j.SentryOptions;
import org.sentry4j.protocol.Mechanism;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;

/**
 * The starter's part in Spring Boot's startup (registered in {@code META-INF/spring.factories}, so it
 * runs before any bean exists):
 * <ul>
 * <li>once the environment is prepared, right after Spring Boot has (re)initialised logging, it starts
 * the SDK from the {@code sentry.*} properties and adds the Sentry appender: a bean that fails the
 * startup is reported, and Boot's reset of the logging framework cannot drop the appender;</li>
 * <li>when the startup fails, it captures the failure as an unhandled, fatal event and flushes, before
 * {@code SpringApplication.run} throws and the JVM exits. Boot's own "Application run failed" log line,
 * which comes after, carries the same exception and is dropped by the SDK's dedupe.</li>
 * </ul>
 */
public final class SentryStartupListener implements SmartApplicationListener {
    /** Right after Spring Boot's {@link LoggingApplicationListener}, which resets the logging framework. */
    public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;
    static final String MECHANISM = "SpringApplication";

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationFailedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent) {
            ApplicationEnvironmentPreparedEvent prepared = (ApplicationEnvironmentPreparedEvent) event;
            SentryStarter.start(prepared.getEnvironment(), List.of(), prepared.getSpringApplication().getClassLoader());
        } else if (event instanceof ApplicationFailedEvent) {
            reportFailure(((ApplicationFailedEvent) event).getException());
        }
    }

    private static void reportFailure(Throwable failure) {
        try {
            SentryOptions options = Sentry.options();
            if (options == null || failure == null || failure.getClass().getName().endsWith(".SilentExitException")) {
                return; // the SDK is off, or DevTools restarting the application
            }
            SentryEvent event = new SentryEvent(failure);
            event.setLevel(SentryLevel.FATAL);
            event.setMessage("Application run failed");
            event.setLogger(SpringApplication.class.getName());
            Sentry.captureEvent(event, Hint.ofThrowable(failure), Mechanism.of(MECHANISM, false));
            if (!Sentry.flush(options.shutdownTimeout())) {
                Say.debug(options.debug(), "the failed startup's event was neither delivered nor spooled within "
                        + options.shutdownTimeout().toMillis() + " ms");
            }
        } catch (RuntimeException | LinkageError e) { // never hide the application's own failure
            Say.error("the failed startup could not be reported: " + Say.describe(e));
        }
    }
}
