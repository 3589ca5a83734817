package org.sentry4j.internal.json;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.sentry4j.Breadcrumb;
import org.sentry4j.SentryEvent;
import org.sentry4j.User;
import org.sentry4j.protocol.ExceptionValue;
import org.sentry4j.protocol.Mechanism;
import org.sentry4j.protocol.Message;
import org.sentry4j.protocol.StackFrame;
import org.sentry4j.protocol.ThreadValue;

/**
 * Writes an event as the JSON payload of an {@code event} envelope item (protocol section 4), in the
 * shape Sentry's event schema describes: {@code logentry}, and {@code {values:[…]}} for exceptions,
 * threads and breadcrumbs.
 */
public final class EventSerializer {
    /** The SDK block of every event: name, version, installed integrations and packages. */
    public static final class Sdk {
        final String name;
        final String version;
        final List<String> integrations;
        final Map<String, String> packages;

        public Sdk(String name, String version, List<String> integrations, Map<String, String> packages) {
            this.name = name;
            this.version = version;
            this.integrations = List.copyOf(integrations);
            this.packages = Collections.unmodifiableMap(new LinkedHashMap<>(packages));
        }
    }

    private static final int CACHED_BREADCRUMBS = 4096;
    private static final int CACHED_FRAMES = 8192;

    private volatile Sdk sdk;
    /** Breadcrumbs by identity (they are immutable, and have no value equality). */
    private final FragmentCache<Breadcrumb> breadcrumbJson = new FragmentCache<>(
            new IdentityHashMap<>(CACHED_BREADCRUMBS), CACHED_BREADCRUMBS, EventSerializer::writeBreadcrumb);
    /** Frames by value: a fresh exception's frames are new objects, equal to earlier ones. */
    private final FragmentCache<StackFrame> frameJson = new FragmentCache<>(
            new HashMap<>(), CACHED_FRAMES, EventSerializer::writeFrame);
    private volatile byte[] sdkJson;
    // The modules block repeats in every event: kept with the map it was written from.
    private Map<String, String> lastModules = Map.of();
    private byte[] lastModulesJson;
    /**
     * One buffer reused from event to event (the worker serializes one at a time): allocating and zeroing
     * tens of kilobytes per event was the worker's largest single cost. Another thread that finds it
     * taken uses a fresh one; a buffer grown past {@link #KEPT_BUFFER_BYTES} is not kept.
     */
    private final AtomicReference<JsonOut> spare = new AtomicReference<>(new JsonOut(32_768));
    private static final int KEPT_BUFFER_BYTES = 1 << 20;

    public EventSerializer(Sdk sdk) {
        this.sdk = sdk;
        this.sdkJson = FragmentCache.written(out -> writeSdk(out, sdk));
    }

    /**
     * Lists a front-end (a logging appender module) in the SDK block of the events serialized from now
     * on: {@code integration} in {@code sdk.integrations}, {@code packageName} in {@code sdk.packages}.
     */
    public synchronized void addFrontEnd(String integration, String packageName, String version) {
        Sdk current = sdk;
        if (current.integrations.contains(integration) && current.packages.containsKey(packageName)) {
            return;
        }
        List<String> integrations = new ArrayList<>(current.integrations);
        if (!integrations.contains(integration)) {
            integrations.add(integration);
        }
        Map<String, String> packages = new LinkedHashMap<>(current.packages);
        packages.put(packageName, version);
        Sdk next = new Sdk(current.name, current.version, integrations, packages);
        sdkJson = FragmentCache.written(out -> writeSdk(out, next));
        sdk = next;
    }

    /** What becomes of an event's JSON while it is still in the serializer's reused buffer. */
    @FunctionalInterface
    public interface Output<T> {
        T take(byte[] bytes, int offset, int length);
    }

    public byte[] serialize(SentryEvent event) {
        return serialize(event, (bytes, offset, length) -> Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** Serializes {@code event} and hands the bytes to {@code output} (e.g. to compress them) without a copy. */
    public <T> T serialize(SentryEvent event, Output<T> output) {
        JsonOut taken = spare.getAndSet(null);
        JsonOut out = taken != null ? taken : new JsonOut(32_768);
        try {
            write(out, event);
            return output.take(out.array(), 0, out.size());
        } finally {
            if (out.capacity() <= KEPT_BUFFER_BYTES) {
                out.reset();
                spare.set(out);
            }
        }
    }

    private void write(JsonOut out, SentryEvent e) {
        out.beginObject();
        out.name("event_id").value(e.getEventId());
        out.name("timestamp").value(JsonValues.timestamp(e.getTimestamp()));
        out.name("platform").value("java");
        if (e.getLevel() != null) {
            out.name("level").value(e.getLevel().wireName());
        }
        string(out, "logger", e.getLogger());
        string(out, "transaction", e.getTransaction());
        string(out, "server_name", e.getServerName());
        string(out, "release", e.getRelease());
        string(out, "dist", e.getDist());
        string(out, "environment", e.getEnvironment());
        writeMessage(out, e.getMessage());
        if (!e.getExceptions().isEmpty()) {
            out.name("exception").beginObject().name("values").beginArray();
            for (ExceptionValue ex : e.getExceptions()) {
                writeException(out, ex);
            }
            out.endArray().endObject();
        }
        if (!e.getThreads().isEmpty()) {
            out.name("threads").beginObject().name("values").beginArray();
            for (ThreadValue t : e.getThreads()) {
                writeThread(out, t);
            }
            out.endArray().endObject();
        }
        if (!e.getTags().isEmpty()) {
            out.name("tags").beginObject();
            for (Map.Entry<String, String> tag : e.getTags().entrySet()) {
                if (tag.getKey() != null && tag.getValue() != null) {
                    out.name(tag.getKey()).value(tag.getValue());
                }
            }
            out.endObject();
        }
        if (!e.getExtra().isEmpty()) {
            out.name("extra");
            JsonValues.write(out, e.getExtra(), 0);
        }
        writeUser(out, e.getUser());
        if (!e.getContexts().isEmpty()) {
            out.name("contexts").beginObject();
            for (Map.Entry<String, Map<String, Object>> c : e.getContexts().entrySet()) {
                if (c.getKey() != null && c.getValue() != null) {
                    out.name(c.getKey());
                    JsonValues.write(out, c.getValue(), 1);
                }
            }
            out.endObject();
        }
        if (!e.getFingerprint().isEmpty()) {
            out.name("fingerprint").beginArray();
            for (String part : e.getFingerprint()) {
                out.value(part);
            }
            out.endArray();
        }
        if (!e.getBreadcrumbs().isEmpty()) {
            out.name("breadcrumbs").beginObject().name("values").beginArray();
            breadcrumbJson.writeAll(out, e.getBreadcrumbs());
            out.endArray().endObject();
        }
        if (!e.getModules().isEmpty()) {
            out.name("modules").jsonValue(modulesJson(e.getModules()));
        }
        if (!e.getDebugIds().isEmpty()) {
            out.name("debug_meta").beginObject().name("images").beginArray();
            for (String id : e.getDebugIds()) {
                out.beginObject().name("type").value("jvm").name("debug_id").value(id).endObject();
            }
            out.endArray().endObject();
        }
        out.name("sdk").jsonValue(sdkJson);
        out.endObject();
    }

    private static void string(JsonOut out, String name, String value) {
        if (value != null) {
            out.name(name).value(value);
        }
    }

    private static void writeMessage(JsonOut out, Message m) {
        if (m == null || (m.formatted() == null && m.template() == null)) {
            return;
        }
        out.name("logentry").beginObject();
        string(out, "formatted", m.formatted() != null ? m.formatted() : m.template());
        if (m.template() != null && !m.params().isEmpty()) {
            string(out, "message", m.template());
            out.name("params").beginArray();
            for (String p : m.params()) {
                if (p == null) {
                    out.nullValue();
                } else {
                    out.value(p);
                }
            }
            out.endArray();
        } else if (m.template() != null && !m.template().equals(m.formatted())) {
            string(out, "message", m.template());
        }
        out.endObject();
    }

    private void writeException(JsonOut out, ExceptionValue ex) {
        out.beginObject();
        string(out, "type", ex.type());
        string(out, "value", ex.value());
        string(out, "module", ex.module());
        if (ex.threadId() != null && ex.threadId() >= 0) { // negative: unknown (e.g. behind an async appender)
            out.name("thread_id").value(ex.threadId());
        }
        writeFrames(out, ex.frames());
        Mechanism m = ex.mechanism();
        if (m != null) {
            out.name("mechanism").beginObject();
            out.name("type").value(m.type());
            if (m.handled() != null) {
                out.name("handled").value(m.handled());
            }
            string(out, "source", m.source());
            if (m.exceptionId() != null) {
                out.name("exception_id").value(m.exceptionId());
            }
            if (m.parentId() != null) {
                out.name("parent_id").value(m.parentId());
            }
            out.endObject();
        }
        out.endObject();
    }

    private synchronized byte[] modulesJson(Map<String, String> modules) {
        // Equal maps share their strings (they come from one scan), so this compare is cheap.
        if (lastModulesJson == null || !lastModules.equals(modules)) {
            lastModules = new HashMap<>(modules);
            lastModulesJson = FragmentCache.written(out -> {
                out.beginObject();
                for (Map.Entry<String, String> m : modules.entrySet()) {
                    if (m.getKey() == null || m.getValue() == null) {
                        continue;
                    }
                    out.name(m.getKey()).value(m.getValue());
                }
                out.endObject();
            });
        }
        return lastModulesJson;
    }

    private void writeFrames(JsonOut out, List<StackFrame> frames) {
        if (frames.isEmpty()) {
            return;
        }
        out.name("stacktrace").beginObject().name("frames").beginArray();
        frameJson.writeAll(out, frames);
        out.endArray().endObject();
    }

    private static void writeFrame(JsonOut out, StackFrame f) {
        out.beginObject();
        string(out, "module", f.module());
        string(out, "function", f.function());
        string(out, "filename", f.filename());
        if (f.lineno() > 0) {
            out.name("lineno").value(f.lineno());
        }
        if (f.inApp() != null) {
            out.name("in_app").value(f.inApp());
        }
        out.endObject();
    }

    private void writeThread(JsonOut out, ThreadValue t) {
        out.beginObject();
        if (t.id() >= 0) { // negative: unknown; the schema wants an unsigned id or none
            out.name("id").value(t.id());
        }
        string(out, "name", t.name());
        out.name("current").value(t.current());
        out.name("crashed").value(t.crashed());
        if (t.current()) {
            out.name("state").value("RUNNABLE"); // it was running: it logged, or captured, this event
        }
        writeFrames(out, t.frames());
        out.endObject();
    }

    private static void writeUser(JsonOut out, User u) {
        if (u == null) {
            return;
        }
        out.name("user").beginObject();
        string(out, "id", u.id());
        string(out, "username", u.username());
        string(out, "email", u.email());
        string(out, "ip_address", u.ipAddress());
        if (!u.data().isEmpty()) {
            out.name("data");
            JsonValues.write(out, u.data(), 1);
        }
        out.endObject();
    }

    private static void writeBreadcrumb(JsonOut out, Breadcrumb b) {
        out.beginObject();
        out.name("timestamp").value(JsonValues.timestamp(b.timestamp()));
        string(out, "type", b.type());
        string(out, "category", b.category());
        string(out, "message", b.message());
        if (b.level() != null) {
            out.name("level").value(b.level().wireName());
        }
        if (!b.data().isEmpty()) {
            out.name("data");
            JsonValues.write(out, b.data(), 2);
        }
        out.endObject();
    }

    private static void writeSdk(JsonOut out, Sdk sdk) {
        out.beginObject();
        out.name("name").value(sdk.name);
        out.name("version").value(sdk.version);
        if (!sdk.integrations.isEmpty()) {
            out.name("integrations").beginArray();
            for (String i : sdk.integrations) {
                out.value(i);
            }
            out.endArray();
        }
        if (!sdk.packages.isEmpty()) {
            out.name("packages").beginArray();
            for (Map.Entry<String, String> p : sdk.packages.entrySet()) {
                out.beginObject().name("name").value(p.getKey()).name("version").value(p.getValue()).endObject();
            }
            out.endArray();
        }
        out.endObject();
    }
}
