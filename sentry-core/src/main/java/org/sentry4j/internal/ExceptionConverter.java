package org.sentry4j.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.sentry4j.protocol.ExceptionValue;
import org.sentry4j.protocol.Mechanism;

/**
 * Turns a throwable with its causes and suppressed exceptions into Sentry's exception list: oldest
 * (innermost cause) first, the captured throwable last with id 0, every other value naming its parent.
 * Cycles are cut, the tree is capped at {@link #MAX_EXCEPTIONS}, and a throwable whose own methods
 * throw still yields a value.
 */
public final class ExceptionConverter {
    public static final int MAX_EXCEPTIONS = 32;

    private final FrameConverter frames;

    public ExceptionConverter(FrameConverter frames) {
        this.frames = frames;
    }

    public List<ExceptionValue> convert(Throwable root, Mechanism mechanism, Long threadId) {
        if (root == null) {
            return List.of();
        }
        Mechanism rootMechanism = mechanism != null ? mechanism : Mechanism.of("generic", true);
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ExceptionValue> visited = new ArrayList<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(new Node(root, null, null));
        while (!todo.isEmpty() && visited.size() < MAX_EXCEPTIONS) {
            Node node = todo.pop();
            if (!seen.add(node.throwable)) {
                continue;
            }
            int id = visited.size();
            Mechanism m = node.parentId == null
                    ? rootMechanism.withTree(null, 0, null)
                    : new Mechanism("chained", null, node.source, id, node.parentId);
            visited.add(toValue(node.throwable, m, node.parentId == null ? threadId : null));
            // Pushed in reverse so the cause is visited before the suppressed ones.
            Throwable[] suppressed = safeSuppressed(node.throwable);
            for (int i = suppressed.length - 1; i >= 0; i--) {
                if (suppressed[i] != null) {
                    todo.push(new Node(suppressed[i], id, "suppressed[" + i + "]"));
                }
            }
            Throwable cause = safeCause(node.throwable);
            if (cause != null) {
                todo.push(new Node(cause, id, "cause"));
            }
        }
        Collections.reverse(visited);
        return visited;
    }

    private ExceptionValue toValue(Throwable t, Mechanism mechanism, Long threadId) {
        String binaryName = t.getClass().getName();
        int dot = binaryName.lastIndexOf('.');
        String module = dot < 0 ? null : binaryName.substring(0, dot);
        String type = dot < 0 ? binaryName : binaryName.substring(dot + 1);
        StackTraceElement[] trace;
        try {
            trace = t.getStackTrace();
        } catch (RuntimeException e) {
            trace = null;
        }
        return new ExceptionValue(type, safeMessage(t), module, threadId, frames.convert(trace), mechanism);
    }

    /** The message, or a note saying why there is none; never throws. */
    public static String safeMessage(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable e) { // NOPMD: a broken getMessage() must not break the capture
            return "<getMessage() threw " + e.getClass().getName() + ">";
        }
    }

    private static Throwable safeCause(Throwable t) {
        try {
            return t.getCause();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Throwable[] safeSuppressed(Throwable t) {
        try {
            return t.getSuppressed();
        } catch (RuntimeException e) {
            return new Throwable[0];
        }
    }

    private static final class Node {
        final Throwable throwable;
        final Integer parentId;
        final String source;

        Node(Throwable throwable, Integer parentId, String source) {
            this.throwable = throwable;
            this.parentId = parentId;
            this.source = source;
        }
    }
}
