package org.sentry4j.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sentry4j.Breadcrumb;
import org.sentry4j.PropagationContext;
import org.sentry4j.SentryEvent;
import org.sentry4j.SentryOptions;
import org.sentry4j.User;
import org.sentry4j.protocol.ExceptionValue;
import org.sentry4j.protocol.ThreadValue;

/**
 * Completes a captured event on the worker: the exception chain from its throwable, the capturing
 * thread's stack for message events, the scope as it was at capture time, and the options' and
 * runtime's defaults. What the event already has always wins.
 */
final class EventPreparer {
    static final String AUTO_IP = "{{auto}}";
    private static final String USER_NAME = System.getProperty("user.name");
    private final SentryOptions options;
    private final Diagnostics diagnostics;
    private final ExceptionConverter exceptions;
    private final FrameConverter frames;
    /** The client's own trace, for captures made outside a continued trace and any OpenTelemetry span. */
    private final PropagationContext clientTrace;

    public EventPreparer(SentryOptions options, Diagnostics diagnostics) {
        this(options, diagnostics, PropagationContext.create(options.random()));
    }

    public EventPreparer(SentryOptions options, Diagnostics diagnostics, PropagationContext clientTrace) {
        this.options = options;
        this.diagnostics = diagnostics;
        this.clientTrace = clientTrace;
        this.frames = new FrameConverter(new InAppRules(options.inAppIncludes(), options.inAppExcludes()));
        this.exceptions = new ExceptionConverter(frames);
    }

    public SentryEvent prepare(Capture c) {
        SentryEvent e = c.event();
        if (e.getThrowable() != null && e.getExceptions().isEmpty()) {
            e.setExceptions(exceptions.convert(e.getThrowable(), c.mechanism(), c.threadId()));
        } else if (!e.getExceptions().isEmpty()) {
            // A chain built from a description (e.g. a serialized log event): apply the in-app rules.
            List<ExceptionValue> given = e.getExceptions();
            List<ExceptionValue> decided = new ArrayList<>(given.size());
            for (ExceptionValue v : given) {
                decided.add(v.withFrames(frames.decideInApp(v.frames())));
            }
            e.setExceptions(decided);
        }
        if (c.callerStack() != null && e.getExceptions().isEmpty() && e.getThreads().isEmpty()) {
            List<ThreadValue> threads = new ArrayList<>(1);
            // The thread that logged (or captured) is where the event happened: Sentry shows its stack first.
            threads.add(new ThreadValue(c.threadId(), c.threadName(), true, true,
                    frames.convert(c.callerStack())));
            e.setThreads(threads);
        }
        if (e.getUser() != null && !e.getUser().isIdentified()) {
            diagnostics.debug("event " + c.eventId() + ": a user without id, username, email or ipAddress is not sent: "
                    + e.getUser());
            e.setUser(null);
        }
        applyScope(e, c.scope());
        applyTrace(e, c);
        applyOptions(e);
        return e;
    }

    private static void applyScope(SentryEvent e, ScopeSnapshot s) {
        s.tags().forEach(e.getTags()::putIfAbsent);
        s.extras().forEach(e.getExtra()::putIfAbsent);
        if (e.getUser() == null) {
            e.setUser(s.user());
        }
        if (s.level() != null) {
            e.setLevel(s.level());
        }
        if (e.getFingerprint().isEmpty() && !s.fingerprint().isEmpty()) {
            e.setFingerprint(s.fingerprint());
        }
        // Copies: the event's contexts are the event's own, and beforeSend may edit them (the scope's and
        // the runtime's are shared and read-only).
        for (Map.Entry<String, Map<String, Object>> c : s.contexts().entrySet()) {
            e.getContexts().computeIfAbsent(c.getKey(), k -> new LinkedHashMap<>(c.getValue()));
        }
        List<Breadcrumb> trail = s.breadcrumbs();
        if (!trail.isEmpty()) {
            List<Breadcrumb> all = new ArrayList<>(trail.size() + e.getBreadcrumbs().size());
            all.addAll(trail);
            all.addAll(e.getBreadcrumbs());
            e.setBreadcrumbs(all);
        }
        if (e.getTransaction() == null) {
            e.setTransaction(s.transaction());
        }
    }

    /**
     * {@code contexts.trace}, which Sentry expects on every event: the trace of the capture (an
     * OpenTelemetry span, a continued trace) or the client's own. A trace the event already has (a log
     * record's OpenTelemetry MDC keys, or one the application set) is kept.
     */
    private void applyTrace(SentryEvent e, Capture c) {
        if (e.getContexts().containsKey("trace")) {
            return;
        }
        ScopeSnapshot s = c.scope();
        PropagationContext p = s.propagation() != null ? s.propagation() : clientTrace;
        Map<String, Object> trace = p.traceContext();
        trace.put("origin", "manual"); // no instrumentation made this span: Sentry's name for that
        if (c.threadName() != null) { // where it happened, as Sentry's trace view lists it
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("thread.name", c.threadName());
            if (c.threadId() >= 0) {
                data.put("thread.id", String.valueOf(c.threadId()));
            }
            trace.put("data", data);
        }
        e.getContexts().put("trace", trace);
    }

    /**
     * The envelope's {@code trace} header (dynamic sampling context) for a prepared event: the one of
     * the trace it belongs to, received with a continued trace or made from the options; null when the
     * event has no trace id.
     */
    public Map<String, String> dynamicSamplingContext(SentryEvent e, ScopeSnapshot s) {
        Object trace = e.getContexts().get("trace");
        Object traceId = trace instanceof Map ? ((Map<?, ?>) trace).get("trace_id") : null;
        if (!(traceId instanceof String)) {
            return null;
        }
        PropagationContext p = s.propagation() != null ? s.propagation() : clientTrace;
        PropagationContext of = p.traceId().equals(traceId) ? p : PropagationContext.ofIds((String) traceId,
                p.spanId(), null);
        if (of == null) {
            return null;
        }
        return of.dynamicSamplingContext(options.parsedDsn() == null ? null : options.parsedDsn().publicKey(),
                e.getRelease() != null ? e.getRelease() : options.release(),
                e.getEnvironment() != null ? e.getEnvironment() : options.environment());
    }

    /** The client's own trace. */
    public PropagationContext clientTrace() {
        return clientTrace;
    }

    private void applyOptions(SentryEvent e) {
        options.tags().forEach(e.getTags()::putIfAbsent);
        if (e.getRelease() == null) {
            e.setRelease(options.release());
        }
        if (e.getEnvironment() == null) {
            e.setEnvironment(options.environment());
        }
        if (e.getDist() == null) {
            e.setDist(options.dist());
        }
        if (e.getServerName() == null) {
            e.setServerName(serverName());
        }
        if (options.sendDefaultPii()) { // Sentry fills in the address the event came from
            User user = e.getUser();
            if (user == null) {
                e.setUser(User.builder().ipAddress(AUTO_IP).build());
            } else if (user.ipAddress() == null) {
                e.setUser(user.toBuilder().ipAddress(AUTO_IP).build());
            }
        }
        e.getContexts().computeIfAbsent("os", k -> new LinkedHashMap<>(RuntimeFacts.osContext()));
        e.getContexts().computeIfAbsent("runtime", k -> new LinkedHashMap<>(RuntimeFacts.runtimeContext()));
        if (!RuntimeFacts.deviceContext().isEmpty()) {
            e.getContexts().computeIfAbsent("device", k -> new LinkedHashMap<>(RuntimeFacts.deviceContext()));
        }
    }

    /**
     * The server name events and logs carry: the option, else the host name unless it names the person
     * running the JVM (then none, unless sendDefaultPii); null when there is none.
     */
    public String serverName() {
        if (options.serverName() != null) {
            return options.serverName();
        }
        String host = RuntimeFacts.hostName();
        return options.sendDefaultPii() || !namesThePerson(host, USER_NAME) ? host : null;
    }

    /**
     * Whether a host name identifies a person: it contains the login name of the user running the JVM
     * ({@code alice-macbook} for {@code alice}), as a laptop's or desktop's name typically does.
     */
    static boolean namesThePerson(String hostName, String userName) {
        if (hostName == null || userName == null || userName.length() < 3) {
            return false;
        }
        return hostName.toLowerCase(Locale.ROOT).contains(userName.toLowerCase(Locale.ROOT));
    }
}
