package org.sentry4j.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Sentry;
import org.sentry4j.SentryOptions;
import org.sentry4j.logging.LogFrontEnd.Captured;
import org.sentry4j.testkit.InMemoryTransport;

/** The one path every front-end's records take: thresholds, re-entry, admission, event and breadcrumb. */
class LogFrontEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final InMemoryTransport transport = new InMemoryTransport();
    private final TestReader reader = new TestReader();
    private final List<String> problems = new ArrayList<>();

    /** A framework's event, as simple as one can be. */
    static final class TestEvent {
        final LogLevel level;
        final String thread;
        final String message;
        final Throwable thrown;
        final Map<String, String> context;

        TestEvent(LogLevel level, String thread, String message, Throwable thrown, Map<String, String> context) {
            this.level = level;
            this.thread = thread;
            this.message = message;
            this.thrown = thrown;
            this.context = context;
        }

        static TestEvent of(LogLevel level, String message) {
            return new TestEvent(level, Thread.currentThread().getName(), message, null, Map.of());
        }
    }

    /** Reads test events; counts snapshots, keeps a context map per test. */
    static final class TestReader implements LogEventReader<TestEvent> {
        final AtomicInteger snapshots = new AtomicInteger();
        final Map<String, String> context = new ConcurrentHashMap<>();
        volatile RuntimeException failure;

        @Override
        public LogLevel level(TestEvent event) {
            if (failure != null) {
                throw failure;
            }
            return event.level;
        }

        @Override
        public String threadName(TestEvent event) {
            return event.thread;
        }

        @Override
        public Instant timestamp(TestEvent event) {
            return Instant.parse("2026-12-07T08:00:00Z");
        }

        @Override
        public String loggerName(TestEvent event) {
            return "shop.Checkout";
        }

        @Override
        public String formattedMessage(TestEvent event) {
            return event.message;
        }

        @Override
        public Throwable throwable(TestEvent event) {
            return event.thrown;
        }

        @Override
        public Object original(TestEvent event) {
            return event;
        }

        @Override
        public void snapshot(TestEvent event, LogRecord.Builder record, boolean callerStack) {
            snapshots.incrementAndGet();
            record.message(event.message, event.message, List.of()).throwable(event.thrown)
                    .thread(event.thread, LogRecord.UNKNOWN_THREAD_ID).contextData(Map.copyOf(event.context));
        }

        @Override
        public void line(TestEvent event, LogLevel level, LogFrontEnd.Lines lines) {
            lines.add(1_796_630_400L, 0, level, "shop.Checkout", event.message, null);
        }

        @Override
        public LogMessageFormatter formatter() {
            return (template, args) -> template;
        }

        @Override
        public boolean hasContext(TestEvent event, String key) {
            return event.context.containsKey(key);
        }

        @Override
        public void putContext(String key, String value) {
            context.put(key, value);
        }

        @Override
        public void removeContext(String key) {
            context.remove(key);
        }
    }

    @AfterEach
    void close() {
        Sentry.close();
    }

    private void init(java.util.function.Consumer<SentryOptions.Builder> more) {
        Sentry.init(o -> {
            o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                    .transportFactory(opts -> transport);
            more.accept(o);
        });
    }

    private LogFrontEnd<TestEvent> frontEnd() {
        return LogFrontEnd.builder("test", reader).status((problem, cause) -> problems.add(problem)).build();
    }

    private JsonArray breadcrumbsOfNextEvent() {
        Sentry.captureMessage("probe");
        assertThat(Sentry.flush(WAIT)).isTrue();
        List<JsonObject> events = transport.events();
        JsonObject last = events.get(events.size() - 1);
        return last.has("breadcrumbs") ? last.getAsJsonObject("breadcrumbs").getAsJsonArray("values") : new JsonArray();
    }

    @Test
    void anErrorBecomesAnEventThenABreadcrumbAnInfoOnlyABreadcrumbADebugNothing() {
        init(o -> { });
        LogFrontEnd<TestEvent> frontEnd = frontEnd();

        assertThat(frontEnd.append(TestEvent.of(LogLevel.DEBUG, "cart recalculated"))).isSameAs(Captured.NOTHING);
        assertThat(frontEnd.append(TestEvent.of(LogLevel.INFO, "cart opened"))).isSameAs(Captured.BREADCRUMB);
        assertThat(frontEnd.append(TestEvent.of(LogLevel.ERROR, "payment failed")))
                .isSameAs(Captured.EVENT_AND_BREADCRUMB);

        assertThat(Sentry.flush(WAIT)).isTrue();
        JsonObject event = transport.events().get(0);
        assertThat(event.get("level").getAsString()).isEqualTo("error");
        assertThat(event.getAsJsonObject("breadcrumbs").getAsJsonArray("values")).hasSize(1);
        JsonArray later = breadcrumbsOfNextEvent();
        assertThat(later).hasSize(2);
        assertThat(later.get(1).getAsJsonObject().get("message").getAsString()).isEqualTo("payment failed");
        assertThat(reader.snapshots).hasValue(1);
    }

    @Test
    void thresholdsAreTheBuildersAndOffTakesNothing() {
        init(o -> { });
        LogFrontEnd<TestEvent> warnings = LogFrontEnd.builder("test", reader).minimumEventLevel(LogLevel.WARN)
                .minimumBreadcrumbLevel(null).build();

        assertThat(warnings.isLoggable(LogLevel.INFO)).isFalse();
        assertThat(warnings.isLoggable(LogLevel.WARN)).isTrue();
        assertThat(warnings.append(TestEvent.of(LogLevel.INFO, "opened"))).isSameAs(Captured.NOTHING);
        assertThat(warnings.append(TestEvent.of(LogLevel.WARN, "slow"))).isSameAs(Captured.EVENT);
        assertThat(warnings.minimumBreadcrumbLevel()).isNull();
    }

    @Test
    void recordsTheSdkMadeAreDroppedWithoutACopy() {
        init(o -> { });
        LogFrontEnd<TestEvent> frontEnd = frontEnd();

        assertThat(frontEnd.append(new TestEvent(LogLevel.ERROR, "sentry4j-worker", "from the SDK", null, Map.of())))
                .isSameAs(Captured.NOTHING);
        assertThat(frontEnd.append(new TestEvent(LogLevel.ERROR, "main", "marked", null,
                Map.of("sentry4j.in-callback", "true")))).isSameAs(Captured.NOTHING);
        assertThat(reader.snapshots).hasValue(0);
    }

    @Test
    void aLogMadeInsideABeforeBreadcrumbIsDroppedAndTheMarkIsGoneAfterwards() {
        List<Captured> inside = new ArrayList<>();
        LogFrontEnd<TestEvent>[] frontEnd = new LogFrontEnd[1];
        init(o -> o.beforeBreadcrumb((crumb, hint) -> {
            if ("cart opened".equals(crumb.message())) {
                // As an async appender would hand it over later: a record carrying the context map.
                inside.add(frontEnd[0].append(new TestEvent(LogLevel.ERROR, "main", "logged in the callback", null,
                        Map.copyOf(reader.context))));
            }
            return crumb;
        }));
        frontEnd[0] = frontEnd();

        assertThat(frontEnd[0].append(TestEvent.of(LogLevel.INFO, "cart opened"))).isSameAs(Captured.BREADCRUMB);

        assertThat(inside).containsExactly(Captured.NOTHING);
        assertThat(reader.context).isEmpty();
        assertThat(breadcrumbsOfNextEvent()).hasSize(1);
    }

    @Test
    void anEventTheQueueCannotTakeIsNotCopiedButItsBreadcrumbStays() {
        init(o -> o.sampleRate(0.0));
        LogFrontEnd<TestEvent> frontEnd = frontEnd();

        assertThat(frontEnd.append(TestEvent.of(LogLevel.ERROR, "payment failed"))).isSameAs(Captured.BREADCRUMB);

        assertThat(reader.snapshots).hasValue(0);
        List<org.sentry4j.Breadcrumb> crumbs = new ArrayList<>();
        Sentry.configureScope(scope -> crumbs.addAll(scope.getBreadcrumbs()));
        assertThat(crumbs).extracting(org.sentry4j.Breadcrumb::message).containsExactly("payment failed");
        assertThat(Sentry.flush(WAIT)).isTrue();
        assertThat(transport.discards()).containsEntry("sample_rate:error", 1L);
    }

    @Test
    void aFailingReaderCostsTheRecordOnlyAndIsReportedThreeTimes() {
        init(o -> { });
        LogFrontEnd<TestEvent> frontEnd = frontEnd();
        reader.failure = new IllegalStateException("broken reader");

        for (int i = 0; i < 5; i++) {
            assertThat(frontEnd.append(TestEvent.of(LogLevel.ERROR, "payment failed"))).isSameAs(Captured.NOTHING);
        }

        assertThat(problems).hasSize(3).allSatisfy(p -> assertThat(p)
                .isEqualTo("failed to append: java.lang.IllegalStateException: broken reader"));
    }

    @Test
    void withoutAClientNothingIsTaken() {
        LogFrontEnd<TestEvent> frontEnd = frontEnd();

        assertThat(frontEnd.append(TestEvent.of(LogLevel.ERROR, "payment failed"))).isSameAs(Captured.NOTHING);
        assertThat(reader.snapshots).hasValue(0);
    }

    @Test
    void aRecordKeepsItsOwnLevelBesideTheEventsAndItsOrigin() {
        LogFrontEnd<TestEvent> frontEnd = frontEnd();
        LogRecord record = LogRecord.builder().level(LogLevel.TRACE).origin(frontEnd.origin()).build();

        assertThat(frontEnd.origin()).isEqualTo("auto.log.test");
        assertThat(record.logLevel()).isEqualTo(LogLevel.TRACE);
        assertThat(record.level()).isEqualTo(org.sentry4j.SentryLevel.DEBUG);
        assertThat(record.origin()).isEqualTo("auto.log.test");
    }
}
