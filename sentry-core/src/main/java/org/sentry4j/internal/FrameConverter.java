package org.sentry4j.internal;

import java.util.ArrayList;
import java.util.List;
import org.sentry4j.protocol.StackFrame;

/**
 * Turns Java stack traces (newest first) into Sentry frames (oldest first). A stack longer than
 * {@link #MAX_FRAMES} keeps its outermost {@link #KEEP_OLDEST} and innermost frames and drops the
 * middle, which for deep recursion is the repetitive part.
 */
public final class FrameConverter {
    public static final int MAX_FRAMES = 250;
    public static final int KEEP_OLDEST = 50;

    private final InAppRules inApp;

    public FrameConverter(InAppRules inApp) {
        this.inApp = inApp;
    }

    /**
     * A converter that leaves {@code in_app} undecided, for chains built where the client's rules are not
     * known (on a logging thread); {@link #decideInApp} settles them on the worker.
     */
    public static FrameConverter undecided() {
        return new FrameConverter(null);
    }

    public List<StackFrame> convert(StackTraceElement[] trace) {
        if (trace == null || trace.length == 0) {
            return List.of();
        }
        int n = trace.length;
        List<StackFrame> frames = new ArrayList<>(Math.min(n, MAX_FRAMES));
        if (n <= MAX_FRAMES) {
            for (int i = n - 1; i >= 0; i--) {
                frames.add(convert(trace[i]));
            }
        } else {
            int keepNewest = MAX_FRAMES - KEEP_OLDEST;
            for (int i = n - 1; i >= n - KEEP_OLDEST; i--) {
                frames.add(convert(trace[i]));
            }
            for (int i = keepNewest - 1; i >= 0; i--) {
                frames.add(convert(trace[i]));
            }
        }
        return frames;
    }

    /** The frames with undecided {@code in_app} decided by the rules; for chains built from descriptions. */
    public List<StackFrame> decideInApp(List<StackFrame> given) {
        List<StackFrame> out = null;
        for (int i = 0; i < given.size(); i++) {
            StackFrame f = given.get(i);
            if (f.inApp() == null) {
                if (out == null) {
                    out = new ArrayList<>(given);
                }
                out.set(i, new StackFrame(f.module(), f.function(), f.filename(), f.lineno(),
                        f.module() != null && inApp.isInApp(f.module())));
            }
        }
        return out == null ? given : out;
    }

    private StackFrame convert(StackTraceElement e) {
        if (e == null) {
            return new StackFrame("<unknown>", "<unknown>", null, 0, false);
        }
        String className = e.getClassName();
        return new StackFrame(className, e.getMethodName(), e.getFileName(),
                Math.max(e.getLineNumber(), 0), inApp == null ? null : inApp.isInApp(className));
    }
}
