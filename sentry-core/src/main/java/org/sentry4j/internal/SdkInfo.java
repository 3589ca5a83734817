package org.sentry4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Who we are on the wire: {@code sdk.name}, {@code sdk.version}, the User-Agent and {@code sentry_client}. */
public final class SdkInfo {
    public static final String NAME = "sentry4j.java";
    public static final String VERSION = readVersion();
    public static final String CLIENT = NAME + "/" + VERSION;
    public static final String CORE_PACKAGE = "maven:org.sentry4j:sentry-core";

    private SdkInfo() {
    }

    private static String readVersion() {
        try (InputStream in = SdkInfo.class.getResourceAsStream("/org/sentry4j/sentry4j-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.startsWith("$")) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall through to the placeholder
        }
        return "0.0.0-dev";
    }
}
