package org.sentry4j.protocol;

/**
 * How an exception reached the SDK: the integration ({@code type}: {@code generic}, {@code logback},
 * {@code log4j2}, {@code UncaughtExceptionHandler}, {@code chained}), whether the application handled it,
 * and where it sits in the exception tree ({@code exceptionId}, {@code parentId}; the root has id 0).
 */
public final class Mechanism {
    private final String type;
    private final Boolean handled;
    private final String source;
    private final Integer exceptionId;
    private final Integer parentId;

    public Mechanism(String type, Boolean handled, String source, Integer exceptionId, Integer parentId) {
        this.type = type == null ? "generic" : type;
        this.handled = handled;
        this.source = source;
        this.exceptionId = exceptionId;
        this.parentId = parentId;
    }

    public static Mechanism of(String type, Boolean handled) {
        return new Mechanism(type, handled, null, null, null);
    }

    public String type() {
        return type;
    }

    public Boolean handled() {
        return handled;
    }

    /** For a non-root exception: how it hangs off its parent ({@code cause}, {@code suppressed[0]}, …). */
    public String source() {
        return source;
    }

    public Integer exceptionId() {
        return exceptionId;
    }

    public Integer parentId() {
        return parentId;
    }

    public Mechanism withTree(String source, int exceptionId, Integer parentId) {
        return new Mechanism(type, handled, source, exceptionId, parentId);
    }
}
