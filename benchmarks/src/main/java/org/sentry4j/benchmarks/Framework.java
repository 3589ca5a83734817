package org.sentry4j.benchmarks;

/** A logging framework set up privately for one variant, with the calls the benchmarks make. */
public interface Framework extends AutoCloseable {
    /** The five MDC / ThreadContext keys mapped to tags in case d. */
    String CONTEXT_TAGS = "tenant,region,request_id,user_tier,feature";

    void debug(String template, Object arg);

    void info(String template, Object arg);

    void error(String template, Object arg, Throwable t);

    /** An error without an exception: the event carries the logging call's stack instead (case f). */
    void errorMessage(String template, Object arg);

    /** As {@link #error}, through the logger named {@link Receiver#WARMUP_LOGGER}, so the receiver counts it apart. */
    void warmupError(String template, Object arg, Throwable t);

    /** Puts a value in this framework's thread-bound context (Logback MDC, Log4j2 ThreadContext). */
    void putContext(String key, String value);

    void clearContext();

    /**
     * Stops the logging context (which stops the appender), then closes the SDK, as an application
     * shutting down does: sentry4j's appender closes the client it started itself; io.sentry's leaves
     * that to {@code Sentry.close()} or its shutdown hook.
     */
    @Override
    void close();

    /**
     * Stops the logging context only, as {@code LogManager.shutdown()} or a Logback context's
     * {@code stop()} at the end of a program does; the SDK's own closing is left to its appender and hooks.
     */
    void stopLogging();

    /** Closes the variant's SDK (idempotent; nothing for the floor). */
    static void closeSdk(Variant variant) {
        if (variant == Variant.SENTRY4J) {
            org.sentry4j.Sentry.close();
        } else if (variant == Variant.IO_SENTRY) {
            io.sentry.Sentry.close();
        }
    }

    /** Starts {@code framework} ("logback" or "log4j2") for {@code variant}. */
    static Framework start(String framework, Variant variant, Settings settings) {
        switch (framework) {
            case "logback":
                return LogbackSetup.start(variant, settings);
            case "log4j2":
                return Log4j2Setup.start(variant, settings);
            default:
                throw new IllegalArgumentException("unknown framework " + framework + " (logback, log4j2)");
        }
    }

    /** What a setup needs: where to send, where sentry4j spools, under which logger name. */
    final class Settings {
        final String dsn;
        final String cacheDir;
        final String loggerName;

        public Settings(String dsn, String cacheDir, String loggerName) {
            this.dsn = dsn;
            this.cacheDir = cacheDir;
            this.loggerName = loggerName;
        }
    }
}
