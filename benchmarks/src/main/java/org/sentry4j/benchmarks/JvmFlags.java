package org.sentry4j.benchmarks;

import java.util.List;

/** Flags every measured JVM gets: the floor, io.sentry and sentry4j alike, in JMH forks and end-to-end children. */
final class JvmFlags {
    /**
     * Lets Linux honour Java thread priorities (HotSpot ignores them there by default; Windows honours
     * them as is), with {@code Thread.MIN_PRIORITY} as nice 19. A JVM thread at minimum priority then
     * runs on CPU its application leaves idle. sentry4j's threads ask for it; io.sentry's run at normal
     * priority and are not affected.
     */
    static final List<String> THREAD_PRIORITIES = List.of("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19");

    private JvmFlags() {
    }
}
