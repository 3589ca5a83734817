package org.sentry4j.internal.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.sentry4j.BeforeSendLogCallback;
import org.sentry4j.PropagationContext;
import org.sentry4j.SentryLog;
import org.sentry4j.SentryOptions;
import org.sentry4j.User;
import org.sentry4j.internal.CallbackGuard;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.SdkInfo;
import org.sentry4j.internal.WorkerChore;
import org.sentry4j.internal.json.EventSerializer;
import org.sentry4j.internal.json.LogSerializer;
import org.sentry4j.logging.LogArguments;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;
import org.sentry4j.transport.Transport;

/**
 * The worker's side of structured logs: when a full batch ({@value LogQueue#BATCH} logs) is waiting, or
 * the oldest waiting log has waited the interval (by the options' clock), or a flush asks, it takes the
 * logs in order, gives each its attributes, passes it through {@code beforeSendLog}, and hands one
 * envelope with one {@code log} item per batch to the transport (which rate-limits, retries and spools
 * it like any envelope). Runs only on the worker, as a {@link WorkerChore}.
 */
public final class LogBatcher implements WorkerChore {
    /** How long a log may wait for its batch to fill. */
    public static final Duration INTERVAL = Duration.ofSeconds(5);
    /** Sentry's limit for one item, decompressed; a batch over it is split. */
    static final int MAX_ITEM_BYTES = 1_000_000;
    public static final String CONTENT_TYPE = "application/vnd.sentry.items.log+json";
    private static final long NOT_OPEN = Long.MIN_VALUE;

    /** Makes the envelope item of a batch's JSON (a copy of the serializer's reused buffer). */
    @FunctionalInterface
    public interface ItemMaker {
        EnvelopeItem item(byte[] bytes, int offset, int length);
    }

    private final LogQueue queue;
    private final Clock clock;
    private final long intervalMillis;
    private final BeforeSendLogCallback beforeSendLog;
    private final SentryOptions options;
    private final PropagationContext clientTrace;
    private final Supplier<String> serverName;
    private final Transport transport;
    private final ItemMaker items;
    private final Diagnostics diagnostics;
    private final LogSerializer serializer = new LogSerializer();
    /** Logs the worker is done with (sent, or dropped and counted); a flush waits for its mark. */
    private final AtomicLong done = new AtomicLong();
    private volatile long flushTo;
    private long openedAt = NOT_OPEN; // worker only: when the waiting batch was first seen
    private long droppedLogsReported; // worker only
    private long droppedBytesReported; // worker only

    public LogBatcher(LogQueue queue, SentryOptions options, PropagationContext clientTrace,
                      Supplier<String> serverName, Transport transport, ItemMaker items, Diagnostics diagnostics) {
        this.queue = queue;
        this.options = options;
        this.clock = options.clock();
        this.intervalMillis = INTERVAL.toMillis();
        this.beforeSendLog = options.beforeSendLog();
        this.clientTrace = clientTrace;
        this.serverName = serverName;
        this.transport = transport;
        this.items = items;
        this.diagnostics = diagnostics;
    }

    @Override
    public void run() {
        reportDrops();
        int waiting = queue.size();
        if (waiting == 0) {
            openedAt = NOT_OPEN;
            return;
        }
        long now = clock.millis();
        if (openedAt == NOT_OPEN) {
            openedAt = now;
        }
        boolean all = done.get() < flushTo || now - openedAt >= intervalMillis;
        if (!all && waiting < LogQueue.BATCH) {
            return;
        }
        // Only what is waiting now: logs keep arriving while these are sent.
        int budget = all ? waiting : waiting - waiting % LogQueue.BATCH;
        while (budget > 0) {
            int taken = sendBatch(Math.min(budget, LogQueue.BATCH));
            if (taken == 0) {
                break;
            }
            budget -= taken;
        }
        openedAt = queue.size() == 0 ? NOT_OPEN : now;
    }

    @Override
    public long requestFlush() {
        long mark = queue.accepted();
        if (mark > flushTo) {
            flushTo = mark; // only the worker and flushing threads write it; a lower mark is already covered
        }
        return mark;
    }

    @Override
    public boolean done(long mark) {
        return done.get() >= mark;
    }

    /** Whether no log was ever queued or dropped: logs are on, yet nothing produced one. */
    public boolean neverUsed() {
        return queue.accepted() == 0 && queue.droppedLogs() == 0;
    }

    /** Counts the logs still waiting after the worker stopped as dropped; returns how many. */
    public int abandon() {
        reportDrops();
        int n = 0;
        long bytes = 0;
        for (LogEntry e = queue.poll(); e != null; e = queue.poll()) {
            n++;
            bytes += e.estimatedBytes();
        }
        discard(DiscardReason.INTERNAL_SDK_ERROR, n, bytes);
        return n;
    }

    /** Takes up to {@code max} logs and sends them as one envelope; returns how many it took. */
    private int sendBatch(int max) {
        List<SentryLog> logs = new ArrayList<>(max);
        int taken = 0;
        try {
            for (LogEntry e = queue.poll(); e != null; e = taken < max ? queue.poll() : null) {
                taken++;
                SentryLog log;
                try {
                    log = filtered(toLog(e), e);
                } catch (RuntimeException ex) { // a framework's formatter, say: this log only
                    diagnostics.once("logs.make." + ex.getClass().getName(), "a log could not be made and was"
                            + " dropped (internal_sdk_error): " + Diagnostics.describe(ex));
                    discard(DiscardReason.INTERNAL_SDK_ERROR, 1, e.estimatedBytes());
                    log = null;
                }
                if (log != null) {
                    logs.add(log);
                }
            }
            if (!logs.isEmpty()) {
                send(logs);
            }
        } catch (RuntimeException ex) { // our own code: said once, the batch counted
            diagnostics.once("logs.batch", "a batch of logs could not be sent (internal_sdk_error): "
                    + Diagnostics.describe(ex));
            discard(DiscardReason.INTERNAL_SDK_ERROR, logs.size(), 0);
        } finally {
            done.addAndGet(taken);
        }
        return taken;
    }

    private SentryLog filtered(SentryLog log, LogEntry e) {
        if (beforeSendLog == null) {
            return log;
        }
        SentryLog kept;
        try {
            kept = CallbackGuard.run(() -> beforeSendLog.execute(log));
        } catch (Throwable t) { // NOPMD: the log may hold what the callback was to scrub: drop it
            diagnostics.once("beforeSendLog.threw", "beforeSendLog threw, so its logs are dropped: "
                    + Diagnostics.describe(t));
            kept = null;
        }
        if (kept == null) {
            discard(DiscardReason.BEFORE_SEND, 1, e.estimatedBytes());
        }
        return kept;
    }

    /** One envelope per batch; a batch whose JSON is over Sentry's item limit is split in halves. */
    private void send(List<SentryLog> logs) {
        int[] length = new int[1];
        EnvelopeItem item = serializer.serialize(logs, (bytes, offset, len) -> {
            length[0] = len;
            return len > MAX_ITEM_BYTES ? null : items.item(bytes, offset, len);
        });
        if (item == null) {
            if (logs.size() == 1) {
                diagnostics.debug("a log of " + length[0] + " bytes is over Sentry's limit of " + MAX_ITEM_BYTES
                        + " for one item; dropped (internal_sdk_error)");
                discard(DiscardReason.INTERNAL_SDK_ERROR, 1, length[0]);
                return;
            }
            int half = logs.size() / 2;
            send(logs.subList(0, half));
            send(logs.subList(half, logs.size()));
            return;
        }
        transport.send(Envelope.of(null, SdkInfo.NAME, SdkInfo.VERSION, List.of(item.withItemCount(logs.size()))));
    }

    private SentryLog toLog(LogEntry e) {
        PropagationContext trace = e.trace != null ? e.trace : clientTrace;
        Instant at = e.epochSecond == 0 && e.nano == 0 ? clock.instant() // a front-end that gave no time
                : Instant.ofEpochSecond(e.epochSecond, e.nano);
        SentryLog log = new SentryLog(at, e.level, e.body(), trace.traceId(), trace.spanId());
        Map<String, Object> a = log.getAttributes();
        // The application's own names first, so that the SDK's attributes below win a clash.
        for (Map.Entry<String, Object> kv : e.keyValues.entrySet()) {
            put(a, kv.getKey(), value(kv.getValue()));
        }
        for (Map.Entry<String, String> mdc : e.context.entrySet()) {
            if (mdc.getKey() != null) {
                put(a, "mdc." + mdc.getKey(), mdc.getValue());
            }
        }
        if (e.template != null && e.arguments != null) { // Sentry: no template without a parameter
            a.put("sentry.message.template", e.template);
            for (int i = 0; i < e.arguments.length; i++) {
                put(a, "sentry.message.parameter." + i, value(e.arguments[i]));
            }
        }
        put(a, "logger.name", e.loggerName);
        put(a, "thread.name", e.threadName);
        if (e.threadId >= 0) {
            a.put("thread.id", e.threadId);
        }
        put(a, "sentry.origin", e.origin);
        put(a, "sentry.environment", options.environment());
        put(a, "sentry.release", options.release());
        put(a, "server.address", serverName.get());
        a.put("sentry.sdk.name", SdkInfo.NAME);
        a.put("sentry.sdk.version", SdkInfo.VERSION);
        User user = e.user;
        if (user != null && options.sendDefaultPii()) {
            put(a, "user.id", user.id());
            put(a, "user.name", user.username());
            put(a, "user.email", user.email());
        }
        return log;
    }

    private static void put(Map<String, Object> attributes, String name, Object value) {
        if (name != null && value != null) {
            attributes.put(name, value);
        }
    }

    /** An argument or field as an attribute value: whole numbers, decimals and booleans keep their type. */
    static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        return LogArguments.text(v);
    }

    private void reportDrops() {
        long logs = queue.droppedLogs();
        if (logs > droppedLogsReported) {
            long bytes = queue.droppedBytes();
            discard(DiscardReason.QUEUE_OVERFLOW, logs - droppedLogsReported, bytes - droppedBytesReported);
            diagnostics.throttled("logs.full", Duration.ofMinutes(1), "more than " + LogQueue.DEFAULT_MAX_LOGS
                    + " logs (or their size) waiting to be sent; dropping (queue_overflow)");
            droppedLogsReported = logs;
            droppedBytesReported = bytes;
        }
    }

    private void discard(DiscardReason reason, long logs, long bytes) {
        if (logs > 0) {
            transport.recordDiscard(reason, "log_item", logs);
            transport.recordDiscard(reason, "log_byte", bytes);
        }
    }
}
