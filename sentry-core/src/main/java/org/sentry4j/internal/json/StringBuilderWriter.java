package org.sentry4j.internal.json;

import java.io.Writer;

/**
 * An unsynchronized in-memory writer. The JSON writer emits many tiny writes; going through an
 * {@code OutputStreamWriter} (an encoder call per write) or a {@code StringWriter} (a synchronized
 * {@code StringBuffer}) cost two thirds of the worker's time. Encoding once at the end is cheap.
 */
public final class StringBuilderWriter extends Writer {
    private final StringBuilder sb;

    public StringBuilderWriter(int capacity) {
        this.sb = new StringBuilder(capacity);
    }

    @Override
    public void write(int c) {
        sb.append((char) c);
    }

    @Override
    public void write(char[] buf, int off, int len) {
        sb.append(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
        sb.append(s, off, off + len);
    }

    @Override
    public Writer append(CharSequence s) {
        sb.append(s);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
