package org.sentry4j.internal;

import org.sentry4j.PropagationContext;

/**
 * The trace of the OpenTelemetry span current on this thread, when the application has
 * {@code opentelemetry-api} (an optional dependency): an event captured inside a span then belongs to
 * that trace, as the rest of the request's telemetry does. Without the API, or without a valid current
 * span, none. Whether the API is there is asked once; the API's classes are touched only through
 * {@link Api}, loaded only then.
 */
public final class OpenTelemetryTrace {
    private static final boolean PRESENT = present();

    private OpenTelemetryTrace() {
    }

    /** The current span's trace and span id, or null. */
    public static PropagationContext current() {
        if (!PRESENT) {
            return null;
        }
        try {
            return Api.current();
        } catch (RuntimeException | LinkageError e) { // NOPMD: an API of another version: no trace from it
            return null;
        }
    }

    private static boolean present() {
        try {
            Class.forName("io.opentelemetry.api.trace.Span", false, OpenTelemetryTrace.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static final class Api {
        static PropagationContext current() {
            io.opentelemetry.api.trace.SpanContext span = io.opentelemetry.api.trace.Span.current().getSpanContext();
            if (!span.isValid()) {
                return null;
            }
            return PropagationContext.ofIds(span.getTraceId(), span.getSpanId(), span.isSampled());
        }
    }
}
