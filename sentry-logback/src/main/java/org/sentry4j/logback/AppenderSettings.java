package org.sentry4j.logback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sentry4j.SentryOptions;
import org.sentry4j.logging.OptionNames;
import org.sentry4j.transport.Dsn;

/**
 * The Sentry options of a {@link SentryAppender} as text, one setter per option so that Logback's XML can
 * name each as an element. Used both for the appender's direct children and for the nested
 * {@code <options>} element that the official appender's configurations use. Every value goes through
 * {@link SentryOptions.Builder#set(String, String)}; an empty value, or a variable Logback could not
 * resolve ({@code SENTRY_DSN_IS_UNDEFINED}), counts as not set, so the ambient sources can fill it.
 * The official appender's own names for a few options, and its nested {@code <proxy>}, are accepted too.
 */
public class AppenderSettings {
    private static final String UNRESOLVED_SUFFIX = "_IS_UNDEFINED";

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> contextTags = new ArrayList<>();
    private String unresolvedDsn;
    private ProxySettings proxy;

    public void setDsn(String dsn) {
        if (isUnresolved(dsn)) {
            unresolvedDsn = Dsn.redact(dsn.trim()); // only ever shown
        }
        put("dsn", dsn);
    }

    public void setRelease(String value) {
        put("release", value);
    }

    public void setEnvironment(String value) {
        put("environment", value);
    }

    public void setDist(String value) {
        put("dist", value);
    }

    public void setServerName(String value) {
        put("server-name", value);
    }

    public void setSampleRate(String value) {
        put("sample-rate", value);
    }

    public void setMaxBreadcrumbs(String value) {
        put("max-breadcrumbs", value);
    }

    /** SDK diagnostics go to stderr (never through Logback, to avoid recursion). */
    public void setDebug(String value) {
        put("debug", value);
    }

    public void setShutdownTimeout(String value) {
        put("shutdown-timeout", value);
    }

    public void setAttachStacktrace(String value) {
        put("attach-stacktrace", value);
    }

    public void setSendDefaultPii(String value) {
        put("send-default-pii", value);
    }

    /** Comma-separated package prefixes. */
    public void setInAppIncludes(String value) {
        append("in-app-includes", value);
    }

    /** One package prefix; the element may repeat. */
    public void addInAppInclude(String value) {
        append("in-app-includes", value);
    }

    public void setInAppExcludes(String value) {
        append("in-app-excludes", value);
    }

    public void addInAppExclude(String value) {
        append("in-app-excludes", value);
    }

    /** Comma-separated exception class names. */
    public void setIgnoredExceptions(String value) {
        append("ignored-exceptions", value);
    }

    public void addIgnoredException(String value) {
        append("ignored-exceptions", value);
    }

    /** {@code key=value} pairs separated by commas. */
    public void setTags(String value) {
        append("tags", value);
    }

    /** One {@code key=value} pair; the element may repeat. */
    public void addTag(String value) {
        append("tags", value);
    }

    public void setDefaultIntegrations(String value) {
        put("default-integrations", value);
    }

    public void setMaxQueueSize(String value) {
        put("max-queue-size", value);
    }

    public void setMaxQueueBytes(String value) {
        put("max-queue-bytes", value);
    }

    public void setMaxPendingEvents(String value) {
        put("max-pending-events", value);
    }

    public void setThreadPriority(String value) {
        put("thread-priority", value);
    }

    public void setCacheDir(String value) {
        put("cache-dir", value);
    }

    public void setMaxCacheItems(String value) {
        put("max-cache-items", value);
    }

    public void setMaxCacheBytes(String value) {
        put("max-cache-bytes", value);
    }

    public void setMaxCacheAge(String value) {
        put("max-cache-age", value);
    }

    public void setProxyHost(String value) {
        put("proxy.host", value);
    }

    public void setProxyPort(String value) {
        put("proxy.port", value);
    }

    public void setProxyUser(String value) {
        put("proxy.user", value);
    }

    public void setProxyPass(String value) {
        put("proxy.pass", value);
    }

    public void setConnectTimeout(String value) {
        put("connect-timeout", value);
    }

    public void setReadTimeout(String value) {
        put("read-timeout", value);
    }

    public void setSendClientReports(String value) {
        put("send-client-reports", value);
    }

    /** {@code true}, {@code false} or the Spotlight sidecar's URL. */
    public void setSpotlight(String value) {
        put("spotlight", value);
    }

    public void setSpotlightUrl(String value) {
        put("spotlight-url", value);
    }

    public void setLogsEnabled(String value) {
        put("logs-enabled", value);
    }

    public void setMinimumLogLevel(String value) {
        put("minimum-log-level", value);
    }

    // The official appender's names; Joran only calls setters, so each alias needs one. They reach the
    // same option as its canonical name, through the core's alias table ({@link OptionNames}).

    /** Milliseconds; the official name of {@code shutdownTimeout}. */
    public void setShutdownTimeoutMillis(String value) {
        putAlias("shutdownTimeoutMillis", value);
    }

    /** The official name of {@code cacheDir}. */
    public void setCacheDirPath(String value) {
        putAlias("cacheDirPath", value);
    }

    /** Milliseconds; the official name of {@code connectTimeout}. */
    public void setConnectionTimeoutMillis(String value) {
        putAlias("connectionTimeoutMillis", value);
    }

    /** Milliseconds; the official name of {@code readTimeout}. */
    public void setReadTimeoutMillis(String value) {
        putAlias("readTimeoutMillis", value);
    }

    /** The official name of {@code defaultIntegrations}. */
    public void setEnableDefaultIntegrations(String value) {
        putAlias("enableDefaultIntegrations", value);
    }

    /** The official nested {@code <proxy>}; the flat {@code proxyHost} etc. win over it. */
    public void setProxy(ProxySettings proxy) {
        this.proxy = proxy;
    }

    /** An MDC key that becomes a tag; once any is given, only these do. The element may repeat. */
    public void addContextTag(String key) {
        if (!isBlankOrUnresolved(key)) {
            contextTags.add(key.trim());
        }
    }

    /** Comma-separated MDC keys, as {@link #addContextTag} each. */
    public void setContextTags(String keys) {
        if (keys != null) {
            for (String key : keys.split(",")) {
                addContextTag(key);
            }
        }
    }

    /** Canonical setting name → text, in the order given. */
    Map<String, String> values() {
        return values;
    }

    List<String> contextTags() {
        return contextTags;
    }

    /** The unresolved DSN variable, e.g. {@code SENTRY_DSN_IS_UNDEFINED}, or null. */
    String unresolvedDsn() {
        return unresolvedDsn;
    }

    /** Adds {@code other}'s values under these; values set here win. */
    void mergeUnder(AppenderSettings other) {
        if (other == null) {
            return;
        }
        other.addProxy();
        addProxy();
        Map<String, String> merged = new LinkedHashMap<>(other.values);
        merged.putAll(values);
        values.clear();
        values.putAll(merged);
        contextTags.addAll(other.contextTags);
        if (unresolvedDsn == null) {
            unresolvedDsn = other.unresolvedDsn;
        }
    }

    /**
     * Applies every value to {@code builder}.
     *
     * @throws IllegalArgumentException naming the setting whose value does not parse
     */
    void applyTo(SentryOptions.Builder builder) {
        addProxy();
        values.forEach(builder::set);
    }

    // Joran may hand over the nested bean before or after filling it: read it only when it is used.
    private void addProxy() {
        if (proxy != null) {
            proxy.addUnder(this);
        }
    }

    void putIfAbsent(String name, String value) {
        if (!values.containsKey(name)) {
            put(name, value);
        }
    }

    private void putAlias(String officialName, String value) {
        put(OptionNames.canonical(officialName), value);
    }

    private void put(String name, String value) {
        if (!isBlankOrUnresolved(value)) {
            values.put(name, value.trim());
        }
    }

    private void append(String name, String value) {
        if (!isBlankOrUnresolved(value)) {
            values.merge(name, value.trim(), (a, b) -> a + "," + b);
        }
    }

    private static boolean isBlankOrUnresolved(String value) {
        return value == null || value.isBlank() || isUnresolved(value);
    }

    private static boolean isUnresolved(String value) {
        return value != null && value.trim().endsWith(UNRESOLVED_SUFFIX);
    }
}
