package org.sentry4j.internal;

/**
 * One thread's last event, for {@code Sentry.lastEventId()}: the id of the last capture this thread
 * submitted, unless the worker has since dropped it (beforeSend, an event processor, dedupe), then the
 * id of the last event from this thread the worker handed to the transport. Ids are compared by
 * identity: a capture's id object is its own.
 */
public final class LastEvent {
    private volatile Object submitted;
    private volatile Object dropped;
    private volatile Object kept;

    /** On the capturing thread, after the capture was queued. */
    public void submitted(Object id) {
        submitted = id;
    }

    /** On the worker. */
    void dropped(Object id) {
        dropped = id;
    }

    /** On the worker, as the event goes to the transport. */
    void kept(Object id) {
        kept = id;
    }

    public String id() {
        Object s = submitted;
        if (s != null && s != dropped) {
            return s.toString();
        }
        Object k = kept;
        return k == null ? EventIds.EMPTY : k.toString();
    }
}
