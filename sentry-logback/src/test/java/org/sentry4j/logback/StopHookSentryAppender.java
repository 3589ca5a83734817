package org.sentry4j.logback;

/** A Sentry appender that runs {@link #onStop} as its {@code stop()} begins, so a test can act during the stop. */
public class StopHookSentryAppender extends SentryAppender {
    static volatile Runnable onStop = () -> { };

    @Override
    public void stop() {
        onStop.run();
        super.stop();
    }
}
