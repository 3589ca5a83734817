package org.sentry4j.log4j2;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Keeps the formatted messages it receives; shows that the other appenders still get every log. */
final class CollectingAppender extends AbstractAppender {
    final List<String> messages = new CopyOnWriteArrayList<>();

    private CollectingAppender() {
        super("Collecting", null, null, true, Property.EMPTY_ARRAY);
    }

    /** Adds a started one to the root logger of {@code context}. */
    static CollectingAppender attachTo(LoggerContext context) {
        CollectingAppender appender = new CollectingAppender();
        appender.start();
        context.getConfiguration().addAppender(appender);
        context.getConfiguration().getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
        return appender;
    }

    @Override
    public void append(LogEvent event) {
        messages.add(event.getMessage().getFormattedMessage());
    }
}
