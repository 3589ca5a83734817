package org.sentry4j.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.sentry4j.Breadcrumb;
import org.sentry4j.SentryEvent;
import org.sentry4j.protocol.ExceptionValue;
import org.sentry4j.protocol.Message;
import org.sentry4j.protocol.StackFrame;

/**
 * Keeps events within Relay's limits by trimming, never by failing: field lengths (protocol sections 4
 * and 5), tag keys and values, and the 1 MiB item size, which is met by shedding breadcrumbs, then
 * frames, then extras, then message text.
 */
public final class EventLimits {
    public static final int MAX_MESSAGE = 8192;
    public static final int MAX_TAG = 200;
    public static final int MAX_LOGGER = 64;
    public static final int MAX_CATEGORY = 128;
    public static final int MAX_EVENT_BYTES = 1024 * 1024;

    private EventLimits() {
    }

    /** Trims every field of {@code e} to its limit, in place. */
    public static void trimFields(SentryEvent e) {
        Message m = e.getMessage();
        if (m != null) {
            List<String> params = new ArrayList<>(m.params().size());
            for (String p : m.params()) {
                params.add(truncate(p, MAX_MESSAGE));
            }
            e.setMessage(new Message(truncate(m.formatted(), MAX_MESSAGE), truncate(m.template(), MAX_MESSAGE), params));
        }
        List<ExceptionValue> exceptions = e.getExceptions();
        for (int i = 0; i < exceptions.size(); i++) {
            ExceptionValue ex = exceptions.get(i);
            if (ex.value() != null && ex.value().length() > MAX_MESSAGE) {
                exceptions.set(i, ex.withValue(truncate(ex.value(), MAX_MESSAGE)));
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        e.getTags().forEach((k, v) -> {
            if (k != null && v != null) {
                tags.put(tagKey(k), tagValue(v));
            }
        });
        e.getTags().clear();
        e.getTags().putAll(tags);
        e.setLogger(keepEnd(singleLine(e.getLogger()), MAX_LOGGER));
        e.setEnvironment(truncate(e.getEnvironment(), 64));
        e.setRelease(truncate(e.getRelease(), 200));
        e.setTransaction(truncate(e.getTransaction(), 200));
        e.setServerName(truncate(e.getServerName(), 256));
        List<Breadcrumb> crumbs = e.getBreadcrumbs();
        for (int i = 0; i < crumbs.size(); i++) {
            Breadcrumb b = crumbs.get(i);
            if (b == null) {
                continue;
            }
            if ((b.message() != null && b.message().length() > MAX_MESSAGE)
                    || (b.category() != null && b.category().length() > MAX_CATEGORY)
                    || (b.type() != null && b.type().length() > MAX_CATEGORY)) {
                crumbs.set(i, b.toBuilder().message(truncate(b.message(), MAX_MESSAGE))
                        .category(truncate(b.category(), MAX_CATEGORY)).type(truncate(b.type(), MAX_CATEGORY)).build());
            }
        }
        crumbs.removeIf(b -> b == null);
    }

    /**
     * Serializes {@code e}, shrinking it until its JSON ({@code size} bytes of what {@code serializer}
     * makes) fits {@link #MAX_EVENT_BYTES}.
     */
    public static <T> T serializeWithin(SentryEvent e, Function<SentryEvent, T> serializer, ToIntFunction<T> size) {
        T bytes = serializer.apply(e);
        if (size.applyAsInt(bytes) <= MAX_EVENT_BYTES) {
            return bytes;
        }
        List<Runnable> steps = List.of(
                () -> keepNewest(e.getBreadcrumbs(), 10),
                () -> e.getBreadcrumbs().clear(),
                () -> shortenFrames(e, 50),
                () -> e.getExtra().clear(),
                () -> e.getContexts().keySet().removeIf(k -> !k.equals("os") && !k.equals("runtime")),
                () -> shortenFrames(e, 10),
                () -> e.getModules().clear(),
                () -> e.getThreads().clear(),
                () -> shortenMessages(e, 1024));
        for (Runnable step : steps) {
            step.run();
            bytes = serializer.apply(e);
            if (size.applyAsInt(bytes) <= MAX_EVENT_BYTES) {
                return bytes;
            }
        }
        return bytes;
    }

    private static void keepNewest(List<Breadcrumb> crumbs, int n) {
        if (crumbs.size() > n) {
            crumbs.subList(0, crumbs.size() - n).clear();
        }
    }

    private static void shortenFrames(SentryEvent e, int max) {
        List<ExceptionValue> exceptions = e.getExceptions();
        for (int i = 0; i < exceptions.size(); i++) {
            List<StackFrame> frames = exceptions.get(i).frames();
            if (frames.size() > max) {
                exceptions.set(i, exceptions.get(i).withFrames(frames.subList(frames.size() - max, frames.size())));
            }
        }
        e.getThreads().replaceAll(t -> t.frames().size() > max
                ? t.withFrames(t.frames().subList(t.frames().size() - max, t.frames().size())) : t);
    }

    private static void shortenMessages(SentryEvent e, int max) {
        Message m = e.getMessage();
        if (m != null) {
            e.setMessage(new Message(truncate(m.formatted(), max), truncate(m.template(), max), List.of()));
        }
        e.getExceptions().replaceAll(ex -> ex.withValue(truncate(ex.value(), max)));
    }

    public static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "\u2026";
    }

    private static String keepEnd(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return "\u2026" + s.substring(s.length() - max + 1);
    }

    private static String singleLine(String s) {
        return s == null ? null : s.replace('\n', ' ').replace('\r', ' ');
    }

    /** A valid tag key: at most 200 characters of {@code a-zA-Z0-9_.:-}; spaces become {@code -}, others {@code _}. */
    public static String tagKey(String key) {
        StringBuilder sb = new StringBuilder(Math.min(key.length(), MAX_TAG));
        for (int i = 0; i < key.length() && sb.length() < MAX_TAG; i++) {
            char c = key.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '-') {
                sb.append(c);
            } else {
                sb.append(c == ' ' ? '-' : '_');
            }
        }
        return sb.length() == 0 ? "_" : sb.toString();
    }

    /** A valid tag value: one line, at most 200 characters. */
    public static String tagValue(String value) {
        return truncate(singleLine(value), MAX_TAG);
    }

    /** Whether {@code key}/{@code value} can be a tag without being changed. */
    public static boolean isValidTag(String key, String value) {
        return key != null && value != null && !key.isEmpty() && key.length() <= MAX_TAG
                && value.length() <= MAX_TAG && tagKey(key).equals(key)
                && value.indexOf('\n') < 0 && value.indexOf('\r') < 0;
    }
}
