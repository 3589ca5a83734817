package org.sentry4j.integration;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A URL fit for a breadcrumb: scheme, host, port and path as requested; never the user-info; query
 * parameters kept, but the values of secret-looking ones ({@code token}, {@code api_key},
 * {@code password}, {@code signature}, …) replaced by {@code ***}; no fragment.
 */
final class SafeUrl {
    private SafeUrl() {
    }

    static String of(String scheme, String host, int port, String pathAndQuery) {
        StringBuilder url = new StringBuilder(64);
        if (host != null) {
            boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
            url.append(scheme == null ? "http" : scheme).append("://")
                    .append(ipv6 ? "[" + host + "]" : host);
            if (port >= 0) {
                url.append(':').append(port);
            }
        }
        String rest = pathAndQuery == null ? "" : pathAndQuery;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int q = rest.indexOf('?');
        if (q < 0) {
            return url.append(rest).toString();
        }
        url.append(rest, 0, q + 1).append(redactQuery(rest.substring(q + 1)));
        return url.toString();
    }

    static String redactQuery(String query) {
        StringBuilder out = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && SecretNames.looksSecret(decode(name))) {
                out.append(name).append('=').append(SecretNames.REDACTED);
            } else {
                out.append(pair);
            }
            out.append('&');
        }
        out.setLength(Math.max(0, out.length() - 1));
        return out.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
