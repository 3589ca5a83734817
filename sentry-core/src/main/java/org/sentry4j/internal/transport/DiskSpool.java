package org.sentry4j.internal.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;

/**
 * Envelopes that could not be sent yet, one file each in a folder, oldest first by name
 * ({@code <millis>-<seq>-<category>.envelope}). Writes are atomic (temp file + rename); files are in
 * the spool format ({@code sent_at} left out). Bounded by count, bytes and age: the oldest go first and
 * are counted as {@code cache_overflow}. Only the transport's own threads call this; the lock is never
 * held by an application thread. Disk failures are reported and turn into a {@code false} return, never
 * an exception.
 */
final class DiskSpool {
    private static final String SUFFIX = ".envelope";
    private static final String TEMP_PREFIX = ".tmp-";

    /** Writes the spool form of an envelope to a path; replaced in tests to simulate a full disk. */
    @FunctionalInterface
    interface FileWriter {
        void write(Path file, Envelope envelope) throws IOException;
    }

    private final Path dir;
    private final int maxItems;
    private final long maxBytes;
    private final Duration maxAge;
    private final Clock clock;
    private final ClientReports reports;
    private final Diagnostics diagnostics;
    private final FileWriter writer;
    private final TreeMap<String, Long> index = new TreeMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private long bytes;
    private long seq;
    /** Tells this process's files from another's written in the same millisecond (e.g. before a restart). */
    private final String tag = Long.toHexString(System.nanoTime() ^ ((long) System.identityHashCode(this) << 32));
    private boolean opened;
    private boolean usable;
    private volatile int count;

    DiskSpool(Path dir, SentryOptions options, ClientReports reports, Diagnostics diagnostics, FileWriter writer) {
        this.dir = dir;
        this.maxItems = options.maxCacheItems();
        this.maxBytes = options.maxCacheBytes();
        this.maxAge = options.maxCacheAge();
        this.clock = options.clock();
        this.reports = reports;
        this.diagnostics = diagnostics;
        this.writer = writer;
    }

    static DiskSpool forOptions(SentryOptions options, ClientReports reports, Diagnostics diagnostics) {
        if (!options.cacheEnabled()) {
            return null;
        }
        Path dir = options.cacheDir() != null ? options.cacheDir()
                : Path.of(System.getProperty("java.io.tmpdir"), "sentry4j-" + hash(options.dsn()));
        return new DiskSpool(dir, options, reports, diagnostics, DiskSpool::writeSpoolForm);
    }

    private static void writeSpoolForm(Path file, Envelope envelope) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            envelope.writeTo(out, null);
        }
    }

    static String hash(String dsn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dsn.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            return Integer.toHexString(dsn.hashCode());
        }
    }

    Path dir() {
        return dir;
    }

    /** Creates the folder and indexes what an earlier process left; idempotent. False when unusable. */
    synchronized boolean open() {
        if (opened) {
            return usable;
        }
        opened = true;
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(TEMP_PREFIX)) {
                        Files.deleteIfExists(file); // a write torn by a crash
                    } else if (name.endsWith(SUFFIX) && millisOf(name) >= 0) {
                        long size = Files.size(file);
                        index.put(name, size);
                        bytes += size;
                    }
                }
            }
            usable = true;
            count = index.size();
            if (!index.isEmpty()) {
                diagnostics.debug("disk spool " + dir + " holds " + index.size() + " envelope(s) to replay");
            }
        } catch (IOException | RuntimeException e) {
            usable = false;
            diagnostics.debug("disk spool " + dir + " is unusable; envelopes that cannot be sent are dropped", e);
        }
        return usable;
    }

    /** Writes an envelope to disk; false when the spool is off or the disk refused (reported). */
    boolean store(Envelope envelope, String category) {
        String name;
        synchronized (this) {
            if (!open()) {
                return false;
            }
            name = String.format("%013d-%08d%s-%s%s", Math.max(0, clock.millis()), seq++, tag, safe(category), SUFFIX);
        }
        Path temp = dir.resolve(TEMP_PREFIX + name);
        long size;
        try {
            writer.write(temp, envelope);
            size = Files.size(temp);
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            diagnostics.throttled("spool.write", Duration.ofMinutes(1),
                    "cannot write to disk spool " + dir + ": " + Diagnostics.describe(e));
            return false;
        }
        synchronized (this) {
            index.put(name, size);
            bytes += size;
            trim();
            count = index.size();
        }
        return true;
    }

    private static String safe(String category) {
        return category == null || !category.matches("[a-z_]{1,32}") ? "default" : category;
    }

    private void trim() {
        while (index.size() > maxItems || bytes > maxBytes) {
            if (!evictOldest()) {
                return;
            }
        }
    }

    /** Removes files older than {@code maxCacheAge}, counted as cache_overflow. */
    synchronized void removeExpired() {
        long oldest = clock.millis() - maxAge.toMillis();
        while (!index.isEmpty()) {
            String first = firstNotInFlight();
            if (first == null || millisOf(first) >= oldest) {
                return;
            }
            evict(first);
        }
    }

    private boolean evictOldest() {
        String first = firstNotInFlight();
        if (first == null) {
            return false;
        }
        evict(first);
        return true;
    }

    private void evict(String name) {
        remove(name);
        reports.record(DiscardReason.CACHE_OVERFLOW, categoryOf(name), 1);
    }

    private String firstNotInFlight() {
        for (String name : index.keySet()) {
            if (!inFlight.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** The oldest file not already handed out, marked as in flight; null when none. */
    synchronized String claimOldest() {
        if (!opened && !open()) {
            return null;
        }
        String name = firstNotInFlight();
        if (name != null) {
            inFlight.add(name);
        }
        return name;
    }

    /**
     * Reads a claimed file; a torn or unreadable file is deleted and null returned (the caller moves on).
     */
    Envelope read(String name) {
        try {
            return Envelope.parse(Files.readAllBytes(dir.resolve(name)));
        } catch (IllegalArgumentException | IOException e) {
            diagnostics.debug("skipping unreadable spool file " + name, e);
            delete(name);
            return null;
        }
    }

    /** Forgets a file for good: it was delivered or deliberately dropped. */
    synchronized void delete(String name) {
        remove(name);
    }

    private void remove(String name) {
        Long size = index.remove(name);
        if (size != null) {
            bytes -= size;
        }
        inFlight.remove(name);
        count = index.size();
        deleteQuietly(dir.resolve(name));
    }

    /** Puts a claimed file back: it could not be sent now and will be replayed later. */
    synchronized void release(String name) {
        inFlight.remove(name);
    }

    /** Files waiting on disk; cheap. */
    int count() {
        return count;
    }

    synchronized int unclaimed() {
        return index.size() - inFlight.size();
    }

    static String categoryOf(String name) {
        int dash = name.indexOf('-', name.indexOf('-') + 1);
        int end = name.length() - SUFFIX.length();
        return dash < 0 || dash + 1 > end ? "default" : name.substring(dash + 1, end);
    }

    private static long millisOf(String name) {
        int dash = name.indexOf('-');
        try {
            return dash <= 0 ? -1 : Long.parseLong(name.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            diagnostics.throttled("spool.delete", Duration.ofMinutes(1), "cannot delete spool file " + file);
        }
    }

    /** For tests and the health line. */
    synchronized Map<String, Long> snapshot() {
        return new TreeMap<>(index);
    }
}
