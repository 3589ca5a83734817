package org.sentry4j.internal;

/**
 * A daemon thread owned by the SDK. Anything captured or logged on one of these is dropped silently,
 * which is what keeps HttpClient's own logging (routed to our appender) from looping back.
 */
public final class SdkThread extends Thread {
    public SdkThread(String name, Runnable body) {
        super(body, "sentry4j-" + name);
        setDaemon(true);
    }

    public static boolean isCurrent() {
        return Thread.currentThread() instanceof SdkThread;
    }
}
