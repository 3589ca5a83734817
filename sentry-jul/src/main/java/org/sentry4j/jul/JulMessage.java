package org.sentry4j.jul;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;

/**
 * A JUL record's message as {@link java.util.logging.Formatter#formatMessage} makes it, without that
 * method's lock: the message is first looked up in the record's {@link ResourceBundle} (a missing key
 * leaves the message as it is); with parameters, a message holding {@code {} followed by a digit is a
 * {@link MessageFormat} pattern filled with them, any other message is used as it is; a pattern that
 * fails to format is used as it is.
 */
final class JulMessage {
    private JulMessage() {
    }

    /** The message after the record's resource bundle, or null when the record has none. */
    static String localized(LogRecord record) {
        String message = record.getMessage();
        ResourceBundle bundle = record.getResourceBundle();
        if (bundle == null || message == null) {
            return message;
        }
        try {
            return bundle.getString(message);
        } catch (MissingResourceException | ClassCastException e) {
            return message;
        }
    }

    /** Whether JUL fills {@code message} with parameters: it holds {@code {} followed by a digit. */
    static boolean isPattern(String message) {
        if (message == null) {
            return false;
        }
        for (int i = message.indexOf('{'); i >= 0 && i < message.length() - 1; i = message.indexOf('{', i + 1)) {
            char next = message.charAt(i + 1);
            if (next >= '0' && next <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a record's message is filled with its parameters: JUL's rule, or with {@code printfStyle}
     * any message that has parameters.
     */
    static boolean fills(String message, Object[] parameters, boolean printfStyle) {
        return parameters != null && parameters.length > 0 && message != null && (printfStyle || isPattern(message));
    }

    /** {@code pattern} filled with {@code parameters} as {@link String#format}; the pattern itself when it does not format. */
    static String printf(String pattern, Object[] parameters) {
        try {
            return String.format(pattern, parameters);
        } catch (RuntimeException e) { // a malformed pattern, or an argument whose formatting throws
            return pattern;
        }
    }

    /** {@code pattern} filled with {@code parameters}; the pattern itself when it does not format. */
    static String format(String pattern, Object[] parameters) {
        try {
            return MessageFormat.format(pattern, parameters);
        } catch (RuntimeException e) { // a malformed pattern, or an argument whose formatting throws
            return pattern;
        }
    }
}
