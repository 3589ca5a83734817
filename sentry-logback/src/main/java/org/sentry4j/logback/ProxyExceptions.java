package org.sentry4j.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.sentry4j.internal.ExceptionConverter;
import org.sentry4j.internal.FrameConverter;
import org.sentry4j.protocol.ExceptionValue;
import org.sentry4j.protocol.Mechanism;
import org.sentry4j.protocol.StackFrame;

/**
 * Builds the exception chain from Logback's description of a throwable, for events that carry no
 * throwable object (deserialized or remote events): class name, message, frames, cause and suppressed,
 * in the same order and tree as the core builds from a throwable. {@code in_app} is left undecided for
 * the client's rules to settle on the worker.
 */
final class ProxyExceptions {
    private ProxyExceptions() {
    }

    static List<ExceptionValue> convert(IThrowableProxy root, Mechanism mechanism, Long threadId) {
        Set<IThrowableProxy> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ExceptionValue> visited = new ArrayList<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(new Node(root, null, null));
        while (!todo.isEmpty() && visited.size() < ExceptionConverter.MAX_EXCEPTIONS) {
            Node node = todo.pop();
            if (!seen.add(node.proxy)) {
                continue;
            }
            int id = visited.size();
            Mechanism m = node.parentId == null
                    ? mechanism.withTree(null, 0, null)
                    : new Mechanism("chained", null, node.source, id, node.parentId);
            visited.add(toValue(node.proxy, m, node.parentId == null ? threadId : null));
            IThrowableProxy[] suppressed = node.proxy.getSuppressed();
            if (suppressed != null) {
                for (int i = suppressed.length - 1; i >= 0; i--) {
                    if (suppressed[i] != null) {
                        todo.push(new Node(suppressed[i], id, "suppressed[" + i + "]"));
                    }
                }
            }
            IThrowableProxy cause = node.proxy.getCause();
            if (cause != null) {
                todo.push(new Node(cause, id, "cause"));
            }
        }
        Collections.reverse(visited);
        return visited;
    }

    private static ExceptionValue toValue(IThrowableProxy p, Mechanism mechanism, Long threadId) {
        String binaryName = p.getClassName() == null ? "<unknown>" : p.getClassName();
        int dot = binaryName.lastIndexOf('.');
        String module = dot < 0 ? null : binaryName.substring(0, dot);
        String type = dot < 0 ? binaryName : binaryName.substring(dot + 1);
        return new ExceptionValue(type, p.getMessage(), module, threadId, frames(p.getStackTraceElementProxyArray()),
                mechanism);
    }

    /** Oldest first; a long stack keeps its outermost and innermost frames, like the core's. */
    private static List<StackFrame> frames(StackTraceElementProxy[] trace) {
        if (trace == null || trace.length == 0) {
            return List.of();
        }
        int n = trace.length;
        List<StackFrame> frames = new ArrayList<>(Math.min(n, FrameConverter.MAX_FRAMES));
        if (n <= FrameConverter.MAX_FRAMES) {
            for (int i = n - 1; i >= 0; i--) {
                frames.add(frame(trace[i]));
            }
        } else {
            for (int i = n - 1; i >= n - FrameConverter.KEEP_OLDEST; i--) {
                frames.add(frame(trace[i]));
            }
            for (int i = FrameConverter.MAX_FRAMES - FrameConverter.KEEP_OLDEST - 1; i >= 0; i--) {
                frames.add(frame(trace[i]));
            }
        }
        return frames;
    }

    private static StackFrame frame(StackTraceElementProxy proxy) {
        StackTraceElement e = proxy == null ? null : proxy.getStackTraceElement();
        if (e == null) {
            return new StackFrame("<unknown>", "<unknown>", null, 0, false);
        }
        return new StackFrame(e.getClassName(), e.getMethodName(), e.getFileName(), Math.max(e.getLineNumber(), 0), null);
    }

    private static final class Node {
        final IThrowableProxy proxy;
        final Integer parentId;
        final String source;

        Node(IThrowableProxy proxy, Integer parentId, String source) {
            this.proxy = proxy;
            this.parentId = parentId;
            this.source = source;
        }
    }
}
