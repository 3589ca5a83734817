package org.sentry4j.protocol;

import java.util.List;

/**
 * One exception of an event's chain. {@code type} is the simple class name and {@code module} the
 * package (for nested classes the binary name after the package, {@code Outer$Inner}).
 */
public final class ExceptionValue {
    private final String type;
    private final String value;
    private final String module;
    private final Long threadId;
    private final List<StackFrame> frames;
    private final Mechanism mechanism;

    public ExceptionValue(String type, String value, String module, Long threadId,
                          List<StackFrame> frames, Mechanism mechanism) {
        this.type = type;
        this.value = value;
        this.module = module;
        this.threadId = threadId;
        this.frames = frames == null ? List.of() : List.copyOf(frames);
        this.mechanism = mechanism;
    }

    public String type() {
        return type;
    }

    public String value() {
        return value;
    }

    public String module() {
        return module;
    }

    public Long threadId() {
        return threadId;
    }

    /** Oldest (outermost caller) first, the throwing frame last. Never null. */
    public List<StackFrame> frames() {
        return frames;
    }

    public Mechanism mechanism() {
        return mechanism;
    }

    /** {@code module.type}, the class's binary name. */
    public String qualifiedType() {
        return module == null || module.isEmpty() ? type : module + "." + type;
    }

    public ExceptionValue withFrames(List<StackFrame> newFrames) {
        return new ExceptionValue(type, value, module, threadId, newFrames, mechanism);
    }

    public ExceptionValue withValue(String newValue) {
        return new ExceptionValue(type, newValue, module, threadId, frames, mechanism);
    }

    @Override
    public String toString() {
        return qualifiedType() + ": " + value;
    }
}
