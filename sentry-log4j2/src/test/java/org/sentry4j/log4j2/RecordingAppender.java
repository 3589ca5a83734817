package org.sentry4j.log4j2;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * {@code <Recording name="…"/>}: keeps (immutable copies of) the events it receives and lets a test wait
 * for them. Referenced after the Sentry appender by the same {@code <Async>}, an event it has kept has
 * been through the Sentry appender.
 */
@Plugin(name = "Recording", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE)
public final class RecordingAppender extends AbstractAppender {
    private final List<LogEvent> records = new ArrayList<>();

    private RecordingAppender(String name) {
        super(name, null, null, true, Property.EMPTY_ARRAY);
    }

    @PluginFactory
    public static RecordingAppender create(@PluginAttribute("name") String name) {
        return new RecordingAppender(name);
    }

    @Override
    public synchronized void append(LogEvent event) {
        records.add(event.toImmutable());
        notifyAll();
    }

    /** Waits until at least {@code count} events match; returns the matching ones. */
    synchronized List<LogEvent> await(Predicate<LogEvent> matching, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<LogEvent> matched = records.stream().filter(matching).collect(Collectors.toList());
            long left = deadline - System.nanoTime();
            if (matched.size() >= count) {
                return matched;
            }
            if (left <= 0) {
                throw new AssertionError("expected " + count + " matching events within " + timeout + ", got "
                        + matched.size() + " of " + records.size());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
