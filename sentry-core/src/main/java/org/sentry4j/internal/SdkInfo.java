package org.sentry4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/** Who we are on the wire: {@code sdk.name}, {@code sdk.version}, the User-Agent and {@code sentry_client}. */
public final class SdkInfo {
    public static final String NAME = "sentry4j.java";
    public static final String VERSION = readVersion();
    public static final String CLIENT = NAME + "/" + VERSION;
    public static final String CORE_PACKAGE = "maven:org.sentry4j:sentry-core";

    private SdkInfo() {
    }

    /**
     * The Implementation-Version of the jar this class came from, read from that jar's own manifest
     * (Package#getImplementationVersion is null on the module path); a placeholder when running from
     * classes, or from a jar whose manifest is not ours (a shaded one).
     */
    private static String readVersion() {
        try {
            URL self = SdkInfo.class.getResource("SdkInfo.class");
            String url = self == null ? "" : self.toString();
            int root = url.lastIndexOf("!/");
            if (url.startsWith("jar:") && root > 0) {
                URLConnection connection = new URL(url.substring(0, root + 2) + "META-INF/MANIFEST.MF").openConnection();
                connection.setUseCaches(false);
                try (InputStream in = connection.getInputStream()) {
                    Attributes main = new Manifest(in).getMainAttributes();
                    String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
                    if (version != null && "org.sentry4j.core".equals(main.getValue("Automatic-Module-Name"))) {
                        return version;
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // fall through to the placeholder
        }
        return "0.0.0-dev";
    }
}
