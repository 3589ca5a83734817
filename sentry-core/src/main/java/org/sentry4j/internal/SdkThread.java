package org.sentry4j.internal;

/**
 * A daemon thread owned by the SDK. Anything captured or logged on one of these is dropped silently,
 * which is what keeps HttpClient's own logging (routed to our appender) from looping back.
 *
 * <p>It runs at {@link Thread#MIN_PRIORITY} unless given a priority (the client's long-lived threads
 * take the {@code thread-priority} option, whose default is the same): reporting errors must not take
 * cores from the application that makes them, so under contention the SDK's serializing and sending
 * wait for idle CPU (pending events wait in the bounded queue meanwhile). Windows honours Java priorities as is; on Linux the JVM
 * ignores them unless started with {@code -XX:ThreadPriorityPolicy=1} (which maps this to nice 4;
 * {@code -XX:JavaPriority1_To_OSPriority=19} makes it nice 19).
 */
public final class SdkThread extends Thread {
    /** Every SDK thread's name starts with it; no other thread's may. */
    public static final String NAME_PREFIX = "sentry4j-";

    /** A thread at {@link Thread#MIN_PRIORITY}, for short one-shot jobs. */
    public SdkThread(String name, Runnable body) {
        this(name, Thread.MIN_PRIORITY, body);
    }

    /** A thread at {@code priority}, from {@link Thread#MIN_PRIORITY} to {@link Thread#MAX_PRIORITY}. */
    public SdkThread(String name, int priority, Runnable body) {
        super(body, NAME_PREFIX + name);
        setDaemon(true);
        setPriority(priority);
    }

    /**
     * Raises {@code t} to at least {@link Thread#NORM_PRIORITY} (never lowers a priority set higher):
     * closing has a deadline. An OS that does not let a process raise its threads' priority refuses it.
     */
    public static void raiseForClosing(Thread t) {
        t.setPriority(Math.max(t.getPriority(), Thread.NORM_PRIORITY));
    }

    public static boolean isCurrent() {
        return Thread.currentThread() instanceof SdkThread;
    }

    /**
     * Whether a log record was made on an SDK thread, judged by the thread name it recorded: behind an
     * async appender the record reaches the appender on the framework's thread, not the one it was made on.
     */
    public static boolean isSdkThreadName(String threadName) {
        return threadName != null && threadName.startsWith(NAME_PREFIX);
    }
}
