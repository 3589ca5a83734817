package org.sentry4j.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sentry4j.BeforeBreadcrumbCallback;
import org.sentry4j.BeforeSendCallback;
import org.sentry4j.Breadcrumb;
import org.sentry4j.EventProcessor;
import org.sentry4j.Hint;
import org.sentry4j.SentryEvent;
import org.sentry4j.SentryOptions;
import org.sentry4j.integration.Integration;
import org.sentry4j.internal.json.EventSerializer;
import org.sentry4j.internal.logs.LogBatcher;
import org.sentry4j.internal.logs.LogEntry;
import org.sentry4j.internal.logs.LogQueue;
import org.sentry4j.internal.spotlight.SpotlightTransport;
import org.sentry4j.internal.transport.HttpTransport;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;
import org.sentry4j.transport.Transport;
import org.sentry4j.transport.TransportStats;

/**
 * One configured client: the pipeline from a {@link Capture} to an envelope handed to the transport.
 * On the worker: ignored types, completing the event,
 * event processors, {@code beforeSend}, field limits, serialization. Owns its transport, worker and
 * integrations, and closes them.
 */
public final class SentryClient {
    private final SentryOptions options;
    private final Diagnostics diagnostics;
    private final Transport transport;
    private final EventPreparer preparer;
    private final EventSerializer serializer;
    private final List<EventProcessor> processors = new ArrayList<>();
    private final List<Integration> integrations = new ArrayList<>();
    private final CaptureWorker worker;
    private final IgnoredExceptions ignored;
    /** Structured logs: null when logs are off. */
    private final LogQueue logs;
    private final LogBatcher logBatcher;
    private volatile boolean closed;

    public SentryClient(SentryOptions options) {
        this.options = options;
        this.diagnostics = new Diagnostics(options.debug(), options.clock(), System.err);
        this.transport = transport(options, diagnostics);
        this.preparer = new EventPreparer(options, diagnostics);
        this.ignored = new IgnoredExceptions(options.ignoredExceptions());
        List<String> names = installIntegrations();
        Map<String, String> packages = new LinkedHashMap<>();
        packages.put(SdkInfo.CORE_PACKAGE, SdkInfo.VERSION);
        this.serializer = new EventSerializer(new EventSerializer.Sdk(SdkInfo.NAME, SdkInfo.VERSION, names, packages));
        if (options.logsEnabled()) {
            this.logs = new LogQueue(LogQueue.DEFAULT_MAX_LOGS, LogQueue.DEFAULT_MAX_BYTES, this::wakeWorker);
            this.logBatcher = new LogBatcher(logs, options, preparer.clientTrace(), preparer::serverName, transport,
                    (bytes, offset, length) -> new EnvelopeItem("log", LogBatcher.CONTENT_TYPE,
                            Arrays.copyOfRange(bytes, offset, offset + length)),
                    diagnostics);
        } else {
            this.logs = null;
            this.logBatcher = null;
        }
        this.worker = new CaptureWorker(options.maxPendingEvents(), options.threadPriority(), this::process,
                (reason, drops) -> transport.recordDiscard(reason, "error", drops), diagnostics,
                logBatcher != null ? logBatcher : WorkerChore.NONE);
        if (options.serverName() == null) {
            RuntimeFacts.resolveHostNameInBackground();
        }
        diagnostics.debug("client started for " + (options.parsedDsn() != null ? options.parsedDsn() : "Spotlight only")
                + " (integrations " + names + ")");
    }

    /** To Sentry when there is a DSN, and a copy to Spotlight when it is on. */
    private static Transport transport(SentryOptions options, Diagnostics diagnostics) {
        Transport.Factory factory = options.transportFactory();
        Transport upstream = factory != null ? factory.create(options)
                : options.parsedDsn() != null ? new HttpTransport(options, diagnostics) : null;
        return options.spotlightUrl() == null ? upstream : new SpotlightTransport(upstream, options, diagnostics);
    }

    private List<String> installIntegrations() {
        List<Integration> all = new ArrayList<>();
        if (options.defaultIntegrations()) {
            all.addAll(DefaultIntegrations.create(options));
        }
        all.addAll(options.integrations());
        List<String> names = new ArrayList<>();
        Integration.Installation installation = new Integration.Installation() {
            @Override
            public SentryOptions options() {
                return options;
            }

            @Override
            public void addEventProcessor(EventProcessor processor) {
                processors.add(processor);
            }
        };
        for (Integration integration : all) {
            try {
                integration.install(installation);
                integrations.add(integration);
                names.add(integration.name());
            } catch (RuntimeException | LinkageError e) {
                diagnostics.debug("integration " + integration.name() + " did not install", e);
            }
        }
        return names;
    }

    public SentryOptions options() {
        return options;
    }

    /** The client's own trace (new per client), for captures outside a continued trace or span. */
    public org.sentry4j.PropagationContext trace() {
        return preparer.clientTrace();
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Decides on the application's thread whether a capture is sampled in, so that an id is returned
     * only for an event that is sent. A "no" is counted (client report {@code sample_rate}). One random
     * draw, and only when {@code sampleRate} is below 1.
     */
    public boolean sampledIn() {
        double rate = options.sampleRate();
        if (rate >= 1.0 || options.random().nextDouble() < rate) {
            return true;
        }
        worker.sampledOut();
        return false;
    }

    /** Accepts a capture from the application's thread; false when it was dropped (closed, or queue full). */
    public boolean submit(Capture capture) {
        return !closed && worker.submit(capture);
    }

    /**
     * False, counted as a drop ({@code queue_overflow}), when the capture queue is full: a front-end
     * asks before it copies a record.
     */
    public boolean hasRoom() {
        return !closed && worker.hasRoom();
    }

    /** A full batch of logs is waiting: the worker sends it now rather than after its idle pause. */
    private void wakeWorker() {
        worker.wake();
    }

    /** Whether structured logs are on ({@code logsEnabled}). */
    public boolean logsEnabled() {
        return logs != null;
    }

    /**
     * Queues a structured log copied on the logging thread; false when logs are off, the client is
     * closed, or the queue is at its cap (counted as {@code queue_overflow} under {@code log_item}).
     */
    public boolean captureLog(LogEntry entry) {
        return logs != null && !closed && logs.offer(entry);
    }

    /** The pipeline (sampling was decided at capture); runs on the worker thread. */
    void process(Capture c) {
        boolean handed = false;
        try {
            handed = pipeline(c);
        } finally {
            c.handed(handed);
        }
    }

    /** True when the event went to the transport. */
    private boolean pipeline(Capture c) {
        SentryEvent event = c.event();
        Hint hint = c.hint();
        if (ignored.matches(event.getThrowable())) {
            drop(DiscardReason.EVENT_PROCESSOR, "ignored exception type " + event.getThrowable().getClass().getName());
            return false;
        }
        event = preparer.prepare(c);
        for (EventProcessor processor : processors) {
            try {
                event = processor.process(event, hint);
            } catch (RuntimeException e) {
                diagnostics.debug("an event processor threw; event dropped", e);
                event = null;
            }
            if (event == null) {
                drop(DiscardReason.EVENT_PROCESSOR, null);
                return false;
            }
        }
        BeforeSendCallback beforeSend = options.beforeSend();
        if (beforeSend != null) {
            SentryEvent input = event;
            try {
                event = CallbackGuard.run(() -> beforeSend.execute(input, hint));
            } catch (Throwable t) { // NOPMD: the event may hold what the callback was to scrub: drop it
                diagnostics.once("beforeSend.threw", "beforeSend threw, so its events are dropped: "
                        + Diagnostics.describe(t));
                event = null;
            }
            if (event == null) {
                drop(DiscardReason.BEFORE_SEND, null);
                return false;
            }
        }
        // The id returned at capture names this event, even when a processor or beforeSend replaced it.
        event.setEventId(c.eventId());
        if (event.getTimestamp() == null) {
            event.setTimestamp(options.clock().instant()); // a callback cleared it; the schema requires one
        }
        EnvelopeItem item;
        try {
            EventLimits.trimFields(event);
            // The transport compresses the envelope once, as it sends it.
            item = EventLimits.serializeWithin(event,
                    e -> serializer.serialize(e, (bytes, offset, length) ->
                            EnvelopeItem.event(Arrays.copyOfRange(bytes, offset, offset + length))),
                    EnvelopeItem::length);
        } catch (RuntimeException e) { // e.g. an extra's collection changed by the application meanwhile
            diagnostics.debug("an event could not be serialized; dropped", e);
            drop(DiscardReason.INTERNAL_SDK_ERROR, null);
            return false;
        }
        transport.send(Envelope.of(event.getEventId(), SdkInfo.NAME, SdkInfo.VERSION,
                preparer.dynamicSamplingContext(event, c.scope()), List.of(item)));
        return true;
    }

    private void drop(DiscardReason reason, String why) {
        transport.recordDiscard(reason, "error", 1);
        if (why != null) {
            diagnostics.debug("event dropped: " + why);
        }
    }

    /**
     * Passes a breadcrumb through {@code beforeBreadcrumb}; null means drop. A callback that throws
     * drops the breadcrumb and is reported once.
     */
    public Breadcrumb filterBreadcrumb(Breadcrumb crumb, Hint hint) {
        BeforeBreadcrumbCallback callback = options.beforeBreadcrumb();
        if (callback == null || crumb == null) {
            return crumb;
        }
        try {
            return CallbackGuard.run(() -> callback.execute(crumb, hint == null ? Hint.empty() : hint));
        } catch (Throwable t) { // NOPMD: a broken callback must not break logging
            diagnostics.once("beforeBreadcrumb.threw", "beforeBreadcrumb threw, so its breadcrumbs are dropped: "
                    + Diagnostics.describe(t));
            return null;
        }
    }

    /** Waits for queued events to be processed and delivered (or spooled), within {@code timeout}. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean processed = worker.flush(timeout);
        long left = Math.max(0, deadline - System.nanoTime());
        return transport.flush(Duration.ofNanos(left)) && processed;
    }

    /** Flushes within {@code timeout}, then stops the worker, the integrations and the transport. Idempotent. */
    public void close(Duration timeout) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Integration integration : integrations) {
            try {
                integration.uninstall();
            } catch (RuntimeException e) {
                diagnostics.debug("integration " + integration.name() + " did not uninstall", e);
            }
        }
        // Events still being built may take the whole budget: an event never built is lost, while the
        // transport, given what is left, sends it or spools it past its deadline's end.
        worker.close(timeout);
        int abandoned = worker.abandoned();
        if (abandoned > 0) {
            // nothing overflowed: the shutdown budget ran out before they were built
            transport.recordDiscard(DiscardReason.INTERNAL_SDK_ERROR, "error", abandoned);
            diagnostics.debug(abandoned + " event(s) were still being processed at close and are dropped");
        }
        if (logBatcher != null) {
            int left = logBatcher.abandon(); // what arrived after the last flush, or the budget ran out for
            if (left > 0) {
                diagnostics.debug(left + " structured log(s) were still waiting at close and are dropped");
            }
            if (logBatcher.neverUsed()) {
                diagnostics.debug("logs-enabled is on, but no structured log was made: no front-end sent a record"
                        + " at or above minimum-log-level " + options.minimumLogLevel().wireName()
                        + " and Sentry.logger() was not called");
            }
        }
        transport.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        diagnostics.debug("client closed: " + transport.stats());
    }

    /** Lists a logging appender module in the events' {@code sdk.integrations} and {@code sdk.packages}. */
    public void addFrontEnd(String integration, String packageName) {
        serializer.addFrontEnd(integration, packageName, SdkInfo.VERSION);
    }

    public TransportStats transportStats() {
        return transport.stats();
    }
}
