package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.logging.log4j.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log4j2 catches only runtime exceptions of an appender: an {@link Error} would reach the application's
 * log call. One inside the Sentry appender (here from a message whose parameters cannot be read, as a
 * version conflict would throw) never does, nor stops the other appenders; it is reported a few times.
 */
class NeverCrashTest {
    @TempDir
    Path dir;
    LoggingFixture fixture;

    /** A message Log4j2 and other appenders can format, but whose parameters fail as a missing method would. */
    static final class BrokenParameters implements Message {
        @Override
        public String getFormattedMessage() {
            return "order failed";
        }

        @Override
        public String getFormat() {
            return "order {} failed";
        }

        @Override
        public Object[] getParameters() {
            throw new NoSuchMethodError("'java.lang.Object[] org.apache.logging.log4j.message.Message.newer()'");
        }

        @Override
        public Throwable getThrowable() {
            return null;
        }
    }

    @BeforeEach
    void start() {
        fixture = new LoggingFixture(dir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anErrorInsideTheAppenderNeverReachesTheLogCall() {
        fixture.start(fixture.config(""));
        CollectingAppender others = CollectingAppender.attachTo(fixture.context());

        for (int i = 0; i < 5; i++) {
            fixture.logger("shop").error(new BrokenParameters()); // would throw here without the guard
        }

        assertThat(others.messages).as("the other appenders got every record").hasSize(5);
        assertThat(fixture.statusMessages("Sentry appender 'Sentry' failed to append")).hasSize(3)
                .allSatisfy(m -> assertThat(m).startsWith("ERROR Sentry appender 'Sentry' failed to append:"
                        + " java.lang.NoSuchMethodError: 'java.lang.Object[] org.apache.logging.log4j.message.Message"
                        + ".newer()' (log4j-core ").contains(" found, 2.17.2 or later needed)"));
    }
}
