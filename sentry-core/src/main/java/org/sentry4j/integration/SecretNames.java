package org.sentry4j.integration;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a setting or parameter name probably holds a secret, so its value is replaced by
 * {@value #REDACTED} before it leaves the process, and scrubs the secrets a value may carry inside it
 * ({@code password=…} pairs, JAAS {@code password="…";}, URL user-info). Errs on the side of redacting.
 */
final class SecretNames {
    static final String REDACTED = "***";
    /** Matched anywhere in the lower-cased name. */
    private static final Pattern SECRET = Pattern.compile(
            "passw|passphrase|pwd|secret|token|credential|dsn|auth|signature|sig$|private|session|cookie|jwt|"
                    + "bearer|apikey|api[._-]key|access[._-]?key|key$|keystore[._-]?pass|truststore[._-]?pass");
    /** Matched as a whole word of the name (split at {@code . _ - : /} and camelCase). */
    private static final Set<String> SECRET_WORDS = Set.of("pass", "pin", "pw", "key", "keys", "otp", "p");
    private static final Pattern WORD_BREAK = Pattern.compile("[._\\-:/\\s]+|(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern USER_INFO = Pattern.compile("(://)[^/@\\s]+@");
    /** {@code scott/tiger@host} after a JDBC {@code thin:} prefix: Oracle's user/password form. */
    private static final Pattern ORACLE_USER_INFO = Pattern.compile("(thin:)[^@\\s/]+/[^@\\s]+@");
    /**
     * A {@code name=value} or {@code name: value} pair inside a longer value; the value may be quoted
     * (JAAS {@code password="…";}). Its value is replaced when the name {@linkplain #looksSecret looks secret}.
     */
    private static final Pattern INNER_PAIR = Pattern.compile(
            "([\\w.\\-]+)(\\s*[=:]\\s*)(\"[^\"]*\"?|'[^']*'?|[^\\s&;,\"'}\\]]+)");

    private SecretNames() {
    }

    static boolean looksSecret(String name) {
        if (name == null) {
            return false;
        }
        if (SECRET.matcher(name.toLowerCase(Locale.ROOT)).find()) {
            return true;
        }
        String bare = name.startsWith("-D") ? name.substring(2) : name;
        for (String word : WORD_BREAK.split(bare)) {
            if (!word.isEmpty() && SECRET_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the user-info part of any URL in {@code text} ({@code scheme://user:pw@host}). */
    static String withoutUserInfo(String text) {
        if (text.indexOf('@') < 0) {
            return text;
        }
        String out = USER_INFO.matcher(text).replaceAll("$1" + REDACTED + "@");
        return ORACLE_USER_INFO.matcher(out).replaceAll("$1" + REDACTED + "@");
    }

    /**
     * {@code text} with every secret it carries replaced: the user-info of URLs and the values of
     * secret-looking pairs inside it ({@code ?user=a&password=x}, {@code password="x";}, {@code token: x}).
     */
    static String scrub(String text) {
        String out = withoutUserInfo(text);
        Matcher m = INNER_PAIR.matcher(out);
        if (!m.find()) {
            return out;
        }
        StringBuilder sb = new StringBuilder(out.length());
        do {
            String value = m.group(3);
            if (looksSecret(m.group(1))) {
                String quote = value.startsWith("\"") ? "\"" : value.startsWith("'") ? "'" : "";
                value = quote + REDACTED + quote;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + value));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
