package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

/**
 * A throwable whose getCause(), getStackTrace() or getMessage() throws (an Error too) is still delivered,
 * with default integrations on. ({@code getSuppressed()} is final in Throwable; the reader guards it all the same.)
 */
class BrokenThrowableTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @AfterEach
    void stop() {
        Sentry.close();
    }

    /** Each overridden accessor throws, one of them an Error. */
    static final class BrokenException extends RuntimeException {
        BrokenException() {
            super("broken");
        }

        @Override
        public synchronized Throwable getCause() {
            throw new IllegalStateException("getCause");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new UnsupportedOperationException("getStackTrace");
        }

        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage");
        }
    }

    /** A cause whose getCause() throws an Error, as a class missing at run time would make it. */
    static final class ErrorCause extends RuntimeException {
        ErrorCause() {
            super("error cause");
        }

        @Override
        public synchronized Throwable getCause() {
            throw new NoClassDefFoundError("com/acme/Gone");
        }
    }

    @Test
    void brokenAccessorsNeverLoseTheEvent() {
        try (TestReceiver receiver = TestReceiver.start()) {
            // Default integrations on: Dedupe walks the cause chain too.
            Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).serverName("box"));

            String broken = Sentry.captureException(new BrokenException());
            String error = Sentry.captureException(new RuntimeException("outer", new ErrorCause()));

            for (String[] expected : new String[][] {{broken, "BrokenException"}, {error, "ErrorCause"}}) {
                JsonObject event = receiver.awaitEvent(e -> expected[0].equals(e.eventString("event_id")), WAIT).event();
                EventSchema.assertValid(event);
                assertThat(event.getAsJsonObject("exception").toString()).contains(expected[1]);
            }
        }
    }
}
