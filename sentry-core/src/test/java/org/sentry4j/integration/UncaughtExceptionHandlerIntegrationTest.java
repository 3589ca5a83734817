package org.sentry4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

class UncaughtExceptionHandlerIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestReceiver receiver;
    private Thread.UncaughtExceptionHandler original;
    /** What the previous handler saw: the throwable, and how many envelopes had arrived by then. */
    private final CompletableFuture<Integer> previousCalled = new CompletableFuture<>();
    private final Thread.UncaughtExceptionHandler previous = (t, e) -> previousCalled.complete(receiver.envelopes().size());

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
        original = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
        Thread.setDefaultUncaughtExceptionHandler(original);
    }

    private void init() {
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                .shutdownTimeout(WAIT).addIntegration(new UncaughtExceptionHandlerIntegration()));
    }

    private static void dieOnNewThread(RuntimeException error) throws InterruptedException {
        Thread thread = new Thread(() -> {
            throw error;
        }, "doomed");
        thread.start();
        thread.join(WAIT.toMillis());
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void uncaughtExceptionIsDeliveredAsFatalUnhandledBeforeThePreviousHandlerRuns() throws Exception {
        init();

        dieOnNewThread(new IllegalStateException("worker died"));

        // The event had reached the server when the previous handler was called: delivered before the thread died.
        assertThat(previousCalled.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(1);
        JsonObject event = receiver.envelopes().get(0).event();
        EventSchema.assertValid(event);
        assertThat(event.get("level").getAsString()).isEqualTo("fatal");
        JsonObject exception = event.getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject();
        assertThat(exception.get("type").getAsString()).isEqualTo("IllegalStateException");
        assertThat(exception.get("value").getAsString()).isEqualTo("worker died");
        JsonObject mechanism = exception.getAsJsonObject("mechanism");
        assertThat(mechanism.get("type").getAsString()).isEqualTo("UncaughtExceptionHandler");
        assertThat(mechanism.get("handled").getAsBoolean()).isFalse();
        assertThat(event.getAsJsonObject("sdk").getAsJsonArray("integrations").toString())
                .isEqualTo("[\"UncaughtExceptionHandler\"]");
    }

    @Test
    void theDeathOfAnSdkThreadIsNotReportedButStillPassedOn() throws Exception {
        init();
        Thread sdk = new org.sentry4j.internal.SdkThread("doomed", () -> {
            throw new IllegalStateException("sdk bug");
        });
        sdk.start();
        sdk.join(WAIT.toMillis());

        assertThat(previousCalled.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(receiver.envelopes()).isEmpty();
    }

    @Test
    void closeRestoresThePreviousHandler() {
        init();
        assertThat(Thread.getDefaultUncaughtExceptionHandler()).isNotSameAs(previous);

        Sentry.close();

        assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(previous);
    }

    @Test
    void closeLeavesAHandlerInstalledLaterInPlace() {
        init();
        Thread.UncaughtExceptionHandler later = (t, e) -> { };
        Thread.setDefaultUncaughtExceptionHandler(later);

        Sentry.close();

        assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(later);
    }

    @Test
    void reinitialisingCapturesOnceAndStillReachesThePreviousHandler() throws Exception {
        init();
        init(); // the first client's handler stays below the second's in the chain

        dieOnNewThread(new IllegalStateException("once"));

        assertThat(previousCalled.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(1);
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(receiver.events()).hasSize(1);
        Sentry.close();
        assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(previous);
    }

    @Test
    void withoutAPreviousHandlerTheStackTraceGoesToStderrAsTheJvmWouldPrintIt() {
        UncaughtExceptionHandlerIntegration.Handler handler = new UncaughtExceptionHandlerIntegration.Handler(null, WAIT);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            handler.uncaughtException(new Thread("t-1"), new IllegalArgumentException("bad"));
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("Exception in thread \"t-1\" java.lang.IllegalArgumentException: bad")
                .contains("\tat ");
    }
}
