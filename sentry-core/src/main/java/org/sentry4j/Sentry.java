package org.sentry4j;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.sentry4j.internal.CallbackGuard;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.Capture;
import org.sentry4j.internal.EventIds;
import org.sentry4j.internal.FrontEndAccess;
import org.sentry4j.internal.LastEvent;
import org.sentry4j.logging.CallerStack;
import org.sentry4j.protocol.Mechanism;
import org.sentry4j.transport.TransportStats;

/**
 * The SDK's entry point. Static, thread-safe, and it never throws at runtime: every capture returns an
 * event id — all zeros when nothing was captured (SDK disabled, called from inside a callback, sampled
 * out by {@code sampleRate}, or more than {@code maxPendingEvents} waiting) — and does its real work on
 * the SDK's worker thread. A {@link SentryEvent} passed in is copied: capturing it again makes another
 * event with its own id (unless the caller set one), and the SDK never changes the caller's object.
 *
 * <pre>{@code
 * Sentry.init(o -> o.dsn("https://key@o0.ingest.sentry.io/42").release("shop@1.4.2"));
 * Sentry.configureScope(scope -> scope.setUser(User.ofId("u-17")));
 * try { charge(order); } catch (PaymentException e) { Sentry.captureException(e); }
 * }</pre>
 */
public final class Sentry {
    /** The id returned when nothing was captured. */
    public static final String EMPTY_ID = EventIds.EMPTY;

    private static final Object LOCK = new Object();
    private static volatile Hub hub = Hub.DISABLED;
    /** Each thread's last event; an {@code EventId}'s text is made only when someone asks (log captures). */
    private static final ThreadLocal<LastEvent> LAST_EVENT = ThreadLocal.withInitial(LastEvent::new);
    // Guarded by LOCK: appenders holding the client, and whether an appender (not the app) started it.
    private static int leases;
    private static Hub appenderStarted;
    /** Guarded by LOCK: the appender modules holding leases, by package: their integration name and lease count. */
    private static final Map<String, FrontEnd> frontEnds = new LinkedHashMap<>();

    private static final class FrontEnd {
        final String integration;
        int leases;

        FrontEnd(String integration) {
            this.integration = integration;
        }
    }

    static {
        FrontEndAccess.install(LogCapture.ACCESS);
    }

    private Sentry() {
    }

    /** Starts the SDK with a DSN (other options from the ambient sources). Empty disables it. */
    public static void init(String dsn) {
        init(options -> options.dsn(dsn));
    }

    /**
     * Starts the SDK, replacing (and closing) any client already running. Never throws for the SDK's
     * sake: an invalid value falls back to its default, and a malformed DSN (or a client that cannot
     * start) leaves the SDK disabled; each is said in one line on stderr, naming the setting.
     */
    public static void init(Consumer<SentryOptions.Builder> configure) {
        SentryOptions.Builder builder = SentryOptions.builder();
        configure.accept(builder);
        SentryOptions options;
        try {
            options = builder.build();
        } catch (IllegalArgumentException e) { // a malformed DSN
            Diagnostics.error("the SDK is disabled: " + e.getMessage());
            options = SentryOptions.builder().ambientSources(false).dsn("").build();
        }
        init(options);
    }

    /**
     * Starts the SDK with built options, replacing (and closing) any client already running. The
     * options' {@link SentryOptions#problems() problems} are said on stderr; a client that cannot start
     * leaves the SDK disabled and is said there too, never thrown.
     */
    public static void init(SentryOptions options) {
        Objects.requireNonNull(options, "options");
        options.problems().forEach(Diagnostics::error);
        Hub previous;
        synchronized (LOCK) {
            previous = hub;
            try {
                hub = Hub.start(options);
                listFrontEnds(hub);
            } catch (Throwable t) { // NOPMD: starting the SDK must never be what stops the application
                hub = Hub.DISABLED;
                Diagnostics.error(startFailure(t) + "; the SDK is disabled");
            }
            appenderStarted = null;
        }
        if (previous != hub && previous.isEnabled()) {
            previous.close(previous.client.options().shutdownTimeout()); // its own budget, not the new one's
        }
    }

    /**
     * For logging appenders: uses the running client, or starts one from {@code options} when none is
     * running. The application's own {@link #init} always wins over an appender's, whichever comes first.
     */
    public static ClientLease acquire(SentryOptions options) {
        return acquire(options, null, null);
    }

    /**
     * As {@link #acquire(SentryOptions)}, for an appender module that names itself: while it holds a
     * lease, events list {@code integration} (e.g. {@code Logback}) in {@code sdk.integrations} and
     * {@code packageName} (e.g. {@code maven:org.sentry4j:sentry-logback}) in {@code sdk.packages}.
     */
    public static ClientLease acquire(SentryOptions options, String integration, String packageName) {
        synchronized (LOCK) {
            if (!hub.isEnabled() && options.isEnabled()) {
                try {
                    hub = Hub.start(options);
                } catch (Throwable t) { // NOPMD: an Error too; the appender reports it through its framework
                    throw new IllegalStateException(startFailure(t), t);
                }
                appenderStarted = hub;
            }
            leases++;
            if (integration != null && packageName != null) {
                frontEnds.computeIfAbsent(packageName, k -> new FrontEnd(integration)).leases++;
                listFrontEnds(hub);
            }
        }
        return new ClientLease(packageName != null && integration != null ? packageName : null);
    }

    /** Under LOCK: names the appender modules holding leases in the hub's events. */
    private static void listFrontEnds(Hub h) {
        if (h.isEnabled()) {
            frontEnds.forEach((pkg, f) -> h.client.addFrontEnd(f.integration, pkg));
        }
    }

    /** What to say of a client that could not start: the cause, and for a version conflict the library's. */
    private static String startFailure(Throwable t) {
        return "the Sentry client could not start: " + Diagnostics.describe(t) + Diagnostics.origin(t);
    }

    static void release(Duration timeout, String frontEnd) {
        Hub toClose = null;
        Hub current;
        synchronized (LOCK) {
            leases = Math.max(0, leases - 1);
            FrontEnd f = frontEnd == null ? null : frontEnds.get(frontEnd);
            if (f != null && --f.leases <= 0) {
                frontEnds.remove(frontEnd);
            }
            current = hub;
            if (leases == 0 && appenderStarted == current && current.isEnabled()) {
                toClose = current;
                hub = Hub.DISABLED;
                appenderStarted = null;
            }
        }
        if (toClose != null) {
            toClose.close(timeout);
        } else if (current.isEnabled()) {
            current.flush(timeout);
        }
    }

    static Duration shutdownTimeout() {
        Hub h = hub;
        return h.isEnabled() ? h.client.options().shutdownTimeout() : Duration.ZERO;
    }

    /** Whether a client with a DSN is running. */
    public static boolean isEnabled() {
        return hub.isEnabled();
    }

    /** The running client's options, or null when the SDK is disabled. */
    public static SentryOptions options() {
        Hub h = hub;
        return h.isEnabled() ? h.client.options() : null;
    }

    /** Waits up to {@code timeout} for captured events to be delivered or spooled; true if all were. */
    public static boolean flush(Duration timeout) {
        return hub.flush(timeout);
    }

    /** Flushes within the shutdown timeout and stops the SDK. Idempotent. */
    public static void close() {
        Hub previous;
        synchronized (LOCK) {
            previous = hub;
            hub = Hub.DISABLED;
            appenderStarted = null;
        }
        if (previous.isEnabled()) {
            previous.close(previous.client.options().shutdownTimeout());
        }
    }

    public static String captureException(Throwable throwable) {
        return captureException(throwable, null);
    }

    public static String captureException(Throwable throwable, Hint hint) {
        if (throwable == null) {
            return EMPTY_ID;
        }
        SentryEvent event = new SentryEvent(throwable);
        event.setLevel(SentryLevel.ERROR);
        return capture(event, false, hint, Mechanism.of("generic", true), false);
    }

    public static String captureMessage(String message) {
        return captureMessage(message, SentryLevel.INFO);
    }

    public static String captureMessage(String message, SentryLevel level) {
        if (message == null) {
            return EMPTY_ID;
        }
        SentryEvent event = new SentryEvent();
        event.setMessage(message);
        event.setLevel(level == null ? SentryLevel.INFO : level);
        return capture(event, false, null, null, true);
    }

    public static String captureEvent(SentryEvent event) {
        return captureEvent(event, null);
    }

    public static String captureEvent(SentryEvent event, Hint hint) {
        if (event == null) {
            return EMPTY_ID;
        }
        return capture(event, true, hint, Mechanism.of("generic", true), event.getThrowable() == null);
    }

    /**
     * Captures an event with an explicit mechanism, e.g. {@code UncaughtExceptionHandler} with
     * {@code handled=false}. For integrations.
     */
    public static String captureEvent(SentryEvent event, Hint hint, Mechanism mechanism) {
        if (event == null) {
            return EMPTY_ID;
        }
        return capture(event, true, hint, mechanism, event.getThrowable() == null);
    }

    /**
     * @param callersEvent whether {@code given} belongs to the caller: then the worker gets a copy, so
     *                     nothing of this capture (id, scope, defaults, callbacks' edits) leaks into it
     */
    private static String capture(SentryEvent given, boolean callersEvent, Hint hint, Mechanism mechanism,
                                  boolean attachStack) {
        Hub h = hub;
        if (!h.isEnabled() || CallbackGuard.mustDrop()) {
            return EMPTY_ID;
        }
        try {
            if (!h.client.sampledIn()) {
                return EMPTY_ID;
            }
            SentryEvent event = callersEvent ? given.copy() : given;
            String id = callersEvent ? EventIds.validOrNull(event.getEventId()) : null;
            if (id == null) {
                id = EventIds.next();
            }
            event.setEventId(id);
            if (event.getTimestamp() == null) {
                event.setTimestamp(h.client.options().clock().instant());
            }
            Hint fullHint = (hint == null ? Hint.empty() : hint).withThrowableIfAbsent(event.getThrowable());
            Thread thread = Thread.currentThread();
            StackTraceElement[] stack = attachStack && h.client.options().attachStacktrace()
                    ? CallerStack.here() : null;
            LastEvent last = LAST_EVENT.get();
            if (!h.client.submit(new Capture(event, id, fullHint, h.scopes.snapshot(), mechanism,
                    thread.getId(), thread.getName(), stack).origin(last))) {
                return EMPTY_ID;
            }
            last.submitted(id);
            return id;
        } catch (Throwable t) { // NOPMD: capturing must never break the application
            h.client.diagnostics().debug("capture failed", t);
            return EMPTY_ID;
        }
    }

    /** The running hub, for {@link LogCapture}. */
    static Hub hub() {
        return hub;
    }

    /** This thread's last event, for {@link LogCapture}. */
    static LastEvent lastEvent() {
        return LAST_EVENT.get();
    }

    /**
     * The id of the last event captured on this thread, or {@link #EMPTY_ID}. Once the SDK's worker has
     * dropped that event ({@code beforeSend}, an event processor, dedupe), the id of the last event from
     * this thread it handed to the transport instead.
     */
    public static String lastEventId() {
        return LAST_EVENT.get().id();
    }

    /**
     * Changes this thread's current scope: the innermost scope pushed on this thread, else the thread's
     * own scope. Other threads do not see the change; for what every thread should carry, use
     * {@link #configureGlobalScope}.
     */
    public static void configureScope(Consumer<Scope> configure) {
        configure(hub, false, configure);
    }

    /**
     * Changes the global scope, which every event carries under its thread's scope (whose values win):
     * data of the whole application, such as the tenant of a single-tenant deployment.
     */
    public static void configureGlobalScope(Consumer<Scope> configure) {
        configure(hub, true, configure);
    }

    private static void configure(Hub h, boolean global, Consumer<Scope> configure) {
        if (configure == null) {
            return;
        }
        try {
            configure.accept(global ? h.scopes.global() : h.scopes.current());
        } catch (RuntimeException e) {
            if (h.isEnabled()) {
                h.client.diagnostics().debug((global ? "configureGlobalScope" : "configureScope")
                        + " callback threw", e);
            }
        }
    }

    /** Layers a copy of the current scope over it for this thread, until the handle is closed. */
    public static ScopeHandle pushScope() {
        return hub.scopes.push();
    }

    /**
     * Layers an empty scope over this thread's scope until the handle is closed: for a request or job on
     * a pool thread, which should carry nothing of the tasks that ran on that thread before (their
     * user, tags or breadcrumbs). The global scope still applies.
     *
     * <pre>{@code
     * try (ScopeHandle ignored = Sentry.pushIsolatedScope()) {
     *     Sentry.configureScope(scope -> scope.setUser(User.ofId(request.userId())));
     *     handle(request);
     * }
     * }</pre>
     */
    public static ScopeHandle pushIsolatedScope() {
        return hub.scopes.pushIsolated();
    }

    /** Runs {@code work} with a pushed scope that is popped afterwards. */
    public static void withScope(Consumer<Scope> work) {
        Hub h = hub; // one hub for the push and the work: an init in between must not get the work's changes
        try (ScopeHandle ignored = h.scopes.push()) {
            work.accept(h.scopes.current());
        }
    }

    /** Records a breadcrumb on the current scope, through {@code beforeBreadcrumb}. */
    public static void addBreadcrumb(Breadcrumb breadcrumb) {
        addBreadcrumb(breadcrumb, null);
    }

    public static void addBreadcrumb(Breadcrumb breadcrumb, Hint hint) {
        addBreadcrumb(null, breadcrumb, hint);
    }

    /** Into {@code target}, or the current scope when null. */
    static void addBreadcrumb(Scope target, Breadcrumb breadcrumb, Hint hint) {
        Hub h = hub;
        if (!h.isEnabled() || breadcrumb == null || CallbackGuard.mustDrop()) {
            return; // nothing from the SDK's own threads or from inside a callback
        }
        Breadcrumb kept = h.client.filterBreadcrumb(breadcrumb, hint);
        if (kept != null) {
            (target != null ? target : h.scopes.current()).addFilteredBreadcrumb(kept);
        }
    }

    public static void addBreadcrumb(String message) {
        addBreadcrumb(Breadcrumb.of(message));
    }

    public static void addBreadcrumb(String message, String category) {
        addBreadcrumb(Breadcrumb.builder().message(message).category(category).build());
    }

    /**
     * Carries the caller's current scope (a copy) to wherever {@code task} runs; each run starts from
     * that copy afresh (a task scheduled repeatedly, or run twice, does not see its earlier runs' changes).
     */
    public static Runnable wrap(Runnable task) {
        Scope captured = hub.scopes.current().copy();
        Hub origin = hub;
        return () -> {
            try (ScopeHandle ignored = origin.scopes.push(captured.copy())) {
                task.run();
            }
        };
    }

    /** As {@link #wrap(Runnable)}. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Scope captured = hub.scopes.current().copy();
        Hub origin = hub;
        return () -> {
            try (ScopeHandle ignored = origin.scopes.push(captured.copy())) {
                return task.call();
            }
        };
    }

    /** An executor that runs every task with the scope of the thread that submitted it. */
    public static Executor wrap(Executor executor) {
        return task -> executor.execute(wrap(task));
    }

    /**
     * Continues the trace of an incoming request on the current scope (a pushed one, so the next request
     * starts clean: {@code Sentry.withScope(s -> { Sentry.continueTrace(h1, h2); handle(); })}): its
     * {@code sentry-trace} and {@code baggage} header values, either may be null. Events captured in
     * that scope then belong to the caller's trace; a missing or malformed {@code sentry-trace} starts
     * a new trace there.
     */
    public static void continueTrace(String sentryTrace, String baggage) {
        Hub h = hub;
        if (!h.isEnabled()) {
            return;
        }
        try {
            h.scopes.current().setPropagationContext(
                    PropagationContext.fromHeaders(sentryTrace, baggage, h.client.options().random()));
        } catch (RuntimeException e) {
            h.client.diagnostics().debug("continueTrace failed", e);
        }
    }

    /**
     * The {@code sentry-trace} header value for an outgoing request: the trace of the OpenTelemetry span
     * current on this thread, else the current scope's, else the global scope's, else the client's; null
     * when the SDK is disabled.
     */
    public static String getTraceparent() {
        PropagationContext p = currentTrace();
        return p == null ? null : p.sentryTrace();
    }

    /** The {@code baggage} header value for an outgoing request (see {@link #getTraceparent()}); null when disabled. */
    public static String getBaggage() {
        Hub h = hub;
        PropagationContext p = currentTrace();
        if (p == null) {
            return null;
        }
        SentryOptions o = h.client.options();
        return p.baggage(o.parsedDsn() == null ? null : o.parsedDsn().publicKey(), o.release(), o.environment());
    }

    private static PropagationContext currentTrace() {
        return currentTrace(hub);
    }

    /** The trace of this thread: its OpenTelemetry span, its scope's, the global scope's, else the client's. */
    static PropagationContext currentTrace(Hub h) {
        if (!h.isEnabled()) {
            return null;
        }
        PropagationContext p = org.sentry4j.internal.OpenTelemetryTrace.current();
        if (p == null) {
            p = h.scopes.current().getPropagationContext();
        }
        if (p == null) { // as an event's: the thread's scope over the global one
            p = h.scopes.global().getPropagationContext();
        }
        return p != null ? p : h.client.trace();
    }

    /**
     * Structured logs (Sentry Logs) from the application's code, sent when {@code logsEnabled} is on:
     * {@code Sentry.logger().info("Order %s failed", orderId)}. See {@link SentryLogger}.
     */
    public static SentryLogger logger() {
        return SentryLogger.INSTANCE;
    }

    /** Counters of the running client's transport (queued, sent, spooled, dropped by reason). */
    public static TransportStats transportStats() {
        Hub h = hub;
        return h.isEnabled() ? h.client.transportStats() : TransportStats.empty();
    }
}
