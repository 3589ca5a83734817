package org.sentry4j.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * The child elements of {@link SentryAppender} in {@code logback.xml}: the two level thresholds, the
 * official appender's nested {@code <options>}, and one setter per core option, which Logback's
 * configurator finds by name. They only collect the settings, checked when the appender starts; kept
 * apart so that {@link SentryAppender} reads as the appender's lifecycle and its append path.
 *
 * <p>Public on purpose: were it package-private, javac would give {@code SentryAppender} bridge methods
 * for the setters, and Logback's configurator skips bridge methods, so every option would be ignored.
 */
public abstract class SentryAppenderElements extends UnsynchronizedAppenderBase<ILoggingEvent> {
    final AppenderSettings settings = new AppenderSettings();
    AppenderSettings nestedOptions;
    Level minimumEventLevel = Level.ERROR;
    Level minimumBreadcrumbLevel = Level.INFO;

    SentryAppenderElements() {
        // only SentryAppender extends it
    }

    /** The lowest level sent as an event: TRACE, DEBUG, INFO, WARN, ERROR or OFF (default ERROR). */
    public void setMinimumEventLevel(String level) {
        minimumEventLevel = parseLevel("minimumEventLevel", level, minimumEventLevel);
    }

    /** The lowest level kept as a breadcrumb (default INFO). */
    public void setMinimumBreadcrumbLevel(String level) {
        minimumBreadcrumbLevel = parseLevel("minimumBreadcrumbLevel", level, minimumBreadcrumbLevel);
    }

    /** The official appender's nested {@code <options>}; direct children win over it. */
    public void setOptions(AppenderSettings options) {
        this.nestedOptions = options;
    }

    private Level parseLevel(String setting, String text, Level current) {
        Level parsed = text == null ? null : Level.toLevel(text.trim(), null);
        if (parsed == null) {
            addError("Sentry appender: " + setting + ": expected TRACE, DEBUG, INFO, WARN, ERROR or OFF, got '"
                    + text + "'; keeping " + current);
            return current;
        }
        return parsed;
    }

    // Every core option, as Logback XML elements. ConfigurationTest checks none is missing.

    public void setDsn(String value) {
        settings.setDsn(value);
    }

    public void setRelease(String value) {
        settings.setRelease(value);
    }

    public void setEnvironment(String value) {
        settings.setEnvironment(value);
    }

    public void setDist(String value) {
        settings.setDist(value);
    }

    public void setServerName(String value) {
        settings.setServerName(value);
    }

    public void setSampleRate(String value) {
        settings.setSampleRate(value);
    }

    public void setMaxBreadcrumbs(String value) {
        settings.setMaxBreadcrumbs(value);
    }

    /** SDK diagnostics go to stderr (never through Logback). */
    public void setDebug(String value) {
        settings.setDebug(value);
    }

    public void setShutdownTimeout(String value) {
        settings.setShutdownTimeout(value);
    }

    public void setAttachStacktrace(String value) {
        settings.setAttachStacktrace(value);
    }

    public void setSendDefaultPii(String value) {
        settings.setSendDefaultPii(value);
    }

    public void setInAppIncludes(String value) {
        settings.setInAppIncludes(value);
    }

    public void addInAppInclude(String value) {
        settings.addInAppInclude(value);
    }

    public void setInAppExcludes(String value) {
        settings.setInAppExcludes(value);
    }

    public void addInAppExclude(String value) {
        settings.addInAppExclude(value);
    }

    public void setIgnoredExceptions(String value) {
        settings.setIgnoredExceptions(value);
    }

    public void addIgnoredException(String value) {
        settings.addIgnoredException(value);
    }

    public void setTags(String value) {
        settings.setTags(value);
    }

    public void addTag(String value) {
        settings.addTag(value);
    }

    public void setDefaultIntegrations(String value) {
        settings.setDefaultIntegrations(value);
    }

    public void setMaxQueueSize(String value) {
        settings.setMaxQueueSize(value);
    }

    public void setMaxQueueBytes(String value) {
        settings.setMaxQueueBytes(value);
    }

    public void setMaxPendingEvents(String value) {
        settings.setMaxPendingEvents(value);
    }

    public void setThreadPriority(String value) {
        settings.setThreadPriority(value);
    }

    public void setCacheDir(String value) {
        settings.setCacheDir(value);
    }

    public void setMaxCacheItems(String value) {
        settings.setMaxCacheItems(value);
    }

    public void setMaxCacheBytes(String value) {
        settings.setMaxCacheBytes(value);
    }

    public void setMaxCacheAge(String value) {
        settings.setMaxCacheAge(value);
    }

    public void setProxyHost(String value) {
        settings.setProxyHost(value);
    }

    public void setProxyPort(String value) {
        settings.setProxyPort(value);
    }

    public void setProxyUser(String value) {
        settings.setProxyUser(value);
    }

    public void setProxyPass(String value) {
        settings.setProxyPass(value);
    }

    public void setConnectTimeout(String value) {
        settings.setConnectTimeout(value);
    }

    public void setReadTimeout(String value) {
        settings.setReadTimeout(value);
    }

    public void setSendClientReports(String value) {
        settings.setSendClientReports(value);
    }

    public void setSpotlight(String value) {
        settings.setSpotlight(value);
    }

    public void setSpotlightUrl(String value) {
        settings.setSpotlightUrl(value);
    }

    public void setLogsEnabled(String value) {
        settings.setLogsEnabled(value);
    }

    public void setMinimumLogLevel(String value) {
        settings.setMinimumLogLevel(value);
    }

    public void addContextTag(String key) {
        settings.addContextTag(key);
    }

    public void setContextTags(String keys) {
        settings.setContextTags(keys);
    }
}
