package org.sentry4j;

import java.time.Instant;
import org.sentry4j.internal.CallbackGuard;
import org.sentry4j.internal.logs.LogEntry;

/**
 * Structured logs (Sentry Logs) from the application's own code: {@code Sentry.logger().info("Order %s
 * failed for %s", orderId, user)}. The template is {@link String#format}'s ({@code %s}, {@code %d}, …),
 * the same as io.sentry's {@code Sentry.logger()}, so a call reads alike on both SDKs and Sentry shows
 * the same {@code sentry.message.template}; each argument is sent as {@code sentry.message.parameter.N}
 * (numbers and booleans keep their type).
 *
 * <p>Sent only with {@code logsEnabled}; every level is sent ({@code minimumLogLevel} is the logging
 * frameworks' threshold). A call never throws and never waits: it copies the arguments (an argument
 * that may change later as its text) and the thread's trace, and queues the log; the body, the
 * attributes, {@code beforeSendLog} and the JSON are done on the SDK's worker, which sends batches of
 * up to 100 logs at most every 5 seconds and at {@code flush} / {@code close}.
 */
public final class SentryLogger {
    static final SentryLogger INSTANCE = new SentryLogger();

    private SentryLogger() {
    }

    public void trace(String template, Object... arguments) {
        log(SentryLogLevel.TRACE, template, arguments);
    }

    public void debug(String template, Object... arguments) {
        log(SentryLogLevel.DEBUG, template, arguments);
    }

    public void info(String template, Object... arguments) {
        log(SentryLogLevel.INFO, template, arguments);
    }

    public void warn(String template, Object... arguments) {
        log(SentryLogLevel.WARN, template, arguments);
    }

    public void error(String template, Object... arguments) {
        log(SentryLogLevel.ERROR, template, arguments);
    }

    public void fatal(String template, Object... arguments) {
        log(SentryLogLevel.FATAL, template, arguments);
    }

    /** A log at {@code level}; a null level is {@code info}, a null template an empty body. */
    public void log(SentryLogLevel level, String template, Object... arguments) {
        Hub h = Sentry.hub();
        if (!h.isEnabled() || CallbackGuard.mustDrop()) {
            return; // nothing from the SDK's own threads or from inside a callback
        }
        try {
            if (!h.client.logsEnabled()) {
                h.client.diagnostics().once("logs.off", "Sentry.logger() was called but logs-enabled is off:"
                        + " its logs are not sent");
                return;
            }
            Instant now = h.client.options().clock().instant();
            Thread thread = Thread.currentThread();
            LogEntry.Builder entry = LogEntry.builder()
                    .timestamp(now.getEpochSecond(), now.getNano())
                    .level(level != null ? level : SentryLogLevel.INFO)
                    .template(template != null ? template : "", arguments, null)
                    .thread(thread.getName(), thread.getId());
            scope(h, entry);
            h.client.captureLog(entry.build());
        } catch (Throwable t) { // NOPMD: logging must never break the application
            h.client.diagnostics().debug("log capture failed", t);
        }
    }

    /** What a log takes from this thread's scope: its trace and, with sendDefaultPii, its user. */
    static void scope(Hub h, LogEntry.Builder entry) {
        entry.trace(Sentry.currentTrace(h));
        if (h.client.options().sendDefaultPii()) {
            User user = h.scopes.current().getUser();
            entry.user(user != null ? user : h.scopes.global().getUser());
        }
    }
}
