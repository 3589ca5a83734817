package org.sentry4j.integration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.sentry4j.Hint;
import org.sentry4j.SentryEvent;

/**
 * Source context: Sentry's Maven and Gradle plugins upload the application's sources as bundles and
 * write their ids into {@code sentry-debug-meta.properties} at the root of the class path
 * ({@code io.sentry.bundle-ids=<uuid>[,<uuid>…]}). Every event then names them in
 * {@code debug_meta.images} (type {@code jvm}), and Sentry shows the source lines of its stack frames.
 * Every such file on the class path is read once, by the worker as it processes the first event (never
 * on an application thread); none found, nothing is added.
 */
public final class DebugMetaIntegration implements Integration {
    static final String RESOURCE = "sentry-debug-meta.properties";
    static final String BUNDLE_IDS = "io.sentry.bundle-ids";
    private final ClassLoader loader;
    private volatile List<String> ids; // null until read

    public DebugMetaIntegration() {
        this(null);
    }

    /** Reads from {@code loader} (tests); null: the thread's context class loader and the SDK's own. */
    DebugMetaIntegration(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "DebugMeta";
    }

    @Override
    public void install(Installation installation) {
        installation.addEventProcessor(this::process);
    }

    SentryEvent process(SentryEvent event, Hint hint) {
        List<String> found = ids;
        if (found == null) {
            found = read();
            ids = found;
        }
        if (event.getDebugIds().isEmpty()) {
            event.getDebugIds().addAll(found);
        }
        return event;
    }

    private List<String> read() {
        Set<String> found = new LinkedHashSet<>();
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        if (loader != null) {
            loaders.add(loader);
        } else {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                loaders.add(context);
            }
            loaders.add(DebugMetaIntegration.class.getClassLoader());
        }
        Set<String> seen = new LinkedHashSet<>();
        for (ClassLoader l : loaders) {
            try {
                Enumeration<URL> files = l.getResources(RESOURCE);
                while (files.hasMoreElements()) {
                    URL file = files.nextElement();
                    if (seen.add(file.toString())) {
                        found.addAll(bundleIds(file));
                    }
                }
            } catch (IOException | RuntimeException e) { // NOPMD: no source context is better than no event
                // unreadable: leave it out
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(found));
    }

    private static List<String> bundleIds(URL file) {
        Properties p = new Properties();
        try (InputStream in = file.openStream()) {
            p.load(in);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        String value = p.getProperty(BUNDLE_IDS);
        if (value != null) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        return ids;
    }
}
