package org.sentry4j.protocol;

import java.util.Objects;

/** One frame of a stack trace: for Java, {@code module} is the class, {@code function} the method. */
public final class StackFrame {
    private final String module;
    private final String function;
    private final String filename;
    private final int lineno;
    private final Boolean inApp;

    public StackFrame(String module, String function, String filename, int lineno, Boolean inApp) {
        this.module = module;
        this.function = function;
        this.filename = filename;
        this.lineno = lineno;
        this.inApp = inApp;
    }

    public String module() {
        return module;
    }

    public String function() {
        return function;
    }

    public String filename() {
        return filename;
    }

    /** 1-based; 0 or less when unknown (native methods, stripped debug info). */
    public int lineno() {
        return lineno;
    }

    /** Whether the frame is the application's own code; null when undecided. */
    public Boolean inApp() {
        return inApp;
    }

    /** By value: the serializer writes each distinct frame's JSON once and reuses it. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StackFrame)) {
            return false;
        }
        StackFrame f = (StackFrame) o;
        return lineno == f.lineno && Objects.equals(module, f.module) && Objects.equals(function, f.function)
                && Objects.equals(filename, f.filename) && Objects.equals(inApp, f.inApp);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(module);
        h = 31 * h + Objects.hashCode(function);
        h = 31 * h + Objects.hashCode(filename);
        h = 31 * h + lineno;
        return 31 * h + Objects.hashCode(inApp);
    }

    @Override
    public String toString() {
        return module + "." + function + "(" + filename + ":" + lineno + ")";
    }
}
