package org.sentry4j.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.TestReceiver;

/**
 * An {@link Error} inside the appender (here from a filter of its chain, as a version conflict would
 * throw) never reaches the application's log call nor stops its other appenders; it is reported on
 * Logback's status a few times, naming it.
 */
class NeverCrashTest {
    private final TestReceiver receiver = TestReceiver.start();
    private LogbackFixture logback;

    /** Fails every decision the way a class compiled against another version would. */
    public static final class LinkageErrorFilter extends Filter<ILoggingEvent> {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            throw new NoSuchMethodError("'java.util.List ch.qos.logback.classic.spi.ILoggingEvent.newer()'");
        }
    }

    @AfterEach
    void stop() {
        if (logback != null) {
            logback.close();
        }
        Sentry.close();
        receiver.close();
    }

    @Test
    void anErrorInsideTheAppenderNeverReachesTheLogCall() {
        logback = LogbackFixture.configure(receiver.dsn(),
                Configs.sentry("<filter class=\"" + LinkageErrorFilter.class.getName() + "\"/>"));

        for (int i = 0; i < 5; i++) {
            logback.logger("app").error("order {} failed", i); // would throw here without the guard
        }

        assertThat(logback.listed()).as("the other appenders got every record").hasSize(5);
        assertThat(logback.sentryStatuses(Status.ERROR)).as("reported, a few times, naming the cause")
                .hasSize(3).allSatisfy(s -> assertThat(s).startsWith(
                        "Sentry appender [SENTRY] failed to append: java.lang.NoSuchMethodError: 'java.util.List"
                                + " ch.qos.logback.classic.spi.ILoggingEvent.newer()' (logback-classic ")
                        .contains(" found, 1.2.13 or later needed)"));
    }
}
