package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.internal.EventLimits;
import org.sentry4j.internal.FrameConverter;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.InMemoryTransport;

/** Hostile input yields a valid event or a clean drop, never an exception on the caller's thread. */
class BadInputTest {
    private final InMemoryTransport transport = new InMemoryTransport();

    @BeforeEach
    void start() {
        Sentry.init(o -> o.dsn("http://k@127.0.0.1:1/1").ambientSources(false).defaultIntegrations(false)
                .transportFactory(opts -> transport));
    }

    @AfterEach
    void stop() {
        Sentry.close();
    }

    private JsonObject only() {
        assertThat(Sentry.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(transport.events()).hasSize(1);
        JsonObject e = transport.events().get(0);
        EventSchema.assertValid(e);
        return e;
    }

    @Test
    void nullArgumentsAreNoOps() {
        assertThat(Sentry.captureException(null)).isEqualTo(Sentry.EMPTY_ID);
        assertThat(Sentry.captureMessage(null)).isEqualTo(Sentry.EMPTY_ID);
        assertThat(Sentry.captureEvent(null)).isEqualTo(Sentry.EMPTY_ID);
        Sentry.addBreadcrumb((Breadcrumb) null);
        Sentry.configureScope(null);
        Sentry.configureScope(s -> {
            s.setTag(null, "x");
            s.setExtra(null, 1);
            s.setContext(null, null);
            s.setFingerprint(null);
            s.setUser(null);
        });
        assertThat(Sentry.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(transport.events()).isEmpty();
    }

    @Test
    void throwableWhoseMethodsThrowStillMakesAnEvent() {
        RuntimeException evil = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("no message for you");
            }

            @Override
            public String toString() {
                throw new IllegalStateException("no string either");
            }

            @Override
            public synchronized Throwable getCause() {
                throw new IllegalStateException("nor a cause");
            }
        };
        assertThat(Sentry.captureException(evil)).matches("[0-9a-f]{32}");
        JsonObject ex = only().getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject();
        assertThat(ex.get("value").getAsString()).contains("getMessage() threw");
    }

    @Test
    void anExtraThatCannotBeReadWhenTheEventIsSerializedDropsItAsCountedNotSilently() {
        java.util.List<String> changing = new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                throw new java.util.ConcurrentModificationException();
            }

            @Override
            public int size() {
                return 1;
            }

            @Override
            public java.util.Iterator<String> iterator() {
                throw new java.util.ConcurrentModificationException(); // changed by the app while being written
            }
        };
        Sentry.configureScope(s -> s.setExtra("cart", changing));
        Sentry.captureMessage("checkout");
        assertThat(Sentry.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(transport.events()).isEmpty();
        assertThat(transport.discards()).containsEntry("internal_sdk_error:error", 1L);
    }

    @Test
    void causeCyclesAreCut() {
        RuntimeException a = new RuntimeException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        Sentry.captureException(a);
        JsonArray values = only().getAsJsonObject("exception").getAsJsonArray("values");
        assertThat(values).hasSize(2);
    }

    @Test
    void suppressedExceptionsHangOffTheirParent() {
        RuntimeException root = new RuntimeException("close failed", new IllegalStateException("cause"));
        root.addSuppressed(new java.io.IOException("suppressed one"));
        Sentry.captureException(root);
        JsonArray values = only().getAsJsonObject("exception").getAsJsonArray("values");
        assertThat(values).hasSize(3);
        JsonObject last = values.get(2).getAsJsonObject();
        assertThat(last.get("type").getAsString()).isEqualTo("RuntimeException");
        assertThat(last.getAsJsonObject("mechanism").get("exception_id").getAsInt()).isZero();
        boolean sawSuppressed = false;
        for (int i = 0; i < 2; i++) {
            JsonObject m = values.get(i).getAsJsonObject().getAsJsonObject("mechanism");
            assertThat(m.get("parent_id").getAsInt()).isZero();
            sawSuppressed |= m.get("source").getAsString().equals("suppressed[0]");
        }
        assertThat(sawSuppressed).isTrue();
    }

    @Test
    void tenThousandFrameStackIsTrimmedInTheMiddle() {
        RuntimeException deep = new RuntimeException("deep");
        StackTraceElement[] trace = new StackTraceElement[10_000];
        for (int i = 0; i < trace.length; i++) {
            trace[i] = new StackTraceElement("com.shop.Recursion", "level" + i, "Recursion.java", i + 1);
        }
        deep.setStackTrace(trace);
        Sentry.captureException(deep);
        JsonArray frames = only().getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject()
                .getAsJsonObject("stacktrace").getAsJsonArray("frames");
        assertThat(frames).hasSize(FrameConverter.MAX_FRAMES);
        assertThat(frames.get(0).getAsJsonObject().get("function").getAsString()).isEqualTo("level9999");
        assertThat(frames.get(frames.size() - 1).getAsJsonObject().get("function").getAsString()).isEqualTo("level0");
        assertThat(frames.get(0).getAsJsonObject().get("in_app").getAsBoolean()).isTrue();
    }

    @Test
    void loneSurrogatesAndControlCharactersAreEncodable() {
        Sentry.configureScope(s -> s.setTag("bad\nkey with space", "line1\nline2"));
        Sentry.captureMessage("broken \uD800 pair \u0000 nul \u001b esc \uDC00 end");
        JsonObject e = only();
        String formatted = e.getAsJsonObject("logentry").get("formatted").getAsString();
        assertThat(formatted).contains("\uFFFD pair").contains("\u0000 nul");
        assertThat(e.getAsJsonObject("tags").get("bad_key-with-space").getAsString()).isEqualTo("line1 line2");
    }

    @Test
    void oneMegabyteMessageIsTruncated() {
        String huge = "x".repeat(1024 * 1024);
        Sentry.captureMessage(huge);
        String formatted = only().getAsJsonObject("logentry").get("formatted").getAsString();
        assertThat(formatted).hasSize(EventLimits.MAX_MESSAGE).endsWith("\u2026");
    }

    @Test
    void oversizedEventIsShrunkBelowOneMebibyte() {
        Sentry.configureScope(s -> {
            for (int i = 0; i < 40; i++) {
                s.setExtra("blob" + i, "y".repeat(60_000));
            }
        });
        for (int i = 0; i < 100; i++) {
            Sentry.addBreadcrumb("z".repeat(8000));
        }
        Sentry.captureException(new RuntimeException("big"));
        assertThat(Sentry.flush(Duration.ofSeconds(10))).isTrue();
        byte[] payload = transport.envelopes().get(0).items().get(0).payload();
        assertThat(payload.length).isLessThanOrEqualTo(EventLimits.MAX_EVENT_BYTES);
        JsonObject e = transport.events().get(0);
        EventSchema.assertValid(e);
        assertThat(e.getAsJsonObject("exception").getAsJsonArray("values").get(0).getAsJsonObject()
                .get("value").getAsString()).isEqualTo("big");
    }

    @Test
    void oddExtraValuesAreWrittenSafely() {
        Object brokenToString = new Object() {
            @Override
            public String toString() {
                throw new UnsupportedOperationException();
            }
        };
        java.util.Map<String, Object> selfRef = new java.util.HashMap<>();
        selfRef.put("me", selfRef);
        Sentry.configureScope(s -> {
            s.setExtra("broken", brokenToString);
            s.setExtra("cycle", selfRef);
            s.setExtra("nan", Double.NaN);
            s.setExtra("array", new int[] {1, 2});
            s.setExtra("list", List.of("a", 1, true));
        });
        Sentry.captureMessage("odd");
        JsonObject extra = only().getAsJsonObject("extra");
        assertThat(extra.get("broken").getAsString()).contains("toString() threw");
        assertThat(extra.get("nan").getAsString()).isEqualTo("NaN");
        assertThat(extra.getAsJsonArray("array")).hasSize(2);
    }
}
