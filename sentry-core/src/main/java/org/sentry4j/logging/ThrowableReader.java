package org.sentry4j.logging;

import org.sentry4j.internal.ExceptionConverter;

/**
 * How to read a throwable-like value: a {@link Throwable} itself, or a logging framework's description
 * of one that arrived without the object (a deserialized Logback event). Lets one converter build the
 * exception tree from either. Implementations must not throw.
 */
public interface ThrowableReader<T> {
    /** Reads real throwables, tolerating overridden methods that throw (anything, an Error too). */
    ThrowableReader<Throwable> JAVA = new ThrowableReader<>() {
        @Override
        public String className(Throwable t) {
            return t.getClass().getName();
        }

        @Override
        public String message(Throwable t) {
            return ExceptionConverter.safeMessage(t);
        }

        @Override
        public StackTraceElement[] stackTrace(Throwable t) {
            try {
                return t.getStackTrace();
            } catch (Throwable e) { // NOPMD: an overridden method that throws must not lose the event
                return null;
            }
        }

        @Override
        public Throwable cause(Throwable t) {
            try {
                return t.getCause();
            } catch (Throwable e) { // NOPMD: an overridden method that throws must not lose the event
                return null;
            }
        }

        @Override
        public Throwable[] suppressed(Throwable t) {
            try {
                return t.getSuppressed();
            } catch (Throwable e) { // NOPMD: an overridden method that throws must not lose the event
                return null;
            }
        }
    };

    /** The binary class name, e.g. {@code java.lang.IllegalStateException}. */
    String className(T t);

    String message(T t);

    /** Newest frame first, as Java reports them; may be null. */
    StackTraceElement[] stackTrace(T t);

    /** May be null. */
    T cause(T t);

    /** May be null; elements may be null. */
    T[] suppressed(T t);
}
