package org.sentry4j.internal.json;

/**
 * A minimal streaming JSON writer into a {@link StringBuilder}, for the event serializer: compact output,
 * strings escaped and lone surrogates (which UTF-8 cannot encode) replaced with U+FFFD in the same pass.
 * A general-purpose writer checks its state on every call and writes through a {@code Writer}; on the
 * worker, which writes every event of an error storm, those checks were a fifth of the time. Callers are
 * trusted to nest correctly (the serializer is its only user); commas are placed by tracking whether the
 * current object or array already holds something.
 */
final class JsonOut {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder sb;
    /** Per nesting level: whether something was written at that level (then the next item needs a comma). */
    private boolean[] filled = new boolean[16];
    private int depth;
    /** After a name: the value follows without a comma. */
    private boolean afterName;

    JsonOut(StringBuilder sb) {
        this.sb = sb;
    }

    JsonOut beginObject() {
        beforeValue();
        sb.append('{');
        push();
        return this;
    }

    JsonOut endObject() {
        depth--;
        sb.append('}');
        return this;
    }

    JsonOut beginArray() {
        beforeValue();
        sb.append('[');
        push();
        return this;
    }

    JsonOut endArray() {
        depth--;
        sb.append(']');
        return this;
    }

    JsonOut name(String name) {
        beforeValue();
        string(name);
        sb.append(':');
        afterName = true;
        return this;
    }

    /** A string, or null. */
    JsonOut value(String value) {
        beforeValue();
        if (value == null) {
            sb.append("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonOut value(long value) {
        beforeValue();
        sb.append(value);
        return this;
    }

    JsonOut value(boolean value) {
        beforeValue();
        sb.append(value);
        return this;
    }

    /** A finite number as JSON; NaN and infinities (which JSON lacks) as strings. */
    JsonOut value(double value) {
        if (!Double.isFinite(value)) {
            return value(String.valueOf(value));
        }
        beforeValue();
        sb.append(value);
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
            sb.append(value);
            return this;
        }
        return value(value.doubleValue()); // a user's Number subclass: its toString need not be JSON
    }

    JsonOut nullValue() {
        beforeValue();
        sb.append("null");
        return this;
    }

    /** Already-written JSON (a cached fragment), inserted as one value. */
    JsonOut jsonValue(String json) {
        beforeValue();
        sb.append(json);
        return this;
    }

    private void push() {
        if (++depth == filled.length) {
            filled = java.util.Arrays.copyOf(filled, depth * 2);
        }
        filled[depth] = false;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (filled[depth]) {
            sb.append(',');
        } else {
            filled[depth] = true;
        }
    }

    private void string(String s) {
        sb.append('"');
        int n = s.length();
        int plainUntil = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0x2028) {
                continue; // the common case: nothing to escape
            }
            String escape = escape(c);
            if (escape == null && !Character.isSurrogate(c)) {
                continue;
            }
            sb.append(s, plainUntil, i);
            if (escape != null) {
                sb.append(escape);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append('\uFFFD'); // a lone surrogate
            }
            plainUntil = i + 1;
        }
        sb.append(s, plainUntil, n).append('"');
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
