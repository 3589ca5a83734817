package org.sentry4j.log4j2;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.status.StatusLogger;
import org.sentry4j.SentryOptions;
import org.apache.logging.log4j.core.LogEvent;
import org.sentry4j.logging.LogFrontEnd;

/**
 * The {@code <Sentry>} element's attributes: every core option (as text, parsed by the core under its
 * canonical name, so errors name the setting) plus the appender's own thresholds and context tags.
 * Attributes left out, blank or unresolved lookups are filled from {@code -Dsentry.*}, {@code SENTRY_*}
 * and {@code sentry.properties}.
 */
public final class SentryAppenderBuilder extends AbstractAppender.Builder<SentryAppenderBuilder>
        implements org.apache.logging.log4j.core.util.Builder<SentryAppender> {
    static final Level DEFAULT_EVENT_LEVEL = Level.ERROR;
    static final Level DEFAULT_BREADCRUMB_LEVEL = Level.INFO;

    @PluginBuilderAttribute(sensitive = true)
    private String dsn;
    @PluginBuilderAttribute
    private String release;
    @PluginBuilderAttribute
    private String environment;
    @PluginBuilderAttribute
    private String dist;
    @PluginBuilderAttribute
    private String serverName;
    @PluginBuilderAttribute
    private String sampleRate;
    @PluginBuilderAttribute
    private String maxBreadcrumbs;
    @PluginBuilderAttribute
    private String debug;
    @PluginBuilderAttribute
    private String shutdownTimeout;
    @PluginBuilderAttribute
    private String attachStacktrace;
    @PluginBuilderAttribute
    private String sendDefaultPii;
    @PluginBuilderAttribute
    private String inAppIncludes;
    @PluginBuilderAttribute
    private String inAppExcludes;
    @PluginBuilderAttribute
    private String ignoredExceptions;
    @PluginBuilderAttribute
    private String tags;
    @PluginBuilderAttribute
    private String defaultIntegrations;
    @PluginBuilderAttribute
    private String maxQueueSize;
    @PluginBuilderAttribute
    private String maxQueueBytes;
    @PluginBuilderAttribute
    private String maxPendingEvents;
    @PluginBuilderAttribute
    private String threadPriority;
    @PluginBuilderAttribute
    private String cacheDir;
    @PluginBuilderAttribute
    private String maxCacheItems;
    @PluginBuilderAttribute
    private String maxCacheBytes;
    @PluginBuilderAttribute
    private String maxCacheAge;
    @PluginBuilderAttribute
    private String proxyHost;
    @PluginBuilderAttribute
    private String proxyPort;
    @PluginBuilderAttribute
    private String proxyUser;
    @PluginBuilderAttribute(sensitive = true)
    private String proxyPass;
    @PluginBuilderAttribute
    private String connectTimeout;
    @PluginBuilderAttribute
    private String readTimeout;
    @PluginBuilderAttribute
    private String sendClientReports;
    @PluginBuilderAttribute
    private String spotlight;
    @PluginBuilderAttribute
    private String spotlightUrl;
    @PluginBuilderAttribute
    private String logsEnabled;
    @PluginBuilderAttribute
    private String minimumLogLevel;

    @PluginBuilderAttribute
    private String minimumEventLevel;
    @PluginBuilderAttribute
    private String minimumBreadcrumbLevel;
    @PluginBuilderAttribute
    private String contextTags;

    SentryAppenderBuilder() {
    }

    // Setters, for programmatic configuration; every option is text, parsed and checked by the core.
    /** Null, blank or an unresolved lookup leaves it to -Dsentry.dsn / SENTRY_DSN / sentry.properties. */
    public SentryAppenderBuilder setDsn(String dsn) {
        this.dsn = dsn;
        return this;
    }

    public SentryAppenderBuilder setRelease(String release) {
        this.release = release;
        return this;
    }

    public SentryAppenderBuilder setEnvironment(String environment) {
        this.environment = environment;
        return this;
    }

    public SentryAppenderBuilder setDist(String dist) {
        this.dist = dist;
        return this;
    }

    public SentryAppenderBuilder setServerName(String serverName) {
        this.serverName = serverName;
        return this;
    }

    public SentryAppenderBuilder setSampleRate(String sampleRate) {
        this.sampleRate = sampleRate;
        return this;
    }

    public SentryAppenderBuilder setMaxBreadcrumbs(String maxBreadcrumbs) {
        this.maxBreadcrumbs = maxBreadcrumbs;
        return this;
    }

    public SentryAppenderBuilder setDebug(String debug) {
        this.debug = debug;
        return this;
    }

    public SentryAppenderBuilder setShutdownTimeout(String shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
        return this;
    }

    public SentryAppenderBuilder setAttachStacktrace(String attachStacktrace) {
        this.attachStacktrace = attachStacktrace;
        return this;
    }

    public SentryAppenderBuilder setSendDefaultPii(String sendDefaultPii) {
        this.sendDefaultPii = sendDefaultPii;
        return this;
    }

    public SentryAppenderBuilder setInAppIncludes(String inAppIncludes) {
        this.inAppIncludes = inAppIncludes;
        return this;
    }

    public SentryAppenderBuilder setInAppExcludes(String inAppExcludes) {
        this.inAppExcludes = inAppExcludes;
        return this;
    }

    public SentryAppenderBuilder setIgnoredExceptions(String ignoredExceptions) {
        this.ignoredExceptions = ignoredExceptions;
        return this;
    }

    public SentryAppenderBuilder setTags(String tags) {
        this.tags = tags;
        return this;
    }

    public SentryAppenderBuilder setDefaultIntegrations(String defaultIntegrations) {
        this.defaultIntegrations = defaultIntegrations;
        return this;
    }

    public SentryAppenderBuilder setMaxQueueSize(String maxQueueSize) {
        this.maxQueueSize = maxQueueSize;
        return this;
    }

    public SentryAppenderBuilder setMaxQueueBytes(String maxQueueBytes) {
        this.maxQueueBytes = maxQueueBytes;
        return this;
    }

    public SentryAppenderBuilder setMaxPendingEvents(String maxPendingEvents) {
        this.maxPendingEvents = maxPendingEvents;
        return this;
    }

    public SentryAppenderBuilder setThreadPriority(String threadPriority) {
        this.threadPriority = threadPriority;
        return this;
    }

    public SentryAppenderBuilder setCacheDir(String cacheDir) {
        this.cacheDir = cacheDir;
        return this;
    }

    public SentryAppenderBuilder setMaxCacheItems(String maxCacheItems) {
        this.maxCacheItems = maxCacheItems;
        return this;
    }

    public SentryAppenderBuilder setMaxCacheBytes(String maxCacheBytes) {
        this.maxCacheBytes = maxCacheBytes;
        return this;
    }

    public SentryAppenderBuilder setMaxCacheAge(String maxCacheAge) {
        this.maxCacheAge = maxCacheAge;
        return this;
    }

    public SentryAppenderBuilder setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
        return this;
    }

    public SentryAppenderBuilder setProxyPort(String proxyPort) {
        this.proxyPort = proxyPort;
        return this;
    }

    public SentryAppenderBuilder setProxyUser(String proxyUser) {
        this.proxyUser = proxyUser;
        return this;
    }

    public SentryAppenderBuilder setProxyPass(String proxyPass) {
        this.proxyPass = proxyPass;
        return this;
    }

    public SentryAppenderBuilder setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    public SentryAppenderBuilder setReadTimeout(String readTimeout) {
        this.readTimeout = readTimeout;
        return this;
    }

    public SentryAppenderBuilder setSendClientReports(String sendClientReports) {
        this.sendClientReports = sendClientReports;
        return this;
    }

    /** {@code true}, {@code false} or the Spotlight sidecar's URL. */
    public SentryAppenderBuilder setSpotlight(String spotlight) {
        this.spotlight = spotlight;
        return this;
    }

    public SentryAppenderBuilder setSpotlightUrl(String spotlightUrl) {
        this.spotlightUrl = spotlightUrl;
        return this;
    }

    /** Sends structured logs (Sentry Logs), default false. */
    public SentryAppenderBuilder setLogsEnabled(String logsEnabled) {
        this.logsEnabled = logsEnabled;
        return this;
    }

    /** Level from which records become structured logs when logs are enabled (default INFO). */
    public SentryAppenderBuilder setMinimumLogLevel(String minimumLogLevel) {
        this.minimumLogLevel = minimumLogLevel;
        return this;
    }

    /** Level from which logs become events (default ERROR). */
    public SentryAppenderBuilder setMinimumEventLevel(String minimumEventLevel) {
        this.minimumEventLevel = minimumEventLevel;
        return this;
    }

    /** Level from which logs become breadcrumbs (default INFO). */
    public SentryAppenderBuilder setMinimumBreadcrumbLevel(String minimumBreadcrumbLevel) {
        this.minimumBreadcrumbLevel = minimumBreadcrumbLevel;
        return this;
    }

    /** Comma-separated ThreadContext keys that become tags; unset means every key. */
    public SentryAppenderBuilder setContextTags(String contextTags) {
        this.contextTags = contextTags;
        return this;
    }

    /** The core options given as attributes, by canonical name, as written; unset ones are absent. */
    Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        put(s, "dsn", dsn);
        put(s, "release", release);
        put(s, "environment", environment);
        put(s, "dist", dist);
        put(s, "server-name", serverName);
        put(s, "sample-rate", sampleRate);
        put(s, "max-breadcrumbs", maxBreadcrumbs);
        put(s, "debug", debug);
        put(s, "shutdown-timeout", shutdownTimeout);
        put(s, "attach-stacktrace", attachStacktrace);
        put(s, "send-default-pii", sendDefaultPii);
        put(s, "in-app-includes", inAppIncludes);
        put(s, "in-app-excludes", inAppExcludes);
        put(s, "ignored-exceptions", ignoredExceptions);
        put(s, "tags", tags);
        put(s, "default-integrations", defaultIntegrations);
        put(s, "max-queue-size", maxQueueSize);
        put(s, "max-queue-bytes", maxQueueBytes);
        put(s, "max-pending-events", maxPendingEvents);
        put(s, "thread-priority", threadPriority);
        put(s, "cache-dir", cacheDir);
        put(s, "max-cache-items", maxCacheItems);
        put(s, "max-cache-bytes", maxCacheBytes);
        put(s, "max-cache-age", maxCacheAge);
        put(s, "proxy.host", proxyHost);
        put(s, "proxy.port", proxyPort);
        put(s, "proxy.user", proxyUser);
        put(s, "proxy.pass", proxyPass);
        put(s, "connect-timeout", connectTimeout);
        put(s, "read-timeout", readTimeout);
        put(s, "send-client-reports", sendClientReports);
        put(s, "spotlight", spotlight);
        put(s, "spotlight-url", spotlightUrl);
        put(s, "logs-enabled", logsEnabled);
        put(s, "minimum-log-level", minimumLogLevel);
        return s;
    }

    private static void put(Map<String, String> settings, String name, String value) {
        if (value != null) {
            settings.put(name, value);
        }
    }

    /**
     * Never fails: a configuration problem is reported on the StatusLogger and leaves an appender that
     * starts no client of its own (it still forwards to a client the application starts).
     */
    @Override
    public SentryAppender build() {
        try {
            return buildUnguarded();
        } catch (Throwable t) { // NOPMD: a LinkageError too; Log4j2 reports a null plugin and goes on
            StatusLogger.getLogger().error("Sentry appender '" + getName() + "' could not be created: "
                    + LogFrontEnd.describe(t) + "; logging goes on without it", t);
            return null;
        }
    }

    private SentryAppender buildUnguarded() {
        String name = getName();
        String prefix = "Sentry appender '" + name + "': ";
        StatusLogger status = StatusLogger.getLogger();
        int eventLevel = DEFAULT_EVENT_LEVEL.intLevel();
        int breadcrumbLevel = DEFAULT_BREADCRUMB_LEVEL.intLevel();
        try {
            eventLevel = Severity.parse("minimumEventLevel",
                    ClientOptions.given("minimumEventLevel", minimumEventLevel, prefix, status), DEFAULT_EVENT_LEVEL);
            breadcrumbLevel = Severity.parse("minimumBreadcrumbLevel",
                    ClientOptions.given("minimumBreadcrumbLevel", minimumBreadcrumbLevel, prefix, status),
                    DEFAULT_BREADCRUMB_LEVEL);
        } catch (IllegalArgumentException e) {
            status.error(prefix + e.getMessage() + "; using the defaults (events from "
                    + DEFAULT_EVENT_LEVEL + ", breadcrumbs from " + DEFAULT_BREADCRUMB_LEVEL + ")");
        }
        SentryOptions options = ClientOptions.build(settings(), prefix, status);
        LogFrontEnd.Builder<LogEvent> frontEnd = LogFrontEnd.builder(SentryAppender.FRAMEWORK, Log4j2Events.INSTANCE)
                .minimumEventLevel(Severity.threshold(eventLevel))
                .minimumBreadcrumbLevel(Severity.threshold(breadcrumbLevel))
                .contextTags(splitKeys(ClientOptions.given("contextTags", contextTags, prefix, status)));
        return new SentryAppender(name, getFilter(), isIgnoreExceptions(), getPropertyArray(), options, frontEnd);
    }

    private static Set<String> splitKeys(String text) {
        Set<String> keys = new LinkedHashSet<>();
        if (text != null) {
            for (String key : text.split(",")) {
                if (!key.isBlank()) {
                    keys.add(key.trim());
                }
            }
        }
        return keys;
    }
}
