package org.sentry4j.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A parsed Data Source Name: {@code {scheme}://{publicKey}[:{secretKey}]@{host}[:{port}]{path}/{projectId}}.
 * A path before the project id is kept: {@code https://k@host/sub/42} posts to
 * {@code https://host/sub/api/42/envelope/}.
 */
public final class Dsn {
    private final String raw;
    private final String publicKey;
    private final String secretKey;
    private final String projectId;
    private final URI envelopeUri;

    private Dsn(String raw, String publicKey, String secretKey, String projectId, URI envelopeUri) {
        this.raw = raw;
        this.publicKey = publicKey;
        this.secretKey = secretKey;
        this.projectId = projectId;
        this.envelopeUri = envelopeUri;
    }

    /**
     * @throws IllegalArgumentException naming what is wrong: scheme, public key, host or project id.
     */
    public static Dsn parse(String dsn) {
        if (dsn == null || dsn.isBlank()) {
            throw new IllegalArgumentException("dsn: is empty");
        }
        String text = dsn.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("dsn: is not a valid URI (" + e.getReason() + "): " + redact(text));
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException(
                    "dsn: scheme must be http or https, was " + (scheme == null ? "missing" : "'" + scheme + "'")
                            + ": " + redact(text));
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty() || userInfo.startsWith(":")) {
            throw new IllegalArgumentException("dsn: missing public key before '@': " + redact(text));
        }
        int colon = userInfo.indexOf(':');
        String publicKey = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String secretKey = colon < 0 ? null : userInfo.substring(colon + 1);
        if (secretKey != null && secretKey.isEmpty()) {
            secretKey = null;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("dsn: missing host: " + redact(text));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int slash = path.lastIndexOf('/');
        String projectId = slash < 0 ? "" : path.substring(slash + 1);
        if (projectId.isEmpty()) {
            throw new IllegalArgumentException("dsn: missing project id (the last path segment): " + redact(text));
        }
        String basePath = path.substring(0, slash);
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        URI envelope = URI.create(scheme + "://" + uri.getRawAuthority().substring(userInfo.length() + 1)
                .replaceFirst("^$", uri.getHost() + port) + basePath + "/api/" + projectId + "/envelope/");
        return new Dsn(text, publicKey, secretKey, projectId, envelope);
    }

    /**
     * The DSN with its secret key (if any) hidden, for diagnostics; also when the scheme is missing
     * ({@code key:secret@host/1}), where no URI parser sees user-info.
     */
    /**
     * {@code dsn} as it may be shown: the secret key (between the public key's {@code :} and the
     * {@code @}) replaced by {@code ***}; for a DSN that is not valid too, such as an unresolved variable.
     */
    public static String redact(String dsn) {
        if (dsn == null) {
            return null;
        }
        int slashes = dsn.indexOf("//");
        int start = slashes < 0 ? 0 : slashes + 2;
        int at = dsn.lastIndexOf('@');
        int slash = dsn.indexOf('/', start);
        int colon = dsn.indexOf(':', start);
        if (at < start || (slash >= 0 && slash < at) || colon < 0 || colon > at) {
            return dsn;
        }
        return dsn.substring(0, colon + 1) + "***" + dsn.substring(at);
    }

    public String publicKey() {
        return publicKey;
    }

    /** Null unless the DSN carries the (deprecated) secret key. */
    public String secretKey() {
        return secretKey;
    }

    public String projectId() {
        return projectId;
    }

    /** {@code {base}/api/{projectId}/envelope/}. */
    public URI envelopeUri() {
        return envelopeUri;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dsn && ((Dsn) o).raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    /** Without the secret key. */
    @Override
    public String toString() {
        return redact(raw);
    }
}
