package org.sentry4j.internal;

import org.sentry4j.Hint;
import org.sentry4j.SentryEvent;
import org.sentry4j.logging.LogRecord;
import org.sentry4j.logging.LogRecordMapper;
import org.sentry4j.protocol.Mechanism;

/**
 * One capture on its way from the application's thread to the worker: the event as the caller made it,
 * the hint, the scope as it was at that moment, and what only the calling thread could know (its id,
 * name and, for message events, its stack).
 */
public final class Capture {
    private SentryEvent event;
    private Hint hint;
    private final String eventId;
    private final EventId logEventId;
    private final LogRecord record;
    private final LogRecordMapper mapper;
    private final ScopeSnapshot scope;
    private final Mechanism mechanism;
    private final long threadId;
    private final String threadName;
    private final StackTraceElement[] callerStack;
    private LastEvent origin;

    /** {@code event} is the capture's own (never the caller's object) and carries {@code eventId}. */
    public Capture(SentryEvent event, String eventId, Hint hint, ScopeSnapshot scope, Mechanism mechanism,
                   long threadId, String threadName, StackTraceElement[] callerStack) {
        this.event = event;
        this.eventId = eventId;
        this.hint = hint;
        this.logEventId = null;
        this.record = null;
        this.mapper = null;
        this.scope = scope;
        this.mechanism = mechanism;
        this.threadId = threadId;
        this.threadName = threadName;
        this.callerStack = callerStack;
    }

    private Capture(EventId eventId, LogRecord record, LogRecordMapper mapper, ScopeSnapshot scope) {
        this.eventId = null;
        this.logEventId = eventId;
        this.record = record;
        this.mapper = mapper;
        this.scope = scope;
        this.mechanism = mapper.mechanism();
        this.threadId = record.threadId();
        this.threadName = record.threadName();
        this.callerStack = record.callerStack();
    }

    /** A capture of a log record; the mapper makes the event later, on the worker. */
    public static Capture ofLog(EventId eventId, LogRecord record, LogRecordMapper mapper, ScopeSnapshot scope) {
        return new Capture(eventId, record, mapper, scope);
    }

    /** Where the worker tells the capturing thread whether the event went to the transport; set before submitting. */
    public Capture origin(LastEvent origin) {
        this.origin = origin;
        return this;
    }

    /** This capture's id as an object of its own (its identity names this capture). */
    Object idObject() {
        return eventId != null ? eventId : logEventId;
    }

    void handed(boolean toTransport) {
        if (origin != null) {
            if (toTransport) {
                origin.kept(idObject());
            } else {
                origin.dropped(idObject());
            }
        }
    }

    /** The event; for a log record it is made on first call, which happens on the worker. */
    public SentryEvent event() {
        if (event == null && record != null) {
            event = mapper.toEvent(record, logEventId.toString());
        }
        return event;
    }

    /** The id returned to the caller: whatever event is finally sent carries it. */
    public String eventId() {
        return eventId != null ? eventId : logEventId.toString();
    }

    public Hint hint() {
        if (hint == null) {
            hint = record != null ? mapper.hint(record) : Hint.empty();
        }
        return hint;
    }

    public ScopeSnapshot scope() {
        return scope;
    }

    /** How the throwable was captured; the root exception's mechanism. */
    public Mechanism mechanism() {
        return mechanism;
    }

    public long threadId() {
        return threadId;
    }

    public String threadName() {
        return threadName;
    }

    /** The capturing thread's stack for message events (attachStacktrace), or null. */
    public StackTraceElement[] callerStack() {
        return callerStack;
    }
}
