package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.integration.Integration;
import org.sentry4j.testkit.InMemoryTransport;
import org.sentry4j.transport.Transport;

/**
 * A version conflict (a {@link LinkageError}) or any other {@link Throwable} inside the SDK never reaches
 * the application: starting says why on stderr and leaves the SDK off; a capture that fails on the
 * worker is a counted drop, not a silent loss.
 */
class NeverCrashTest {
    @AfterEach
    void stop() {
        Sentry.close();
    }

    @Test
    void aClientThatCannotStartLeavesTheSdkDisabledAndSaysWhyNamingTheLibrary() {
        String err = stderrOf(() -> Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false)
                .transportFactory(opts -> {
                    throw new NoSuchMethodError("'void com.google.gson.stream.JsonWriter.newMethod()'");
                })));

        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(Sentry.captureMessage("nothing")).isEqualTo(Sentry.EMPTY_ID);
        assertThat(err).hasLineCount(1)
                .startsWith("[sentry4j] error: the Sentry client could not start: java.lang.NoSuchMethodError")
                .contains("gson 2.13.2 found") // the version of the jar on the test class path
                .contains("needed").endsWith("the SDK is disabled" + System.lineSeparator());
    }

    @Test
    void anAppenderAcquiringAClientThatCannotStartGetsAnExceptionItCanReport() {
        SentryOptions options = SentryOptions.builder().dsn("http://k@127.0.0.1:1/1").ambientSources(false)
                .transportFactory(opts -> {
                    throw new ExceptionInInitializerError("static init failed");
                }).build();

        assertThatThrownBy(() -> Sentry.acquire(options)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the Sentry client could not start: java.lang.ExceptionInInitializerError: static init failed");
        assertThat(Sentry.isEnabled()).isFalse();
    }

    @Test
    void anEventThatFailsOnTheWorkerIsCountedAsADropSaidOnceAndTheWorkerGoesOn() {
        InMemoryTransport transport = new InMemoryTransport();
        Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                .transportFactory(opts -> transport)
                .addIntegration(new Integration() {
                    @Override
                    public String name() {
                        return "Broken";
                    }

                    @Override
                    public void install(Installation installation) {
                        installation.addEventProcessor((event, hint) -> {
                            if (event.getMessage() != null && "broken".equals(event.getMessage().formatted())) {
                                throw new NoClassDefFoundError("com/google/gson/stream/JsonWriter");
                            }
                            return event;
                        });
                    }
                }));

        String err = stderrOf(() -> {
            Sentry.captureMessage("broken");
            Sentry.captureMessage("fine");
            assertThat(Sentry.flush(Duration.ofSeconds(10))).isTrue();
        });

        assertThat(err).as("said whether or not debug is on, naming the library").isEqualTo(
                "[sentry4j] error: events cannot be made, they are dropped: java.lang.NoClassDefFoundError:"
                        + " com/google/gson/stream/JsonWriter (gson 2.13.2 found, 2.8.9 or later needed)"
                        + System.lineSeparator());
        assertThat(transport.events()).singleElement()
                .satisfies(e -> assertThat(e.getAsJsonObject("logentry").get("formatted").getAsString()).isEqualTo("fine"));
        assertThat(transport.discards()).isEqualTo(Map.of("internal_sdk_error:error", 1L));
    }

    @Test
    void flushAndCloseNeverThrowEvenWhenTheTransportFailsWithAnError() {
        Transport broken = new Transport() {
            @Override
            public void send(org.sentry4j.transport.Envelope envelope) {
            }

            @Override
            public void recordDiscard(org.sentry4j.transport.DiscardReason reason, String category, long quantity) {
            }

            @Override
            public boolean flush(Duration timeout) {
                throw new NoClassDefFoundError("com/google/gson/stream/JsonWriter"); // gson left off a module path
            }

            @Override
            public void close(Duration timeout) {
                throw new NoClassDefFoundError("com/google/gson/stream/JsonWriter");
            }

            @Override
            public org.sentry4j.transport.TransportStats stats() {
                return org.sentry4j.transport.TransportStats.empty();
            }
        };
        Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                .transportFactory(opts -> broken));

        assertThat(Sentry.flush(Duration.ofSeconds(1))).isFalse();
        Sentry.close(); // would throw here without the guard
        assertThat(Sentry.isEnabled()).isFalse();
    }

    private static String stderrOf(Runnable action) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
