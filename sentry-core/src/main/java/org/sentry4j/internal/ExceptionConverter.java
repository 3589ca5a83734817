package org.sentry4j.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.sentry4j.logging.ThrowableReader;
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
        return convert(root, ThrowableReader.JAVA, mechanism, threadId);
    }

    /** The same tree from anything a {@link ThrowableReader} can read. */
    public <T> List<ExceptionValue> convert(T root, ThrowableReader<T> reader, Mechanism mechanism, Long threadId) {
        if (root == null) {
            return List.of();
        }
        Mechanism rootMechanism = mechanism != null ? mechanism : Mechanism.of("generic", true);
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ExceptionValue> visited = new ArrayList<>();
        Deque<Node<T>> todo = new ArrayDeque<>();
        todo.push(new Node<>(root, null, null));
        while (!todo.isEmpty() && visited.size() < MAX_EXCEPTIONS) {
            Node<T> node = todo.pop();
            if (!seen.add(node.value)) {
                continue;
            }
            int id = visited.size();
            Mechanism m = node.parentId == null
                    ? rootMechanism.withTree(null, 0, null)
                    : new Mechanism("chained", null, node.source, id, node.parentId);
            visited.add(toValue(reader, node.value, m, node.parentId == null ? threadId : null));
            // Pushed in reverse so the cause is visited before the suppressed ones.
            T[] suppressed = reader.suppressed(node.value);
            if (suppressed != null) {
                for (int i = suppressed.length - 1; i >= 0; i--) {
                    if (suppressed[i] != null) {
                        todo.push(new Node<>(suppressed[i], id, "suppressed[" + i + "]"));
                    }
                }
            }
            T cause = reader.cause(node.value);
            if (cause != null) {
                todo.push(new Node<>(cause, id, "cause"));
            }
        }
        Collections.reverse(visited);
        return visited;
    }

    private <T> ExceptionValue toValue(ThrowableReader<T> reader, T t, Mechanism mechanism, Long threadId) {
        String binaryName = reader.className(t);
        if (binaryName == null) {
            binaryName = "<unknown>";
        }
        int dot = binaryName.lastIndexOf('.');
        String module = dot < 0 ? null : binaryName.substring(0, dot);
        String type = dot < 0 ? binaryName : binaryName.substring(dot + 1);
        return new ExceptionValue(type, reader.message(t), module, threadId,
                frames.convert(reader.stackTrace(t)), mechanism);
    }

    /** The message, or a note saying why there is none; never throws. */
    public static String safeMessage(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable e) { // NOPMD: a broken getMessage() must not break the capture
            return "<getMessage() threw " + e.getClass().getName() + ">";
        }
    }

    private static final class Node<T> {
        final T value;
        final Integer parentId;
        final String source;

        Node(T value, Integer parentId, String source) {
            this.value = value;
            this.parentId = parentId;
            this.source = source;
        }
    }
}
