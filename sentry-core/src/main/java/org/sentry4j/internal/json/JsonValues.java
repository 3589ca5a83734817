package org.sentry4j.internal.json;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

/** Writes arbitrary values (extras, context fields) as JSON, safely: bounded depth, never throwing on odd objects. */
final class JsonValues {
    static final int MAX_DEPTH = 7;
    /** The days {@link #timestamp} formats by hand: years with four digits. */
    private static final long MIN_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private JsonValues() {
    }

    static void write(JsonOut out, Object value, int depth) {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String) {
            out.value((String) value);
        } else if (value instanceof Boolean) {
            out.value((Boolean) value);
        } else if (value instanceof Double || value instanceof Float) {
            out.value(((Number) value).doubleValue());
        } else if (value instanceof Number) {
            out.value((Number) value);
        } else if (value instanceof Instant) {
            out.value(timestamp((Instant) value));
        } else if (depth >= MAX_DEPTH) {
            out.value(safeToString(value));
        } else if (value instanceof Map) {
            out.beginObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (e.getKey() != null) {
                    out.name(String.valueOf(e.getKey()));
                    write(out, e.getValue(), depth + 1);
                }
            }
            out.endObject();
        } else if (value instanceof Collection) {
            out.beginArray();
            for (Object item : (Collection<?>) value) {
                write(out, item, depth + 1);
            }
            out.endArray();
        } else if (value.getClass().isArray()) {
            out.beginArray();
            int n = Array.getLength(value);
            for (int i = 0; i < n; i++) {
                write(out, Array.get(value, i), depth + 1);
            }
            out.endArray();
        } else {
            out.value(safeToString(value));
        }
    }

    /**
     * RFC 3339 in UTC to the microsecond, e.g. {@code 2026-11-25T09:51:07.048123Z}. Written by hand:
     * {@code Instant.toString} was a visible share of the worker's time, at two timestamps per breadcrumb
     * and event.
     */
    static String timestamp(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400L);
        if (days < MIN_DAY || days > MAX_DAY) {
            return instant.truncatedTo(ChronoUnit.MICROS).toString(); // years beyond 4 digits
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        char[] out = new char[27];
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        out[19] = '.';
        digits(out, 20, instant.getNano() / 1000, 6);
        out[26] = 'Z';
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static String safeToString(Object value) {
        try {
            return String.valueOf(value);
        } catch (Throwable t) { // NOPMD: a user's toString() must not break the event
            return "<" + value.getClass().getName() + ".toString() threw " + t.getClass().getName() + ">";
        }
    }
}
