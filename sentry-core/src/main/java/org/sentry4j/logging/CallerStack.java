package org.sentry4j.logging;

import java.util.function.Predicate;

/**
 * The stack of a logging call, for an event that has no exception of its own ({@code attachStacktrace}):
 * walked on the logging thread, innermost first, without the frames of the SDK and of the logging
 * frameworks and facades above the application's call, at most {@link #MAX_FRAMES} deep.
 */
public final class CallerStack {
    /** Frames kept; deeper ones (framework plumbing far below the application's code) are left out. */
    public static final int MAX_FRAMES = 100;
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Predicate<StackWalker.StackFrame> PLUMBING = f -> isPlumbing(f.getClassName());

    private CallerStack() {
    }

    /** The current thread's stack below the SDK's and the logging frameworks' frames. */
    public static StackTraceElement[] here() {
        return WALKER.walk(frames -> frames.dropWhile(PLUMBING).limit(MAX_FRAMES)
                .map(StackWalker.StackFrame::toStackTraceElement).toArray(StackTraceElement[]::new));
    }

    /** Whether a frame of this class is the SDK's or a logging framework's, above the application's call. */
    public static boolean isPlumbing(String className) {
        return className.equals("org.sentry4j.Sentry") || className.equals("org.sentry4j.LogCapture")
                || className.startsWith("org.sentry4j.internal.") || className.startsWith("org.sentry4j.logging.")
                || className.startsWith("org.sentry4j.logback.") || className.startsWith("org.sentry4j.log4j2.")
                || className.startsWith("org.sentry4j.jul.")
                || className.startsWith("ch.qos.logback.") || className.startsWith("org.apache.logging.log4j.")
                || className.startsWith("org.slf4j.") || className.startsWith("org.apache.commons.logging.")
                || className.startsWith("java.util.logging.") || className.startsWith("org.jboss.logging.")
                || className.startsWith("java.lang.Thread");
    }
}
