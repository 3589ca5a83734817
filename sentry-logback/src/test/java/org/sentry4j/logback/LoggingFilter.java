package org.sentry4j.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/** A filter that logs while it decides, and remembers how deep it was entered on one thread. */
public class LoggingFilter extends Filter<ILoggingEvent> {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    static volatile int deepest;

    @Override
    public FilterReply decide(ILoggingEvent event) {
        int[] depth = DEPTH.get();
        if (depth[0] >= 50) {
            return FilterReply.DENY; // a recursion the appender failed to stop; the test then fails
        }
        depth[0]++;
        deepest = Math.max(deepest, depth[0]);
        try {
            ((LoggerContext) getContext()).getLogger("filter").warn("deciding on {}", event.getLoggerName());
        } finally {
            depth[0]--;
        }
        return FilterReply.NEUTRAL;
    }
}
