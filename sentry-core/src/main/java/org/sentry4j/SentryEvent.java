package org.sentry4j;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sentry4j.protocol.ExceptionValue;
import org.sentry4j.protocol.Message;
import org.sentry4j.protocol.ThreadValue;

/**
 * An error or message event on its way to Sentry. This is the one mutable type of the API. A capture
 * takes a copy, which the SDK fills from the scope and options and hands to {@code beforeSend}; that
 * may edit it in place or return another event. Not thread-safe.
 */
public final class SentryEvent {
    private String eventId;
    private Instant timestamp;
    private SentryLevel level;
    private String logger;
    private Message message;
    private Throwable throwable;
    private List<ExceptionValue> exceptions = new ArrayList<>();
    private List<ThreadValue> threads = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> contexts = new LinkedHashMap<>();
    private User user;
    private List<String> fingerprint = new ArrayList<>();
    private List<Breadcrumb> breadcrumbs = new ArrayList<>();
    private String release;
    private String environment;
    private String dist;
    private String serverName;
    private String transaction;
    private final Map<String, String> modules = new LinkedHashMap<>();
    private final List<String> debugIds = new ArrayList<>();

    public SentryEvent() {
        this.timestamp = Instant.now();
    }

    /** An event for a throwable; the SDK turns it into the exception chain. */
    public SentryEvent(Throwable throwable) {
        this();
        this.throwable = throwable;
    }

    /** A copy with its own collections (their elements shared): the capture's, no longer the caller's. */
    private SentryEvent(SentryEvent src) {
        this.eventId = src.eventId;
        this.timestamp = src.timestamp;
        this.level = src.level;
        this.logger = src.logger;
        this.message = src.message;
        this.throwable = src.throwable;
        this.exceptions = copy(src.exceptions);
        this.threads = copy(src.threads);
        this.tags.putAll(src.tags);
        this.extra.putAll(src.extra);
        this.contexts.putAll(src.contexts);
        this.user = src.user;
        this.fingerprint = copy(src.fingerprint);
        this.breadcrumbs = copy(src.breadcrumbs);
        this.release = src.release;
        this.environment = src.environment;
        this.dist = src.dist;
        this.serverName = src.serverName;
        this.transaction = src.transaction;
        this.modules.putAll(src.modules);
        this.debugIds.addAll(src.debugIds);
    }

    /**
     * What {@code Sentry.captureEvent} hands to the worker, so that neither the id it assigns nor
     * what the worker adds (scope, defaults, {@code beforeSend}'s edits) shows up in the caller's
     * object, which may be captured again or changed while the capture is pending.
     */
    SentryEvent copy() {
        return new SentryEvent(this);
    }

    private static <T> List<T> copy(List<T> list) {
        return list.isEmpty() ? new ArrayList<>() : new ArrayList<>(list);
    }

    public String getEventId() {
        return eventId;
    }

    /**
     * 32 hex characters. Captured without one (or with anything else), the event gets a fresh id;
     * capturing never writes into this object, so capturing it again makes another event.
     */
    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Instant timestamp) {
        this.timestamp = timestamp;
    }

    public SentryLevel getLevel() {
        return level;
    }

    public void setLevel(SentryLevel level) {
        this.level = level;
    }

    public String getLogger() {
        return logger;
    }

    public void setLogger(String logger) {
        this.logger = logger;
    }

    public Message getMessage() {
        return message;
    }

    public void setMessage(Message message) {
        this.message = message;
    }

    /** Shorthand for a plain, unparameterised message. */
    public void setMessage(String formatted) {
        this.message = formatted == null ? null : Message.of(formatted);
    }

    /** The throwable this event reports, or null. Not sent itself: the SDK derives {@link #getExceptions()}. */
    public Throwable getThrowable() {
        return throwable;
    }

    public void setThrowable(Throwable throwable) {
        this.throwable = throwable;
    }

    /** The exception chain, oldest (innermost cause) first. Mutable list. */
    public List<ExceptionValue> getExceptions() {
        return exceptions;
    }

    public void setExceptions(List<ExceptionValue> exceptions) {
        this.exceptions = exceptions == null ? new ArrayList<>() : new ArrayList<>(exceptions);
    }

    /** Mutable list. */
    public List<ThreadValue> getThreads() {
        return threads;
    }

    public void setThreads(List<ThreadValue> threads) {
        this.threads = threads == null ? new ArrayList<>() : new ArrayList<>(threads);
    }

    /** Mutable map; event tags win over scope and default tags. */
    public Map<String, String> getTags() {
        return tags;
    }

    public void setTag(String key, String value) {
        if (key != null) {
            if (value == null) {
                tags.remove(key);
            } else {
                tags.put(key, value);
            }
        }
    }

    /** Mutable map. */
    public Map<String, Object> getExtra() {
        return extra;
    }

    public void setExtra(String key, Object value) {
        if (key != null) {
            if (value == null) {
                extra.remove(key);
            } else {
                extra.put(key, value);
            }
        }
    }

    /** Mutable map of context name to its fields ({@code os}, {@code runtime}, your own). */
    public Map<String, Map<String, Object>> getContexts() {
        return contexts;
    }

    public void setContext(String name, Map<String, Object> context) {
        if (name != null) {
            if (context == null) {
                contexts.remove(name);
            } else {
                contexts.put(name, new LinkedHashMap<>(context));
            }
        }
    }

    public User getUser() {
        return user;
    }

    public void setUser(User user) {
        this.user = user;
    }

    /** Mutable list; {@code "{{default}}"} stands for Sentry's own grouping. Empty means default grouping. */
    public List<String> getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(List<String> fingerprint) {
        this.fingerprint = fingerprint == null ? new ArrayList<>() : new ArrayList<>(fingerprint);
    }

    /** Oldest first. Mutable list. */
    public List<Breadcrumb> getBreadcrumbs() {
        return breadcrumbs;
    }

    public void setBreadcrumbs(List<Breadcrumb> breadcrumbs) {
        this.breadcrumbs = breadcrumbs == null ? new ArrayList<>() : new ArrayList<>(breadcrumbs);
    }

    public String getRelease() {
        return release;
    }

    public void setRelease(String release) {
        this.release = release;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getDist() {
        return dist;
    }

    public void setDist(String dist) {
        this.dist = dist;
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public String getTransaction() {
        return transaction;
    }

    public void setTransaction(String transaction) {
        this.transaction = transaction;
    }

    /** Mutable map of module (jar) name to version. */
    public Map<String, String> getModules() {
        return modules;
    }

    /**
     * The debug ids of the source bundles Sentry's Maven or Gradle plugin uploaded for this application
     * ({@code debug_meta.images}, type {@code jvm}), with which Sentry shows source lines in stack traces.
     */
    public List<String> getDebugIds() {
        return debugIds;
    }

    @Override
    public String toString() {
        return "SentryEvent{" + eventId + " " + level + " " + (message != null ? message : throwable) + "}";
    }
}
