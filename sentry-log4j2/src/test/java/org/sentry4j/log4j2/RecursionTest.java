package org.sentry4j.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.SdkThread;

/** Logs made by the SDK itself (its threads, the user's callbacks) are never captured. */
class RecursionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private LoggingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new LoggingFixture(dir);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private SentryOptions.Builder appOptions() {
        return SentryOptions.builder().dsn(fixture.receiver.dsn()).ambientSources(false).defaultIntegrations(false);
    }

    @Test
    void beforeSendThatLogsAtErrorYieldsExactlyOneEvent() {
        AtomicInteger calls = new AtomicInteger();
        Sentry.init(appOptions().beforeSend((event, hint) -> {
            calls.incrementAndGet();
            fixture.logger("callback").error("logged from beforeSend", new IllegalStateException("inside"));
            return event;
        }).build());
        fixture.start(fixture.config(""));

        fixture.logger("shop").error("boom");

        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event().getAsJsonObject("logentry")
                .get("formatted").getAsString()).isEqualTo("boom");
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(fixture.receiver.envelopes()).hasSize(1);
        assertThat(calls).hasValue(1);
    }

    @Test
    void beforeBreadcrumbThatLogsDoesNotLoop() {
        AtomicInteger calls = new AtomicInteger();
        Sentry.init(appOptions().beforeBreadcrumb((crumb, hint) -> {
            calls.incrementAndGet();
            Logger log = fixture.logger("callback");
            log.info("logged from beforeBreadcrumb");
            log.error("error from beforeBreadcrumb");
            return crumb;
        }).build());
        fixture.start(fixture.config(""));

        fixture.logger("shop").info("step");
        fixture.logger("shop").error("boom");

        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event().getAsJsonObject("breadcrumbs")
                .getAsJsonArray("values")).hasSize(1);
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(fixture.receiver.envelopes()).hasSize(1);
        assertThat(calls).hasValue(2); // "step", and "boom" kept as a breadcrumb after its capture
    }

    @Test
    void logsOnSdkThreadsAreIgnored() throws InterruptedException {
        fixture.start(fixture.config(""));
        Thread sdk = new SdkThread("test", () -> {
            fixture.logger("org.apache.hc.client5").info("connection leased");
            fixture.logger("org.apache.hc.client5").error("connection refused");
        });
        sdk.start();
        sdk.join(WAIT.toMillis());

        fixture.logger("shop").error("boom");

        assertThat(fixture.receiver.awaitEnvelopes(1, WAIT).get(0).event().has("breadcrumbs")).isFalse();
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(fixture.receiver.envelopes()).hasSize(1);
    }
}
