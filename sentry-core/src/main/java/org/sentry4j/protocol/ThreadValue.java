package org.sentry4j.protocol;

import java.util.List;

/** A thread attached to an event: the capturing thread, with its stack when {@code attachStacktrace} applies. */
public final class ThreadValue {
    private final long id;
    private final String name;
    private final boolean current;
    private final boolean crashed;
    private final List<StackFrame> frames;

    public ThreadValue(long id, String name, boolean current, boolean crashed, List<StackFrame> frames) {
        this.id = id;
        this.name = name;
        this.current = current;
        this.crashed = crashed;
        this.frames = frames == null ? List.of() : List.copyOf(frames);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean current() {
        return current;
    }

    public boolean crashed() {
        return crashed;
    }

    /** Oldest first; empty when no stack was taken. */
    public List<StackFrame> frames() {
        return frames;
    }

    public ThreadValue withFrames(List<StackFrame> newFrames) {
        return new ThreadValue(id, name, current, crashed, newFrames);
    }
}
