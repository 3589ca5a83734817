package org.sentry4j.benchmarks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import org.slf4j.spi.MDCAdapter;

/**
 * A private Logback {@link LoggerContext} per variant, configured by Joran from
 * {@code logback-<variant>.xml} (never through SLF4J's global {@code LoggerFactory}), so variants cannot
 * share appenders by accident.
 */
final class LogbackSetup implements Framework {
    private final Variant variant;
    private final LoggerContext context;
    private final Logger logger;
    private final Logger warmup;
    private final MDCAdapter mdc;

    private LogbackSetup(Variant variant, LoggerContext context, Logger logger) {
        this.variant = variant;
        this.context = context;
        this.logger = logger;
        this.warmup = context.getLogger(Receiver.WARMUP_LOGGER);
        this.mdc = context.getMDCAdapter();
    }

    static LogbackSetup start(Variant variant, Settings settings) {
        LoggerContext context = new LoggerContext();
        context.setName("bench-" + variant.id());
        if (context.getMDCAdapter() == null) {
            context.setMDCAdapter(new LogbackMDCAdapter());
        }
        context.putProperty("DSN", settings.dsn);
        context.putProperty("CACHE_DIR", settings.cacheDir);
        context.putProperty("CONTEXT_TAGS", CONTEXT_TAGS);
        String resource = "logback-" + variant.id() + ".xml";
        URL url = LogbackSetup.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(url);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure Logback from " + resource, e);
        }
        context.start();
        for (Status s : context.getStatusManager().getCopyOfStatusList()) {
            if (s.getLevel() >= Status.WARN) {
                System.err.println("[logback " + variant.id() + "] " + s.getMessage()
                        + (s.getThrowable() == null ? "" : ": " + s.getThrowable()));
            }
        }
        return new LogbackSetup(variant, context, context.getLogger(settings.loggerName));
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
        mdc.put(key, value);
    }

    @Override
    public void clearContext() {
        mdc.clear();
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
