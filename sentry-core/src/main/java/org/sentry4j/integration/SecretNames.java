package org.sentry4j.integration;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a setting or parameter name probably holds a secret, so its value is replaced by
 * {@value #REDACTED} before it leaves the process. Errs on the side of redacting.
 */
final class SecretNames {
    static final String REDACTED = "***";
    private static final Pattern SECRET = Pattern.compile(
            "passw|pwd|secret|token|credential|dsn|auth|signature|sig$|private|session|cookie|jwt|bearer|"
                    + "apikey|api[._-]key|access[._-]?key|key$");
    private static final Pattern USER_INFO = Pattern.compile("(://)[^/@\\s]+@");

    private SecretNames() {
    }

    static boolean looksSecret(String name) {
        return name != null && SECRET.matcher(name.toLowerCase(Locale.ROOT)).find();
    }

    /** Replaces the user-info part of any URL in {@code text} ({@code scheme://user:pw@host}). */
    static String withoutUserInfo(String text) {
        return text.indexOf('@') < 0 ? text : USER_INFO.matcher(text).replaceAll("$1" + REDACTED + "@");
    }
}
