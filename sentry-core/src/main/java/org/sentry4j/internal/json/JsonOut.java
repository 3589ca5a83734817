package org.sentry4j.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal streaming JSON writer straight into UTF-8 bytes, for the event serializer: compact output,
 * strings escaped, encoded and lone surrogates (which UTF-8 cannot encode) replaced with U+FFFD in one
 * pass, so an event is not held as text and then again as bytes.
 * A general-purpose writer checks its state on every call and writes through a {@code Writer}; on the
 * worker, which writes every event of an error storm, those checks were a fifth of the time. Callers are
 * trusted to nest correctly (the serializer is its only user); commas are placed by tracking whether the
 * current object or array already holds something.
 */
final class JsonOut {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private byte[] buf;
    private int len;
    /** Per nesting level: whether something was written at that level (then the next item needs a comma). */
    private boolean[] filled = new boolean[16];
    private int depth;
    /** After a name: the value follows without a comma. */
    private boolean afterName;

    JsonOut(int capacity) {
        this.buf = new byte[Math.max(16, capacity)];
    }

    /** What was written, as a new array. */
    byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    int capacity() {
        return buf.length;
    }

    /** The buffer written into; valid up to {@link #size()}, until the next write or reset. */
    byte[] array() {
        return buf;
    }

    int size() {
        return len;
    }

    /** Empties it for reuse, keeping its buffer. */
    void reset() {
        len = 0;
        depth = 0;
        afterName = false;
        filled[0] = false;
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    JsonOut beginObject() {
        beforeValue();
        put('{');
        push();
        return this;
    }

    JsonOut endObject() {
        depth--;
        put('}');
        return this;
    }

    JsonOut beginArray() {
        beforeValue();
        put('[');
        push();
        return this;
    }

    JsonOut endArray() {
        depth--;
        put(']');
        return this;
    }

    JsonOut name(String name) {
        beforeValue();
        string(name);
        put(':');
        afterName = true;
        return this;
    }

    /** A string, or null. */
    JsonOut value(String value) {
        beforeValue();
        if (value == null) {
            ascii("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonOut value(long value) {
        beforeValue();
        ascii(Long.toString(value));
        return this;
    }

    JsonOut value(boolean value) {
        beforeValue();
        ascii(value ? "true" : "false");
        return this;
    }

    /** A finite number as JSON; NaN and infinities (which JSON lacks) as strings. */
    JsonOut value(double value) {
        if (!Double.isFinite(value)) {
            return value(String.valueOf(value));
        }
        beforeValue();
        ascii(Double.toString(value));
        return this;
    }

    /** Integral and decimal types as their text; any other {@code Number} by its double value. */
    JsonOut value(Number value) {
        if (value == null) {
            return nullValue();
        }
        if (value instanceof Double || value instanceof Float) {
            return value(value.doubleValue());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof java.math.BigInteger || value instanceof java.math.BigDecimal
                || value instanceof java.util.concurrent.atomic.AtomicInteger
                || value instanceof java.util.concurrent.atomic.AtomicLong) {
            beforeValue();
            ascii(value.toString());
            return this;
        }
        return value(value.doubleValue()); // a user's Number subclass: its toString need not be JSON
    }

    /** A number already written as JSON text (ASCII digits, sign, point). */
    JsonOut number(String json) {
        beforeValue();
        ascii(json);
        return this;
    }

    JsonOut nullValue() {
        beforeValue();
        ascii("null");
        return this;
    }

    /** Already-written JSON (a cached fragment, UTF-8), inserted as one value. */
    JsonOut jsonValue(byte[] json) {
        beforeValue();
        ensure(json.length);
        System.arraycopy(json, 0, buf, len, json.length);
        len += json.length;
        return this;
    }

    private void push() {
        if (++depth == filled.length) {
            filled = Arrays.copyOf(filled, depth * 2);
        }
        filled[depth] = false;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (filled[depth]) {
            put(',');
        } else {
            filled[depth] = true;
        }
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for ASCII, and fast
    private void string(String s) {
        int n = s.length();
        put('"');
        int plain = 0;
        while (plain < n) {
            char c = s.charAt(plain);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        if (plain > 0) { // the common case, often the whole string: ASCII with nothing to escape
            ensure(plain);
            s.getBytes(0, plain, buf, len); // exact for characters below 0x80
            len += plain;
        }
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                String escape = c < 0x20 || c == '"' || c == '\\' ? escape(c) : null;
                if (escape != null) {
                    ascii(escape);
                } else {
                    put(c);
                }
            } else if (c < 0x800) {
                ensure(2);
                buf[len++] = (byte) (0xc0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3f);
            } else if (c == '\u2028' || c == '\u2029') {
                ascii(escape(c));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                ensure(4);
                buf[len++] = (byte) (0xf0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3f);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
                buf[len++] = (byte) (0x80 | cp & 0x3f);
            } else {
                char w = Character.isSurrogate(c) ? '\uFFFD' : c; // a lone surrogate
                ensure(3);
                buf[len++] = (byte) (0xe0 | w >> 12);
                buf[len++] = (byte) (0x80 | w >> 6 & 0x3f);
                buf[len++] = (byte) (0x80 | w & 0x3f);
            }
        }
        put('"');
    }

    /** Text known to be ASCII (numbers, literals, escapes). */
    @SuppressWarnings("deprecation")
    private void ascii(String text) {
        int n = text.length();
        ensure(n);
        text.getBytes(0, n, buf, len);
        len += n;
    }

    private void put(char asciiChar) {
        ensure(1);
        buf[len++] = (byte) asciiChar;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /** The escape for {@code c}, or null when it is written as it is (or is a surrogate, handled apart). */
    private static String escape(char c) {
        switch (c) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\b':
                return "\\b";
            case '\f':
                return "\\f";
            case '\u2028':
                return "\\u2028"; // valid JSON, but not valid in JavaScript source: escaped as most writers do
            case '\u2029':
                return "\\u2029";
            default:
                if (c < 0x20) {
                    return "\\u00" + HEX[c >> 4] + HEX[c & 0xf];
                }
                return null;
        }
    }
}
