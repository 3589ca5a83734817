package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestReceiver;

/**
 * Every event carries {@code contexts.trace} and its envelope the dynamic sampling context, consistent
 * with each other: the client's trace, a trace continued from incoming headers on a scope, or the
 * OpenTelemetry span current on the capturing thread.
 */
class TraceContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String INCOMING_TRACE = "771a43a4192642f0b136d5159a501700";
    private static final String INCOMING_SPAN = "0123456789abcdef";
    private TestReceiver receiver;

    @BeforeEach
    void start() {
        receiver = TestReceiver.start();
        Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                .release("shop@1.4.2").environment("staging"));
    }

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    @Test
    void everyEventCarriesTheClientsTraceAndTheEnvelopeItsSamplingContext() {
        ReceivedEnvelope first = capture(() -> Sentry.captureMessage("one"));
        ReceivedEnvelope second = capture(() -> Sentry.captureException(new IllegalStateException("two")));

        JsonObject trace = trace(first);
        assertThat(trace.get("trace_id").getAsString()).matches("[0-9a-f]{32}");
        assertThat(trace.get("span_id").getAsString()).matches("[0-9a-f]{16}");
        assertThat(trace.has("parent_span_id")).isFalse();
        assertThat(trace.get("origin").getAsString()).isEqualTo("manual");
        assertThat(trace.getAsJsonObject("data").get("thread.name").getAsString())
                .isEqualTo(Thread.currentThread().getName());
        assertThat(trace(second).get("trace_id")).as("one trace per client").isEqualTo(trace.get("trace_id"));
        JsonObject dsc = first.header().getAsJsonObject("trace");
        assertThat(dsc.get("trace_id")).isEqualTo(trace.get("trace_id"));
        assertThat(dsc.get("public_key").getAsString()).isEqualTo(receiver.dsn().replaceAll("^http://([^@]+)@.*$", "$1"));
        assertThat(dsc.get("release").getAsString()).isEqualTo("shop@1.4.2");
        assertThat(dsc.get("environment").getAsString()).isEqualTo("staging");
        assertThat(Sentry.getTraceparent()).isEqualTo(trace.get("trace_id").getAsString() + "-"
                + trace.get("span_id").getAsString());
    }

    @Test
    void aTraceContinuedOnAPushedScopeKeepsTheCallersTraceAndSamplingContext() {
        String baggage = "other-vendor=x,sentry-trace_id=" + INCOMING_TRACE + ",sentry-public_key=upstream,"
                + "sentry-release=gateway%401.0,sentry-sample_rate=0.5";
        String[] outgoing = new String[2];
        ReceivedEnvelope inside = capture(() -> {
            String[] id = new String[1];
            Sentry.withScope(scope -> {
                Sentry.continueTrace(INCOMING_TRACE + "-" + INCOMING_SPAN + "-1", baggage);
                outgoing[0] = Sentry.getTraceparent();
                outgoing[1] = Sentry.getBaggage();
                id[0] = Sentry.captureMessage("in the request");
            });
            return id[0];
        });
        ReceivedEnvelope after = capture(() -> Sentry.captureMessage("after the request"));

        JsonObject trace = trace(inside);
        assertThat(trace.get("trace_id").getAsString()).isEqualTo(INCOMING_TRACE);
        assertThat(trace.get("parent_span_id").getAsString()).isEqualTo(INCOMING_SPAN);
        assertThat(trace.get("span_id").getAsString()).matches("[0-9a-f]{16}").isNotEqualTo(INCOMING_SPAN);
        JsonObject dsc = inside.header().getAsJsonObject("trace");
        assertThat(dsc.get("trace_id").getAsString()).isEqualTo(INCOMING_TRACE);
        assertThat(dsc.get("public_key").getAsString()).as("received, not ours").isEqualTo("upstream");
        assertThat(dsc.get("release").getAsString()).isEqualTo("gateway@1.0");
        assertThat(outgoing[0]).isEqualTo(INCOMING_TRACE + "-" + trace.get("span_id").getAsString() + "-1");
        assertThat(outgoing[1]).contains("sentry-trace_id=" + INCOMING_TRACE).contains("sentry-release=gateway%401.0")
                .endsWith(",other-vendor=x");
        assertThat(trace(after).get("trace_id").getAsString()).as("the pushed scope is gone")
                .isNotEqualTo(INCOMING_TRACE);
    }

    @Test
    void aMalformedSentryTraceHeaderStartsANewTrace() {
        ReceivedEnvelope e = capture(() -> {
            String[] id = new String[1];
            Sentry.withScope(scope -> {
                Sentry.continueTrace("garbage", "sentry-trace_id=" + INCOMING_TRACE);
                id[0] = Sentry.captureMessage("x");
            });
            return id[0];
        });
        assertThat(trace(e).get("trace_id").getAsString()).matches("[0-9a-f]{32}").isNotEqualTo(INCOMING_TRACE);
        assertThat(e.header().getAsJsonObject("trace").get("public_key").getAsString()).isNotEqualTo("upstream");
    }

    @Test
    void theOpenTelemetrySpanCurrentOnTheCapturingThreadIsTheEventsTrace() {
        // A span as an instrumented server makes current for a request (what the agent or SDK would start).
        Span span = Span.wrap(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault()));
        String traceparent;
        ReceivedEnvelope e;
        try (Scope ignored = span.makeCurrent()) {
            traceparent = Sentry.getTraceparent();
            e = capture(() -> Sentry.captureMessage("inside the span"));
        }
        ReceivedEnvelope outside = capture(() -> Sentry.captureMessage("outside the span"));

        JsonObject trace = trace(e);
        assertThat(trace.get("trace_id").getAsString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.get("span_id").getAsString()).isEqualTo("00f067aa0ba902b7");
        assertThat(e.header().getAsJsonObject("trace").get("trace_id").getAsString())
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(traceparent).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1");
        assertThat(trace(outside).get("trace_id").getAsString()).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    private ReceivedEnvelope capture(java.util.function.Supplier<String> capture) {
        String id = capture.get();
        ReceivedEnvelope envelope = receiver.awaitEvent(e -> id.equals(e.eventString("event_id")), WAIT);
        EventSchema.assertValid(envelope.event());
        return envelope;
    }

    private static JsonObject trace(ReceivedEnvelope e) {
        return e.event().getAsJsonObject("contexts").getAsJsonObject("trace");
    }
}
