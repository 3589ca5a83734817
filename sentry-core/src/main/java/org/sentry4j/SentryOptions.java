package org.sentry4j;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.sentry4j.integration.Integration;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.config.AmbientSettings;
import org.sentry4j.internal.config.TextSettings;
import org.sentry4j.transport.Dsn;
import org.sentry4j.transport.Transport;

/**
 * Everything that configures a client, checked once when built. Immutable.
 *
 * <p>Values come from one {@link Builder}. A setting made on the builder (in code, or by an appender
 * from its XML) wins; a setting left unset is taken from the ambient sources, highest first:
 * {@code -Dsentry.*} system properties, {@code SENTRY_*} environment variables, then a
 * {@code sentry.properties} file (named by {@code -Dsentry.properties.file} or
 * {@code SENTRY_PROPERTIES_FILE}, else on the classpath, else in the working directory). An empty
 * ambient value counts as unset. Tags follow that order per tag key, given alone ({@code tags.<key>})
 * or in a list ({@code tags=k=v,...}).
 *
 * <p>A value that is invalid (out of range, or text that does not parse) never keeps the SDK from
 * starting: it is left out, the default is used, and {@link #problems()} says so, naming the setting
 * and the value; {@code Sentry.init} prints them on stderr and the appenders report them through their
 * framework's status. Only a malformed DSN fails {@link Builder#build()}.
 */
public final class SentryOptions {
    /** Where Spotlight's sidecar listens unless told otherwise (Sentry's documented default). */
    public static final String DEFAULT_SPOTLIGHT_URL = "http://localhost:8969/stream";

    private final List<String> problems;
    private final String dsn;
    private final Dsn parsedDsn;
    private final String release;
    private final String environment;
    private final String dist;
    private final String serverName;
    private final double sampleRate;
    private final int maxBreadcrumbs;
    private final boolean debug;
    private final BeforeSendCallback beforeSend;
    private final BeforeBreadcrumbCallback beforeBreadcrumb;
    private final Duration shutdownTimeout;
    private final boolean attachStacktrace;
    private final boolean sendDefaultPii;
    private final List<String> inAppIncludes;
    private final List<String> inAppExcludes;
    private final Set<String> ignoredExceptions;
    private final Map<String, String> tags;
    private final boolean defaultIntegrations;
    private final List<Integration> integrations;
    private final int maxQueueSize;
    private final long maxQueueBytes;
    private final int maxPendingEvents;
    private final int threadPriority;
    private final Path cacheDir;
    private final boolean cacheEnabled;
    private final int maxCacheItems;
    private final long maxCacheBytes;
    private final Duration maxCacheAge;
    private final Proxy proxy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final boolean sendClientReports;
    private final URI spotlightUrl;
    private final boolean logsEnabled;
    private final SentryLogLevel minimumLogLevel;
    private final BeforeSendLogCallback beforeSendLog;
    private final Clock clock;
    private final Random random;
    private final Transport.Factory transportFactory;

    private SentryOptions(Builder b) {
        this.dsn = b.dsn == null ? "" : b.dsn.trim();
        this.parsedDsn = dsn.isEmpty() ? null : Dsn.parse(dsn);
        this.release = b.release;
        this.environment = b.environment;
        this.dist = b.dist;
        this.serverName = b.serverName;
        this.sampleRate = b.sampleRate;
        this.maxBreadcrumbs = b.maxBreadcrumbs;
        this.debug = b.debug;
        this.beforeSend = b.beforeSend;
        this.beforeBreadcrumb = b.beforeBreadcrumb;
        this.shutdownTimeout = b.shutdownTimeout;
        this.attachStacktrace = b.attachStacktrace;
        this.sendDefaultPii = b.sendDefaultPii;
        this.inAppIncludes = List.copyOf(b.inAppIncludes);
        this.inAppExcludes = List.copyOf(b.inAppExcludes);
        this.ignoredExceptions = Set.copyOf(b.ignoredExceptions);
        this.tags = Map.copyOf(b.tags);
        this.defaultIntegrations = b.defaultIntegrations;
        this.integrations = List.copyOf(b.integrations);
        this.maxQueueSize = b.maxQueueSize;
        this.maxQueueBytes = b.maxQueueBytes;
        this.maxPendingEvents = b.maxPendingEvents;
        this.threadPriority = b.threadPriority;
        this.cacheDir = b.cacheDir;
        this.cacheEnabled = b.cacheEnabled;
        this.maxCacheItems = b.maxCacheItems;
        this.maxCacheBytes = b.maxCacheBytes;
        this.maxCacheAge = b.maxCacheAge;
        this.proxy = b.proxyHost == null ? null : new Proxy(b.proxyHost, b.proxyPort, b.proxyUser, b.proxyPassword);
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.sendClientReports = b.sendClientReports;
        boolean spotlightOn = b.spotlight != null ? b.spotlight : b.spotlightUrl != null;
        this.spotlightUrl = spotlightOn ? URI.create(b.spotlightUrl != null ? b.spotlightUrl : DEFAULT_SPOTLIGHT_URL) : null;
        this.logsEnabled = b.logsEnabled;
        this.minimumLogLevel = b.minimumLogLevel;
        this.beforeSendLog = b.beforeSendLog;
        this.clock = b.clock;
        this.random = b.random;
        this.transportFactory = b.transportFactory;
        this.problems = List.copyOf(new ArrayList<>(b.problems));
    }

    /**
     * The settings that were invalid and replaced by their default, one sentence each naming the
     * setting, the value and the default used; empty when all were valid.
     */
    public List<String> problems() {
        return problems;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The DSN as configured; empty when the SDK is disabled. */
    public String dsn() {
        return dsn;
    }

    /** The parsed DSN, or null when it is empty (SDK disabled). */
    public Dsn parsedDsn() {
        return parsedDsn;
    }

    /** Whether a client runs: there is a DSN to send to, or Spotlight is on (which works without one). */
    public boolean isEnabled() {
        return parsedDsn != null || spotlightUrl != null;
    }

    public String release() {
        return release;
    }

    public String environment() {
        return environment;
    }

    public String dist() {
        return dist;
    }

    /** Null means: the host name, looked up once in the background. */
    public String serverName() {
        return serverName;
    }

    public double sampleRate() {
        return sampleRate;
    }

    public int maxBreadcrumbs() {
        return maxBreadcrumbs;
    }

    public boolean debug() {
        return debug;
    }

    public BeforeSendCallback beforeSend() {
        return beforeSend;
    }

    public BeforeBreadcrumbCallback beforeBreadcrumb() {
        return beforeBreadcrumb;
    }

    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    public boolean attachStacktrace() {
        return attachStacktrace;
    }

    public boolean sendDefaultPii() {
        return sendDefaultPii;
    }

    public List<String> inAppIncludes() {
        return inAppIncludes;
    }

    public List<String> inAppExcludes() {
        return inAppExcludes;
    }

    /** Binary class names; a throwable of one of these types or a subclass is not sent. */
    public Set<String> ignoredExceptions() {
        return ignoredExceptions;
    }

    /** Tags added to every event. */
    public Map<String, String> tags() {
        return tags;
    }

    public boolean defaultIntegrations() {
        return defaultIntegrations;
    }

    /** Integrations added on top of the default ones. */
    public List<Integration> integrations() {
        return integrations;
    }

    public int maxQueueSize() {
        return maxQueueSize;
    }

    public long maxQueueBytes() {
        return maxQueueBytes;
    }

    /** Captured events waiting to be processed by the worker; more are dropped and counted. */
    public int maxPendingEvents() {
        return maxPendingEvents;
    }

    /** The Java priority of the SDK's worker, senders and spool thread ({@link Thread#MIN_PRIORITY} by default). */
    public int threadPriority() {
        return threadPriority;
    }

    /** Null means the default folder under the temp dir (one per DSN). */
    public Path cacheDir() {
        return cacheDir;
    }

    /** False when {@code cacheDir} was set to {@code 0}: no disk spool. */
    public boolean cacheEnabled() {
        return cacheEnabled;
    }

    public int maxCacheItems() {
        return maxCacheItems;
    }

    public long maxCacheBytes() {
        return maxCacheBytes;
    }

    public Duration maxCacheAge() {
        return maxCacheAge;
    }

    /** Null when no proxy is configured (the JVM's own proxy properties may still apply). */
    public Proxy proxy() {
        return proxy;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public boolean sendClientReports() {
        return sendClientReports;
    }

    /**
     * Where a copy of every envelope goes for Sentry's local Spotlight sidecar, or null when Spotlight
     * is off (the default).
     */
    public URI spotlightUrl() {
        return spotlightUrl;
    }

    /** Whether structured logs (Sentry Logs) are sent: {@code Sentry.logger()} and the front-ends' records. */
    public boolean logsEnabled() {
        return logsEnabled;
    }

    /** The level from which a logging framework's records become structured logs (default INFO). */
    public SentryLogLevel minimumLogLevel() {
        return minimumLogLevel;
    }

    public BeforeSendLogCallback beforeSendLog() {
        return beforeSendLog;
    }

    public Clock clock() {
        return clock;
    }

    public Random random() {
        return random;
    }

    /** Null means the HTTP transport. */
    public Transport.Factory transportFactory() {
        return transportFactory;
    }

    /** An HTTP proxy; user and password may be null. */
    public static final class Proxy {
        private final String host;
        private final int port;
        private final String user;
        private final String password;

        Proxy(String host, int port, String user, String password) {
            this.host = host;
            this.port = port;
            this.user = user;
            this.password = password;
        }

        public String host() {
            return host;
        }

        public int port() {
            return port;
        }

        public String user() {
            return user;
        }

        public String password() {
            return password;
        }
    }

    /**
     * Collects settings. Setters record that a value was set explicitly, so ambient sources do not
     * override it; {@link #build()} checks every value and names the setting that is wrong.
     */
    public static final class Builder {
        private final Set<String> explicit = new HashSet<>();
        private final Set<String> problems = new LinkedHashSet<>(); // a second build() adds no repeats
        private boolean ambient = true;
        private String dsn;
        private String release;
        private String environment = "production";
        private String dist;
        private String serverName;
        private double sampleRate = 1.0;
        private int maxBreadcrumbs = 100;
        private boolean debug;
        private BeforeSendCallback beforeSend;
        private BeforeBreadcrumbCallback beforeBreadcrumb;
        private Duration shutdownTimeout = Duration.ofSeconds(2);
        private boolean attachStacktrace = true;
        private boolean sendDefaultPii;
        private final List<String> inAppIncludes = new ArrayList<>();
        private final List<String> inAppExcludes = new ArrayList<>();
        private final Set<String> ignoredExceptions = new HashSet<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private boolean defaultIntegrations = true;
        private final List<Integration> integrations = new ArrayList<>();
        private int maxQueueSize = 10_000;
        private long maxQueueBytes = 8L * 1024 * 1024;
        private int maxPendingEvents = 30_000;
        private int threadPriority = Thread.MIN_PRIORITY;
        private Path cacheDir;
        private boolean cacheEnabled = true;
        private int maxCacheItems = 50_000;
        private long maxCacheBytes = 100L * 1024 * 1024;
        private Duration maxCacheAge = Duration.ofHours(24);
        private String proxyHost;
        private int proxyPort = 80;
        private String proxyUser;
        private String proxyPassword;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private boolean sendClientReports = true;
        private Boolean spotlight;
        private String spotlightUrl;
        private boolean logsEnabled;
        private SentryLogLevel minimumLogLevel = SentryLogLevel.INFO;
        private BeforeSendLogCallback beforeSendLog;
        private Clock clock = Clock.systemUTC();
        private Random random = new Random();
        private Transport.Factory transportFactory;

        private Builder() {
        }

        private Builder mark(String setting) {
            explicit.add(setting);
            return this;
        }

        /**
         * Applies a setting given as text (from XML, properties or the environment), by any spelling of
         * its name: {@code server-name}, {@code serverName}, {@code SERVER_NAME}; {@code tags.<name>} sets a tag.
         *
         * An unknown setting, or a value that does not parse, is left out and named in {@link #problems()}.
         */
        public Builder set(String setting, String value) {
            try {
                TextSettings.apply(this, setting, value);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage() + "; ignored");
            }
            return this;
        }

        /** Whether to read {@code -Dsentry.*}, {@code SENTRY_*} and {@code sentry.properties} (default true). */
        public Builder ambientSources(boolean enabled) {
            this.ambient = enabled;
            return this;
        }

        /** Empty or null disables the SDK: every call becomes a cheap no-op. */
        public Builder dsn(String dsn) {
            this.dsn = dsn;
            return mark("dsn");
        }

        public Builder release(String release) {
            this.release = release;
            return mark("release");
        }

        public Builder environment(String environment) {
            this.environment = environment;
            return mark("environment");
        }

        public Builder dist(String dist) {
            this.dist = dist;
            return mark("dist");
        }

        public Builder serverName(String serverName) {
            this.serverName = serverName;
            return mark("server-name");
        }

        /** 0.0 to 1.0: the share of error events sent. */
        public Builder sampleRate(double sampleRate) {
            this.sampleRate = sampleRate;
            return mark("sample-rate");
        }

        public Builder maxBreadcrumbs(int maxBreadcrumbs) {
            this.maxBreadcrumbs = maxBreadcrumbs;
            return mark("max-breadcrumbs");
        }

        /** SDK diagnostics on stderr. */
        public Builder debug(boolean debug) {
            this.debug = debug;
            return mark("debug");
        }

        public Builder beforeSend(BeforeSendCallback beforeSend) {
            this.beforeSend = beforeSend;
            return mark("before-send");
        }

        public Builder beforeBreadcrumb(BeforeBreadcrumbCallback beforeBreadcrumb) {
            this.beforeBreadcrumb = beforeBreadcrumb;
            return mark("before-breadcrumb");
        }

        /** How long {@code close()} and the JVM-exit hook may take to deliver or spool what is left. */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return mark("shutdown-timeout");
        }

        /** Attach the capturing thread's stack to message events (default true). */
        public Builder attachStacktrace(boolean attachStacktrace) {
            this.attachStacktrace = attachStacktrace;
            return mark("attach-stacktrace");
        }

        /** Allow personal data such as the user's IP address to be inferred (default false). */
        public Builder sendDefaultPii(boolean sendDefaultPii) {
            this.sendDefaultPii = sendDefaultPii;
            return mark("send-default-pii");
        }

        /** Package or class prefixes whose frames are the application's own. */
        public Builder addInAppInclude(String prefix) {
            if (prefix != null && !prefix.isBlank()) {
                inAppIncludes.add(prefix.trim());
            }
            return mark("in-app-includes");
        }

        /** Package or class prefixes whose frames are not the application's own. */
        public Builder addInAppExclude(String prefix) {
            if (prefix != null && !prefix.isBlank()) {
                inAppExcludes.add(prefix.trim());
            }
            return mark("in-app-excludes");
        }

        /** Do not send throwables of this type or its subclasses. */
        public Builder addIgnoredException(Class<? extends Throwable> type) {
            return addIgnoredException(type.getName());
        }

        /** Do not send throwables of the class with this binary name, or its subclasses. */
        public Builder addIgnoredException(String className) {
            if (className != null && !className.isBlank()) {
                ignoredExceptions.add(className.trim());
            }
            return mark("ignored-exceptions");
        }

        /** A tag on every event; no ambient source overrides this key. */
        public Builder tag(String key, String value) {
            if (key != null && value != null) {
                tags.put(key, value);
            }
            return mark("tags." + key);
        }

        /** Install the default integrations (default true). */
        public Builder defaultIntegrations(boolean enabled) {
            this.defaultIntegrations = enabled;
            return mark("default-integrations");
        }

        public Builder addIntegration(Integration integration) {
            if (integration != null) {
                integrations.add(integration);
            }
            return this;
        }

        /** Envelopes waiting in memory; more go to the disk spool, or are dropped without one (default 10 000; maxQueueBytes bounds it too). */
        public Builder maxQueueSize(int maxQueueSize) {
            this.maxQueueSize = maxQueueSize;
            return mark("max-queue-size");
        }

        /** Bytes of envelopes waiting in memory for a sender (default 8 MiB: enough to keep the senders busy; a backlog waits more compactly as captures in front of the worker). */
        public Builder maxQueueBytes(long maxQueueBytes) {
            this.maxQueueBytes = maxQueueBytes;
            return mark("max-queue-bytes");
        }

        /**
         * Captured events waiting for the SDK's worker (default 30 000): a burst this large is absorbed
         * whole; beyond it events are dropped and counted as {@code queue_overflow}, so an error storm
         * never slows the application or exhausts its memory.
         */
        public Builder maxPendingEvents(int maxPendingEvents) {
            this.maxPendingEvents = maxPendingEvents;
            return mark("max-pending-events");
        }

        /**
         * The Java priority of the SDK's long-lived threads (worker, senders, spool), from
         * {@link Thread#MIN_PRIORITY} (the default: reporting waits for idle CPU rather than take cores
         * from the application) to {@link Thread#MAX_PRIORITY}. An application that keeps its cores busy
         * all the time and wants errors delivered promptly raises it. Windows honours it as is; Linux only
         * with {@code -XX:ThreadPriorityPolicy=1}, and without root only lowering works (above 5 acts as 5).
         * {@code beforeSend} and event processors run on the worker at this priority, and threads they
         * start inherit it.
         */
        public Builder threadPriority(int threadPriority) {
            this.threadPriority = threadPriority;
            return mark("thread-priority");
        }

        /** Where the disk spool lives; null for the default under the temp dir. */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
            this.cacheEnabled = true;
            return mark("cache-dir");
        }

        /** Turns the disk spool on or off (text setting {@code cacheDir=0} turns it off). */
        public Builder cacheEnabled(boolean enabled) {
            this.cacheEnabled = enabled;
            return mark("cache-dir");
        }

        /**
         * Envelopes the disk spool keeps (default 50 000; with {@code maxCacheBytes} and {@code maxCacheAge}
         * the oldest beyond any bound are removed). Large enough to absorb a burst while the server is down.
         */
        public Builder maxCacheItems(int maxCacheItems) {
            this.maxCacheItems = maxCacheItems;
            return mark("max-cache-items");
        }

        public Builder maxCacheBytes(long maxCacheBytes) {
            this.maxCacheBytes = maxCacheBytes;
            return mark("max-cache-bytes");
        }

        public Builder maxCacheAge(Duration maxCacheAge) {
            this.maxCacheAge = maxCacheAge;
            return mark("max-cache-age");
        }

        public Builder proxy(String host, int port) {
            this.proxyHost = host;
            this.proxyPort = port;
            mark("proxy.host");
            return mark("proxy.port");
        }

        public Builder proxyHost(String host) {
            this.proxyHost = host;
            return mark("proxy.host");
        }

        public Builder proxyPort(int port) {
            this.proxyPort = port;
            return mark("proxy.port");
        }

        public Builder proxyUser(String user) {
            this.proxyUser = user;
            return mark("proxy.user");
        }

        public Builder proxyPassword(String password) {
            this.proxyPassword = password;
            return mark("proxy.pass");
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return mark("connect-timeout");
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return mark("read-timeout");
        }

        public Builder sendClientReports(boolean sendClientReports) {
            this.sendClientReports = sendClientReports;
            return mark("send-client-reports");
        }

        /**
         * Sends a copy of every envelope to Sentry's local Spotlight sidecar (default off), at
         * {@link #spotlightUrl} or {@value SentryOptions#DEFAULT_SPOTLIGHT_URL}. {@code false} turns it off
         * whatever else says otherwise; {@code true} without a URL takes one from {@code SENTRY_SPOTLIGHT}.
         */
        public Builder spotlight(boolean enabled) {
            this.spotlight = enabled;
            return mark("spotlight");
        }

        /** The Spotlight sidecar's URL; setting one turns Spotlight on unless {@code spotlight(false)}. */
        public Builder spotlightUrl(String url) {
            this.spotlightUrl = url == null || url.isBlank() ? null : url.trim();
            return mark("spotlight-url");
        }

        /**
         * Sends structured logs (Sentry Logs, default off): every {@code Sentry.logger()} call, and the
         * logging frameworks' records at or above {@link #minimumLogLevel}, batched into {@code log}
         * envelope items. Text names: {@code logs-enabled}, io.sentry's {@code logs.enabled}.
         */
        public Builder logsEnabled(boolean logsEnabled) {
            this.logsEnabled = logsEnabled;
            return mark("logs-enabled");
        }

        /**
         * The level from which a logging framework's records become structured logs (default INFO),
         * apart from the event and breadcrumb thresholds; {@code Sentry.logger()} sends every level.
         */
        public Builder minimumLogLevel(SentryLogLevel minimumLogLevel) {
            this.minimumLogLevel = minimumLogLevel;
            return mark("minimum-log-level");
        }

        /** Edits or drops (null) each structured log before it is batched; runs on the SDK's worker. */
        public Builder beforeSendLog(BeforeSendLogCallback beforeSendLog) {
            this.beforeSendLog = beforeSendLog;
            return mark("before-send-log");
        }

        /** The clock for timestamps, rate limits and backoff; tests pass one they can advance. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Randomness for sampling and jitter; tests pass a seeded one. */
        public Builder random(Random random) {
            this.random = random;
            return this;
        }

        /** Replaces the HTTP transport (tests use an in-memory one). */
        public Builder transportFactory(Transport.Factory transportFactory) {
            this.transportFactory = transportFactory;
            return this;
        }

        /**
         * Fills unset values from the ambient sources, checks everything and returns the options.
         *
         * @throws IllegalArgumentException for a malformed DSN, naming the problem (never its secret);
         *     any other invalid value falls back to its default, named in {@link SentryOptions#problems()}
         */
        public SentryOptions build() {
            List<String> notes = new ArrayList<>();
            if (ambient) {
                // tags arrive per key (tags.<key>), so a tag set here keeps its value while the
                // ambient sources still add the other keys
                AmbientSettings.load(notes::add).forEach((name, value) -> {
                    if (name.equals("spotlight") && (explicit.contains("spotlight") || explicit.contains("spotlight-url"))) {
                        // Sentry's rule: Spotlight turned on in code or configuration without a URL takes
                        // the URL SENTRY_SPOTLIGHT gives; anything else said there yields to what was set
                        if (Boolean.TRUE.equals(spotlight) && !explicit.contains("spotlight-url")
                                && TextSettings.isSpotlightUrl(value.text())) {
                            spotlightUrl = value.text().trim();
                        }
                        return;
                    }
                    if (!explicit.contains(name)) {
                        Set<String> before = Set.copyOf(explicit);
                        try {
                            TextSettings.applyAmbient(this, value);
                        } catch (IllegalArgumentException e) {
                            problems.add(e.getMessage() + "; ignored");
                        }
                        // ambient values must not count as explicit for a later build of the same builder
                        explicit.retainAll(before);
                    }
                });
            }
            Builder d = new Builder(); // the defaults an invalid value falls back to
            if (!(sampleRate >= 0.0 && sampleRate <= 1.0)) {
                sampleRate = fallBack("sample-rate", sampleRate, "between 0.0 and 1.0", d.sampleRate);
            }
            if (maxBreadcrumbs < 0 || maxBreadcrumbs > 1000) {
                maxBreadcrumbs = fallBack("max-breadcrumbs", maxBreadcrumbs, "between 0 and 1000", d.maxBreadcrumbs);
            }
            shutdownTimeout = nonNegative("shutdown-timeout", shutdownTimeout, d.shutdownTimeout);
            connectTimeout = nonNegative("connect-timeout", connectTimeout, d.connectTimeout);
            readTimeout = nonNegative("read-timeout", readTimeout, d.readTimeout);
            maxCacheAge = nonNegative("max-cache-age", maxCacheAge, d.maxCacheAge);
            if (maxQueueSize < 1) {
                maxQueueSize = fallBack("max-queue-size", maxQueueSize, "at least 1", d.maxQueueSize);
            }
            if (maxQueueBytes < 1024) {
                maxQueueBytes = fallBack("max-queue-bytes", maxQueueBytes, "at least 1024", d.maxQueueBytes);
            }
            if (maxPendingEvents < 1) {
                maxPendingEvents = fallBack("max-pending-events", maxPendingEvents, "at least 1", d.maxPendingEvents);
            }
            if (threadPriority < Thread.MIN_PRIORITY || threadPriority > Thread.MAX_PRIORITY) {
                threadPriority = fallBack("thread-priority", threadPriority,
                        "between " + Thread.MIN_PRIORITY + " and " + Thread.MAX_PRIORITY, d.threadPriority);
            }
            if (maxCacheItems < 0) {
                maxCacheItems = fallBack("max-cache-items", maxCacheItems, "zero or more", d.maxCacheItems);
            }
            if (maxCacheBytes < 0) {
                maxCacheBytes = fallBack("max-cache-bytes", maxCacheBytes, "zero or more", d.maxCacheBytes);
            }
            if (proxyPort <= 0 || proxyPort >= 65536) {
                proxyPort = fallBack("proxy.port", proxyPort, "1-65535", d.proxyPort);
            }
            if (proxyHost != null && !isHostName(proxyHost)) {
                problems.add("proxy.host: '" + proxyHost + "' is not a host name; no proxy is used");
                proxyHost = null;
            }
            if (spotlightUrl != null && !isHttpUrl(spotlightUrl)) {
                spotlightUrl = fallBack("spotlight-url", spotlightUrl, "an http or https URL", DEFAULT_SPOTLIGHT_URL);
            }
            if (environment != null && environment.length() > 64) {
                environment = fallBack("environment", environment, "at most 64 characters", d.environment);
            }
            if (minimumLogLevel == null) {
                minimumLogLevel = fallBack("minimum-log-level", null, "not null", d.minimumLogLevel);
            }
            if (clock == null) {
                clock = fallBack("clock", null, "not null", d.clock);
            }
            if (random == null) {
                random = fallBack("random", null, "not null", d.random);
            }
            if (dsn != null && !dsn.isBlank()) {
                Dsn.parse(dsn); // throws "dsn: ..." naming the problem
            }
            if (debug && !notes.isEmpty()) {
                // known only now whether debug is on; the client's Diagnostics do not exist yet
                Diagnostics diagnostics = new Diagnostics(true, clock, System.err);
                notes.forEach(diagnostics::debug);
            }
            return new SentryOptions(this);
        }

        /** Records that {@code setting} was {@code value}, not {@code rule}; returns the default to use. */
        private <T> T fallBack(String setting, Object value, String rule, T defaultValue) {
            problems.add(setting + ": " + (value instanceof String ? "'" + value + "'" : value) + " is invalid (must be "
                    + rule + "); the default " + defaultValue + " is used");
            return defaultValue;
        }

        private static boolean isHttpUrl(String url) {
            try {
                URI uri = new URI(url);
                return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null;
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }

        private static boolean isHostName(String host) {
            try {
                return host.equals(new java.net.URI("http", null, host, 80, null, null, null).getHost());
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }

        private Duration nonNegative(String setting, Duration value, Duration defaultValue) {
            return value != null && !value.isNegative() ? value : fallBack(setting, value, "zero or more", defaultValue);
        }
    }
}
