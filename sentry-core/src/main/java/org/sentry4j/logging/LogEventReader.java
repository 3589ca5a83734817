package org.sentry4j.logging;

import java.time.Instant;

/**
 * What a front-end knows of its framework's log events: how to read one. It decides nothing — which
 * records become events, breadcrumbs or nothing, in what order, is {@link LogFrontEnd}'s — and is called
 * only on the thread that hands the event to {@link LogFrontEnd#append}, while it does. Methods must
 * not log through the framework; one that throws costs that record only (the front-end reports it).
 *
 * @param <E> the framework's event type
 */
public interface LogEventReader<E> {
    /** The event's level on the common scale; a custom level counts as the standard level of its band. */
    LogLevel level(E event);

    /** The name of the thread that logged, as the framework recorded it (behind an async appender, not the current one). */
    String threadName(E event);

    /** When it was logged. */
    Instant timestamp(E event);

    String loggerName(E event);

    /** The message as the framework formats it. */
    String formattedMessage(E event);

    /** The caught throwable, or null (also when the event only describes one, see {@link LogRecord.Builder#describedThrowable}). */
    Throwable throwable(E event);

    /**
     * The framework's record for a callback's hint ({@link org.sentry4j.Hint#logRecord()}), safe to read
     * on another thread later: the event itself, made ready for that, or an immutable copy where the
     * framework reuses its events.
     */
    Object original(E event);

    /**
     * Copies the rest of the event into {@code record}, on the logging thread: the thread (name and id,
     * or {@link LogRecord#UNKNOWN_THREAD_ID}), the message with its template and parameters, the
     * throwable (or its description), context map, markers and key-values. The front-end has set level,
     * origin, timestamp, logger and original already. What may change after the logging call (arguments,
     * a reused event's fields) is copied or turned into text here. When {@code callerStack} is true and
     * the event has no throwable, it sets the stack of the logging call ({@link CallerStack#here()} on the
     * logging thread; what the framework kept of the caller behind an async appender).
     */
    void snapshot(E event, LogRecord.Builder record, boolean callerStack);

    /**
     * Hands a breadcrumb's line to {@code lines}, once, for a record that becomes a breadcrumb only: its
     * time, logger, and the message template with arguments the SDK may format later (on its worker,
     * with {@link #formatter()}) — or, when an argument could change meanwhile, the formatted message and
     * no arguments. See {@link LogFrontEnd.Lines#add}.
     */
    void line(E event, LogLevel level, LogFrontEnd.Lines lines);

    /** Fills a template with its arguments as the framework does, for {@link #line}'s lines. */
    LogMessageFormatter formatter();

    /**
     * Whether the event's context map (MDC, ThreadContext) holds {@code key}; false where the framework
     * has none. See {@link #putContext}.
     */
    default boolean hasContext(E event, String key) {
        return false;
    }

    /**
     * Puts {@code key} into the current thread's context map (MDC, ThreadContext), so that events logged
     * meanwhile carry it, through an async appender's queue too; does nothing where the framework has
     * none. The front-end puts its mark there while a {@code beforeBreadcrumb} runs and removes it after.
     */
    default void putContext(String key, String value) {
    }

    /** Removes what {@link #putContext} put. */
    default void removeContext(String key) {
    }
}
