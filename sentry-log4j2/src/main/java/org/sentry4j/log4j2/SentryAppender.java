package org.sentry4j.log4j2;

import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.sentry4j.Breadcrumb;
import org.sentry4j.ClientLease;
import org.sentry4j.Hint;
import org.sentry4j.LogCapture;
import org.sentry4j.Sentry;
import org.sentry4j.SentryLevel;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.CallbackGuard;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.SdkThread;
import org.sentry4j.logging.LogArguments;
import org.sentry4j.logging.LogMessageFormatter;
import org.sentry4j.logging.LogRecord;
import org.sentry4j.logging.LogRecordMapper;

/**
 * Sends Log4j2 events to Sentry: from {@code minimumEventLevel} (default ERROR) as events, from
 * {@code minimumBreadcrumbLevel} (default INFO) as breadcrumbs on the events that follow.
 *
 * <p>It uses the client the application started with {@code Sentry.init}, or else starts one from its
 * attributes, shared with other appenders; the last appender to stop closes a client an appender
 * started. On the logging thread it only checks levels and copies what the event holds; the event is
 * made, filtered and sent on the SDK's threads. Logs made on SDK threads or inside
 * {@code beforeSend}/{@code beforeBreadcrumb} are ignored, so the SDK cannot feed on itself.
 */
@Plugin(name = "Sentry", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class SentryAppender extends AbstractAppender {
    static final String FRAMEWORK = "log4j2";
    private static final PlaceholderCounts PLACEHOLDERS = new PlaceholderCounts();
    private static final LogMessageFormatter FORMATTER = ParameterizedMessage::format;
    private static final ParameterConsumer<Object[]> FIRST_PARAMETER = (parameter, index, into) -> {
        if (index == 0) {
            into[0] = parameter;
        }
    };

    private final SentryOptions options;
    private final int eventLevel;
    private final int breadcrumbLevel;
    /** The least severe level this appender takes at all (Log4j2: larger int = less severe). */
    private final int widestLevel;
    private final LogRecordMapper mapper;
    private volatile ClientLease lease;
    private static final int MAX_REPORTS = 3;
    private int failuresReported; // racy on purpose: it only limits how often a failure is reported

    SentryAppender(String name, Filter filter, boolean ignoreExceptions, Property[] properties,
                   SentryOptions options, int eventLevel, int breadcrumbLevel, LogRecordMapper mapper) {
        super(name, filter, null, ignoreExceptions, properties);
        this.options = options;
        this.eventLevel = eventLevel;
        this.breadcrumbLevel = breadcrumbLevel;
        this.widestLevel = Math.max(eventLevel, breadcrumbLevel);
        this.mapper = mapper;
    }

    @PluginBuilderFactory
    public static SentryAppenderBuilder newBuilder() {
        return new SentryAppenderBuilder();
    }

    /** The options of the client this appender starts when the application has none; never null. */
    public SentryOptions options() {
        return options;
    }

    @Override
    public void start() {
        synchronized (this) {
            if (lease == null) {
                try {
                    lease = Sentry.acquire(options, "Log4j2", "maven:org.sentry4j:sentry-log4j2");
                } catch (Throwable t) { // NOPMD: an Error too (a version conflict): never out of Log4j2's start
                    // Thrown on, it would fail Log4j2's configuration. Started without a client of its
                    // own, the appender acts as with no DSN (forwards to one Sentry.init starts); left
                    // unstarted, Log4j2 would report an error, or throw, at every log call.
                    LOGGER.error("Sentry appender '{}': {}; the appender starts no client of its own and only"
                            + " forwards to one the application starts with Sentry.init", getName(),
                            t instanceof IllegalStateException ? t.getMessage()
                                    : Diagnostics.describe(t) + Diagnostics.origin(t), t);
                }
            }
        }
        super.start();
    }

    /** Flushes within the SDK's shutdown timeout (whatever Log4j2's) and gives up the client. */
    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        boolean stopped = super.stop(timeout, timeUnit, false);
        ClientLease held;
        synchronized (this) {
            held = lease;
            lease = null;
        }
        if (held != null) {
            try {
                // The SDK's own budget, not Log4j2's stop timeout (LogManager.shutdown() gives 50 ms): what
                // the application logged before stopping is delivered, however short the framework's wait.
                SentryOptions running = Sentry.options();
                held.release((running != null ? running : options).shutdownTimeout());
            } catch (Throwable t) { // NOPMD: Log4j2's shutdown must go on whatever happens here
                LOGGER.error("Sentry appender '{}' failed to stop cleanly: {}", getName(), Diagnostics.describe(t), t);
            }
        }
        setStopped();
        return stopped;
    }

    /**
     * Records the SDK made are dropped, judged from the record: behind {@code <Async>} or an async logger
     * this runs on Log4j2's thread, not the one that logged. A record made on an SDK thread (a
     * {@code beforeSend} on the worker) names that thread; one made
     * inside a {@code beforeBreadcrumb} carries the mark {@link #addMarked} put into the ThreadContext.
     * The context data is only searched while a {@code beforeBreadcrumb} is set.
     */
    @Override
    public void append(LogEvent event) {
        try {
            appendUnguarded(event);
        } catch (Throwable t) { // NOPMD: Log4j2 passes an Error on to the application's log call; never ours
            if (failuresReported < MAX_REPORTS) {
                failuresReported++;
                LOGGER.error("Sentry appender '{}' failed to append: {}{}", getName(), Diagnostics.describe(t),
                        Diagnostics.origin(t), t);
            }
        }
    }

    private void appendUnguarded(LogEvent event) {
        int level = event.getLevel().intLevel();
        if (level > widestLevel || CallbackGuard.isActive() || SdkThread.isSdkThreadName(event.getThreadName())
                || !Sentry.isEnabled()) {
            return; // beyond the thresholds, logged on an SDK thread or in a callback on this one, no client
        }
        boolean throughCallback = LogCapture.hasBeforeBreadcrumb();
        if (throughCallback && isMarked(event)) {
            return; // logged inside a beforeBreadcrumb, then queued by an async appender or logger
        }
        SentryLevel sentryLevel = Severity.toSentry(level);
        if (level <= eventLevel) {
            captureEvent(event, sentryLevel, level <= breadcrumbLevel, throughCallback);
        } else {
            addBreadcrumb(event, sentryLevel, throughCallback);
        }
    }

    private static boolean isMarked(LogEvent event) {
        ReadOnlyStringMap context = event.getContextData();
        return context != null && context.containsKey(CallbackGuard.RECORD_MARK);
    }

    /**
     * Adds the breadcrumb through the {@code beforeBreadcrumb} with the record mark in the ThreadContext,
     * so that a log the callback makes carries it — also through an async queue, where a thread-bound
     * guard would not follow it — and comes back here only to be dropped.
     */
    private static void addMarked(Breadcrumb breadcrumb, Hint hint) {
        ThreadContext.put(CallbackGuard.RECORD_MARK, "true");
        try {
            Sentry.addBreadcrumb(breadcrumb, hint);
        } finally {
            ThreadContext.remove(CallbackGuard.RECORD_MARK);
        }
    }

    private void captureEvent(LogEvent event, SentryLevel sentryLevel, boolean alsoBreadcrumb,
                              boolean throughCallback) {
        if (!throughCallback && isMarked(event)) {
            return; // queued before its beforeBreadcrumb was removed (a new Sentry.init): not an event, nor a tag
        }
        if (!LogCapture.admitEvent()) {
            // An error storm has filled the queue, or the sample rate drops it: copying the event only to
            // drop it would be waste.
            if (alsoBreadcrumb) {
                addBreadcrumb(event, sentryLevel, throughCallback);
            }
            return;
        }
        // The snapshot copies what it keeps, so it may read the (possibly reused) event directly. The
        // immutable copy is only for a callback's hint: making it computes the log statement's
        // location (a stack walk), the biggest cost an event had on the logging thread.
        LogEvent original = LogCapture.needsRecordHints() ? event.toImmutable() : null;
        LogRecord record = LogEventSnapshot.of(event, sentryLevel, original);
        LogCapture.queueAdmitted(record, mapper);
        if (alsoBreadcrumb) {
            // After the capture, so the event does not carry itself; later events do.
            Breadcrumb breadcrumb = new Breadcrumb(record.timestamp(), sentryLevel, record.loggerName(),
                    record.formattedMessage());
            if (throughCallback) {
                addMarked(breadcrumb, mapper.hint(record));
            } else {
                Sentry.addBreadcrumb(breadcrumb, null);
            }
        }
    }

    private static void addBreadcrumb(LogEvent event, SentryLevel sentryLevel, boolean throughCallback) {
        org.apache.logging.log4j.core.time.Instant time = event.getInstant(); // reused by Log4j2: read now
        Message message = event.getMessage();
        if (throughCallback) {
            addMarked(new Breadcrumb(time.getEpochSecond(), time.getNanoOfSecond(), sentryLevel,
                    event.getLoggerName(), message == null ? null : message.getFormattedMessage()),
                    Hint.ofLogRecord(event.toImmutable(), event.getThrown()));
            return;
        }
        String template = null;
        Object args = deferrableArguments(message);
        if (args != null) {
            template = message.getFormat();
        } else if (message != null) {
            template = message.getFormattedMessage();
        }
        LogCapture.addBreadcrumb(time.getEpochSecond(), time.getNanoOfSecond(), sentryLevel, event.getLoggerName(),
                template, args, FORMATTER);
    }

    /**
     * The arguments of a {@code {}}-template message (the one argument itself when there is one), when
     * they may be formatted later: a template and its arguments cost less on the logging thread than the
     * formatted text, which the worker makes when an event carries the breadcrumb. A garbage-free
     * {@link MutableLogEvent} is its own message; its one argument is read without copying its
     * parameters. It no longer says which message it was made from: a reusable object message (its
     * object is both format and only parameter) or a custom reusable message whose format is not a
     * {@code {}} template (its placeholders do not match its parameters) is formatted at once.
     */
    private static Object deferrableArguments(Message message) {
        if (message instanceof MutableLogEvent) {
            MutableLogEvent event = (MutableLogEvent) message;
            String format = event.getFormat();
            int count = event.getParameterCount();
            if (format == null || count == 0 || PLACEHOLDERS.of(format) != count) {
                return null; // no arguments, or not a {} template (a custom reusable message)
            }
            if (count > 1) {
                return immutableOrNull(message.getParameters()); // a copy of the event's reused array
            }
            Object[] only = new Object[1]; // stays in registers once forEachParameter is inlined
            event.forEachParameter(FIRST_PARAMETER, only);
            Object arg = only[0];
            return arg == format || !LogArguments.isImmutable(arg) ? null : arg; // an object message, or mutable
        }
        if (!(message instanceof ParameterizedMessage || message instanceof ReusableParameterizedMessage)
                || message.getFormat() == null) {
            return null;
        }
        // These return the caller's own array, which it may reuse and change: the trail keeps a copy.
        Object[] params = message.getParameters();
        if (params != null && params.length == 1) {
            return LogArguments.isImmutable(params[0]) ? params[0] : null;
        }
        Object[] kept = immutableOrNull(params);
        return kept == null ? null : kept.clone();
    }

    private static Object[] immutableOrNull(Object[] params) {
        return params == null || params.length == 0 || !LogArguments.allImmutable(params) ? null : params;
    }
}
