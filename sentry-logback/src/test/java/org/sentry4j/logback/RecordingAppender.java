package org.sentry4j.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Passes each record to the appenders it wraps, then keeps it and lets a test wait for it: a record it
 * has kept has been through them. Logback's {@code AsyncAppender} takes a single appender, so a test
 * puts this one behind the queue with the Sentry appender inside.
 */
public class RecordingAppender extends AppenderBase<ILoggingEvent> implements AppenderAttachable<ILoggingEvent> {
    private final AppenderAttachableImpl<ILoggingEvent> wrapped = new AppenderAttachableImpl<>();
    private final List<ILoggingEvent> records = new ArrayList<>();

    @Override
    protected synchronized void append(ILoggingEvent event) {
        wrapped.appendLoopOnAppenders(event);
        records.add(event);
        notifyAll();
    }

    /** Waits until at least {@code count} records match; returns the matching ones. */
    synchronized List<ILoggingEvent> await(Predicate<ILoggingEvent> matching, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ILoggingEvent> matched = records.stream().filter(matching).collect(Collectors.toList());
            long left = deadline - System.nanoTime();
            if (matched.size() >= count) {
                return matched;
            }
            if (left <= 0) {
                throw new AssertionError("expected " + count + " matching records within " + timeout + ", got "
                        + matched.size() + " of " + records.size());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    @Override
    public void stop() {
        super.stop();
        wrapped.detachAndStopAllAppenders();
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        wrapped.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return wrapped.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return wrapped.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return wrapped.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        wrapped.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return wrapped.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String name) {
        return wrapped.detachAppender(name);
    }
}
