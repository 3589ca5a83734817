package org.sentry4j.logging;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Log arguments as text, and which of them may be formatted later, on the SDK's worker: only values
 * that cannot change after the logging call. A mutable argument (a list, a builder, a domain object)
 * is formatted on the logging thread, as the framework itself would, so a breadcrumb never shows a
 * later state. Enums count as immutable: their {@code toString} is expected to be fixed.
 */
public final class LogArguments {
    private LogArguments() {
    }

    /** True when every argument is null or of a type known to be immutable. */
    public static boolean allImmutable(Object[] arguments) {
        if (arguments == null) {
            return true;
        }
        for (Object a : arguments) {
            if (!isImmutable(a)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code a} is null or of a type known to be immutable. */
    public static boolean isImmutable(Object a) {
        if (a == null) {
            return true;
        }
        Class<?> c = a.getClass();
        // Exact classes: a subclass of BigDecimal, say, may carry mutable state.
        return c == String.class || c == Integer.class || c == Long.class || c == Boolean.class
                || c == Double.class || c == Float.class || c == Short.class || c == Byte.class
                || c == Character.class || c == UUID.class || c == BigDecimal.class || c == BigInteger.class
                || c == Instant.class || c == Duration.class || c == LocalDate.class || c == LocalTime.class
                || c == LocalDateTime.class || c == OffsetDateTime.class || c == ZonedDateTime.class
                || a instanceof Enum;
    }

    /**
     * The argument's text, null kept: a {@code toString()} that throws gives a placeholder naming the
     * exception instead, since a broken argument must neither lose the record nor fail the logging call.
     */
    public static String text(Object argument) {
        if (argument == null) {
            return null;
        }
        try {
            return String.valueOf(argument);
        } catch (Throwable t) { // NOPMD: an Error too: an argument must not cost the event or the log call
            return "<toString() threw " + t.getClass().getName() + ">";
        }
    }
}
