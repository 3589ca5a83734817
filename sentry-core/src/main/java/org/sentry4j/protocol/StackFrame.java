package org.sentry4j.protocol;

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

    @Override
    public String toString() {
        return module + "." + function + "(" + filename + ":" + lineno + ")";
    }
}
