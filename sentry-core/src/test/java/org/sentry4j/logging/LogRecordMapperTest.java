package org.sentry4j.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sentry4j.Hint;
import org.sentry4j.SentryEvent;
import org.sentry4j.SentryLevel;
import org.sentry4j.protocol.ExceptionValue;
import org.sentry4j.protocol.Mechanism;
import org.sentry4j.protocol.ThreadValue;

class LogRecordMapperTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";
    private final LogRecordMapper all = new LogRecordMapper("logback", Set.of());

    private static LogRecord.Builder record() {
        return LogRecord.builder().timestamp(Instant.parse("2026-01-02T03:04:05.123456Z")).level(SentryLevel.WARNING)
                .loggerName("com.shop.Checkout").thread("main", 1L);
    }

    @Test
    void basicsComeFromTheRecord() {
        Object original = new Object();
        IllegalStateException failure = new IllegalStateException("declined");
        LogRecord r = record().message("order 42 failed", "order {} failed", List.of("42"))
                .throwable(failure).original(original).build();

        SentryEvent e = all.toEvent(r, ID);

        assertThat(e.getEventId()).isEqualTo(ID);
        assertThat(e.getTimestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThat(e.getLevel()).isEqualTo(SentryLevel.WARNING);
        assertThat(e.getLogger()).isEqualTo("com.shop.Checkout");
        assertThat(e.getMessage().formatted()).isEqualTo("order 42 failed");
        assertThat(e.getMessage().template()).isEqualTo("order {} failed");
        assertThat(e.getThrowable()).isSameAs(failure);
        ThreadValue t = e.getThreads().get(0);
        assertThat(t.name()).isEqualTo("main");
        assertThat(t.id()).isEqualTo(1L);
        assertThat(all.mechanism().type()).isEqualTo("logback");
        assertThat(all.mechanism().handled()).isTrue();
        Hint hint = all.hint(r);
        assertThat(hint.logRecord()).isSameAs(original);
        assertThat(hint.throwable()).isSameAs(failure);
    }

    @Test
    void paramsKeepNullsInPositionWhetherGivenAsListOrOwnedArray() {
        LogRecord fromList = record().message("a null b", "a {} {}", Arrays.asList(null, "b")).build();
        String[] owned = {null, "b"};
        LogRecord fromArray = record().message("a null b", "a {} {}", owned).build();

        assertThat(fromList.params()).containsExactly(null, "b");
        assertThat(fromArray.params()).containsExactly(null, "b");
        assertThat(all.toEvent(fromArray, ID).getMessage().params()).containsExactly(null, "b");
    }

    @Test
    void aRecordWithoutThreadIdSaysSo() {
        LogRecord r = LogRecord.builder().thread("worker-7", LogRecord.UNKNOWN_THREAD_ID).build();
        assertThat(LogRecord.builder().build().threadId()).isEqualTo(LogRecord.UNKNOWN_THREAD_ID);

        ThreadValue t = all.toEvent(r, ID).getThreads().get(0);

        assertThat(t.name()).isEqualTo("worker-7");
        assertThat(t.id()).isNegative();
    }

    @Test
    void precomputedExceptionsAreUsedWhenThereIsNoThrowable() {
        ExceptionValue described = new ExceptionValue("IOException", "reset", "java.io", null, List.of(),
                Mechanism.of("logback", true));

        SentryEvent e = all.toEvent(record().exceptions(List.of(described)).build(), ID);

        assertThat(e.getThrowable()).isNull();
        assertThat(e.getExceptions()).containsExactly(described);
    }

    @Test
    void openTelemetryMdcKeysBecomeTheEventsTraceNotTags() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        mdc.put("span_id", "00f067aa0ba902b7");
        mdc.put("trace_flags", "01");
        mdc.put("userId", "u-17");

        SentryEvent e = all.toEvent(record().contextData(mdc).build(), ID);

        assertThat(e.getTags()).containsOnlyKeys("userId");
        assertThat(e.getContexts().get("trace")).containsEntry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")
                .containsEntry("span_id", "00f067aa0ba902b7");
        assertThat(e.getContexts()).doesNotContainKey(LogRecordMapper.MDC_CONTEXT);

        mdc.put("trace_id", "not-a-trace-id");
        SentryEvent invalid = all.toEvent(record().contextData(mdc).build(), ID);
        assertThat(invalid.getContexts()).doesNotContainKey("trace");
        assertThat(invalid.getTags()).containsKeys("trace_id", "span_id", "userId");
    }

    @Test
    void everyContextEntryIsATagUnlessItCannotBeOne() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("userId", "u-17");
        mdc.put("multi", "a\nb");
        mdc.put("long", "x".repeat(201));
        mdc.put("nothing", null);

        SentryEvent e = all.toEvent(record().contextData(mdc).build(), ID);

        assertThat(e.getTags()).containsEntry("userId", "u-17").doesNotContainKeys("multi", "long", "nothing");
        assertThat(e.getContexts().get(LogRecordMapper.MDC_CONTEXT))
                .containsEntry("multi", "a\nb").containsEntry("long", "x".repeat(201)).containsEntry("nothing", "null");
    }

    @Test
    void withContextTagsOnlyThoseBecomeTags() {
        LogRecordMapper some = new LogRecordMapper("logback", Set.of("userId"));

        SentryEvent e = some.toEvent(record().contextData(Map.of("userId", "u-17", "requestId", "r-9")).build(), ID);

        assertThat(e.getTags()).containsEntry("userId", "u-17").doesNotContainKey("requestId");
        assertThat(e.getContexts().get(LogRecordMapper.MDC_CONTEXT)).containsEntry("requestId", "r-9");
    }

    @Test
    void markersBecomeATagOrExtraAndAFingerprintMarkerSetsTheFingerprint() {
        SentryEvent tagged = all.toEvent(record().markers(List.of("BILLING", "sentry.fingerprint:a, b")).build(), ID);
        SentryEvent long_ = all.toEvent(record().markers(List.of("M".repeat(150), "N".repeat(150))).build(), ID);

        assertThat(tagged.getTags()).containsEntry("marker", "BILLING");
        assertThat(tagged.getFingerprint()).containsExactly("a", "b");
        assertThat(long_.getTags()).doesNotContainKey("marker");
        assertThat(long_.getExtra().get("markers")).isEqualTo(List.of("M".repeat(150), "N".repeat(150)));
    }

    @Test
    void keyValuesAreExtrasExceptFingerprintAndTags() {
        Map<String, Object> kv = new LinkedHashMap<>();
        kv.put("orderId", 42);
        kv.put("note", null);
        kv.put("sentry.fingerprint", "payments, timeout");
        kv.put("sentry.tag.region", "eu");
        kv.put("sentry.tag.bad", "line\nbreak");

        SentryEvent e = all.toEvent(record().keyValues(kv).build(), ID);

        assertThat(e.getExtra()).containsEntry("orderId", 42).containsEntry("note", "null")
                .containsEntry("sentry.tag.bad", "line\nbreak").doesNotContainKeys("sentry.fingerprint", "sentry.tag.region");
        assertThat(e.getFingerprint()).containsExactly("payments", "timeout");
        assertThat(e.getTags()).containsEntry("region", "eu").doesNotContainKey("bad");
    }

    @Test
    void aFingerprintListKeyValueIsTakenAsIs() {
        SentryEvent e = all.toEvent(record().keyValues(Map.of("sentry.fingerprint", List.of("x,y", "z"))).build(), ID);

        assertThat(e.getFingerprint()).containsExactly("x,y", "z");
    }

    @Test
    void specialKeysInContextDataActAsTheyDoInKeyValues() {
        // Log4j2's SLF4J 2 binding hands addKeyValue pairs over as ThreadContext entries.
        LogRecordMapper some = new LogRecordMapper("log4j2", Set.of("userId"));
        Map<String, String> context = new LinkedHashMap<>();
        context.put("userId", "u-17");
        context.put("requestId", "r-9");
        context.put("sentry.fingerprint", "payments, timeout");
        context.put("sentry.tag.region", "eu");
        context.put("sentry.tag.bad", "line\nbreak");

        SentryEvent e = some.toEvent(record().contextData(context).build(), ID);

        assertThat(e.getFingerprint()).containsExactly("payments", "timeout");
        assertThat(e.getTags()).containsOnly(Map.entry("userId", "u-17"), Map.entry("region", "eu"));
        assertThat(e.getContexts().get(LogRecordMapper.MDC_CONTEXT)).containsOnly(
                Map.entry("requestId", "r-9"), Map.entry("sentry.tag.bad", "line\nbreak"));
    }

    @Test
    void keyValuesWinOverContextDataForTheFingerprint() {
        SentryEvent e = all.toEvent(record().contextData(Map.of("sentry.fingerprint", "from-context"))
                .keyValues(Map.of("sentry.fingerprint", "from-key-values")).build(), ID);

        assertThat(e.getFingerprint()).containsExactly("from-key-values");
    }
}
