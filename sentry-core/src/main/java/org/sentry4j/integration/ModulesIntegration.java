package org.sentry4j.integration;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.sentry4j.Hint;
import org.sentry4j.SentryEvent;
import org.sentry4j.internal.SdkThread;

/**
 * Adds the jars of the class path and their versions to every event ({@code modules}). The class path
 * is scanned once per JVM (again only if it changed), on an SDK thread started at install, so neither
 * {@code init} nor a capture waits for disk reads. The first event the SDK's worker processes before
 * the scan ends (a crash right after {@code init}) waits for it there, once and up to {@link #MAX_WAIT},
 * so it has modules too; later ones never wait (the worker must keep its time for delivery when a
 * short-lived program closes), and the application's thread never does. Kept within Relay's 8 KiB: beyond
 * that, modules are dropped in name order.
 */
public final class ModulesIntegration implements Integration {
    /** The last scan, so that re-initialising the SDK (appenders reconfiguring) does not read the jars again. */
    private static volatile Scan lastScan;
    /** How long the worker waits, once, for a scan still running; a scan of hundreds of jars takes less. */
    static final Duration MAX_WAIT = Duration.ofMillis(250);

    private final String classPath;
    private final Function<String, Map<String, String>> scanner;
    private final CountDownLatch scanned = new CountDownLatch(1);
    private volatile Map<String, String> modules = Map.of();
    private final AtomicBoolean waited = new AtomicBoolean();

    public ModulesIntegration() {
        this(System.getProperty("java.class.path"));
    }

    /** Scans the given class path instead of this JVM's. */
    ModulesIntegration(String classPath) {
        this(classPath, ModuleScanner::scan);
    }

    /** Scans with {@code scanner} (a slow one, in tests). */
    ModulesIntegration(String classPath, Function<String, Map<String, String>> scanner) {
        this.classPath = classPath;
        this.scanner = scanner;
    }

    @Override
    public String name() {
        return "Modules";
    }

    @Override
    public void install(Installation installation) {
        Scan last = lastScan;
        if (last != null && Objects.equals(last.classPath, classPath)) {
            modules = last.modules;
            scanned.countDown();
        } else {
            new SdkThread("modules", this::scan).start();
        }
        installation.addEventProcessor(this::process);
    }

    private void scan() {
        try {
            Scan scan = new Scan(classPath, Collections.unmodifiableMap(ModuleScanner.trimToJsonSize(
                    scanner.apply(classPath), ModuleScanner.MAX_JSON_BYTES)));
            lastScan = scan;
            modules = scan.modules;
        } catch (RuntimeException | LinkageError e) { // NOPMD: no modules is better than a dead SDK thread
            modules = Map.of();
        } finally {
            scanned.countDown();
        }
    }

    SentryEvent process(SentryEvent event, Hint hint) {
        if (scanned.getCount() > 0 && Thread.currentThread() instanceof SdkThread
                && waited.compareAndSet(false, true)) {
            try {
                scanned.await(MAX_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closing: go without modules
            }
        }
        Map<String, String> found = modules;
        if (event.getModules().isEmpty() && !found.isEmpty()) {
            event.getModules().putAll(found); // sorted by name: the scanner's TreeMap
        }
        return event;
    }

    /** Waits until the scan has finished; for tests. */
    boolean awaitScanned(Duration timeout) throws InterruptedException {
        return scanned.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The modules found so far (empty until the scan ends). */
    Map<String, String> modules() {
        return modules;
    }

    private static final class Scan {
        final String classPath;
        final Map<String, String> modules;

        Scan(String classPath, Map<String, String> modules) {
            this.classPath = classPath;
            this.modules = modules;
        }
    }
}
