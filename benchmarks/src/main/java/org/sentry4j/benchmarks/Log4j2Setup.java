package org.sentry4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.appender.NullAppender;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;

/**
 * A private Log4j2 {@link LoggerContext} per variant, from {@code log4j2-sentry.xml} (a root logger at
 * DEBUG). Both SDKs' appenders are plugins named {@code Sentry}, so with both on one class path the XML
 * could not say which it means: they are built through their own factories and added to the root
 * logger; the floor's no-op {@code NullAppender} is added the same way, so the variants differ only in
 * the appender.
 */
final class Log4j2Setup implements Framework {
    private static final String APPENDER = "SENTRY";

    private final Variant variant;
    private final LoggerContext context;
    private final Logger logger;
    private final Logger warmup;

    private Log4j2Setup(Variant variant, LoggerContext context, Logger logger) {
        this.variant = variant;
        this.context = context;
        this.logger = logger;
        this.warmup = context.getLogger(Receiver.WARMUP_LOGGER);
    }

    static Log4j2Setup start(Variant variant, Settings settings) {
        String resource = "log4j2-sentry.xml";
        URL url = Log4j2Setup.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        LoggerContext context = new LoggerContext("bench-" + variant.id());
        Configuration configuration;
        try (InputStream in = url.openStream()) {
            configuration = new XmlConfiguration(context, new ConfigurationSource(in, url));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        context.start(configuration);
        // Every variant's appender, the floor's no-op one included, is attached the same way.
        Appender appender = variant == Variant.FLOOR ? NullAppender.createAppender(APPENDER)
                : sentryAppender(variant, settings);
        appender.start();
        Configuration running = context.getConfiguration();
        running.addAppender(appender);
        running.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
        return new Log4j2Setup(variant, context, context.getLogger(settings.loggerName));
    }

    private static Appender sentryAppender(Variant variant, Settings settings) {
        if (variant == Variant.IO_SENTRY) {
            return io.sentry.log4j2.SentryAppender.createAppender(APPENDER, Level.INFO, Level.ERROR, null,
                    settings.dsn, false, null, CONTEXT_TAGS);
        }
        return Sentry4jLog4j2.appender(APPENDER, settings);
    }

    @Override
    public void debug(String template, Object arg) {
        logger.debug(template, arg);
    }

    @Override
    public void info(String template, Object arg) {
        logger.info(template, arg);
    }

    @Override
    public void error(String template, Object arg, Throwable t) {
        logger.error(template, arg, t);
    }

    @Override
    public void errorMessage(String template, Object arg) {
        logger.error(template, arg);
    }

    @Override
    public void warmupError(String template, Object arg, Throwable t) {
        warmup.error(template, arg, t);
    }

    @Override
    public void putContext(String key, String value) {
        ThreadContext.put(key, value);
    }

    @Override
    public void clearContext() {
        ThreadContext.clearMap();
    }

    @Override
    public void stopLogging() {
        context.stop();
    }

    @Override
    public void close() {
        context.stop();
        Framework.closeSdk(variant);
    }
}
