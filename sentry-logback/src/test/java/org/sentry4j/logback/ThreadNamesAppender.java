package org.sentry4j.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records on which threads events were appended (Logback computes an event's thread name lazily). */
public class ThreadNamesAppender extends AppenderBase<ILoggingEvent> {
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        threads.add(Thread.currentThread().getName());
    }
}
