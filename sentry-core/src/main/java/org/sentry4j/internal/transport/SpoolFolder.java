package org.sentry4j.internal.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.sentry4j.internal.Diagnostics;

/**
 * Looks at the spool folder, which other processes may share (the default folder is per DSN, so a
 * rolling restart runs two on it): which batch files are in it, and which temp files a crash left. A
 * file may vanish at any moment (another process delivered it); that is skipped, never an error.
 */
final class SpoolFolder {
    static final String TEMP_PREFIX = ".tmp-";
    /** A temp file younger than this may be another process's write in progress; older, one torn by a crash. */
    static final Duration STALE_TEMP = Duration.ofMinutes(1);
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;
    private final Clock clock;
    private final Diagnostics diagnostics;

    SpoolFolder(Path dir, Clock clock, Diagnostics diagnostics) {
        this.dir = dir;
        this.clock = clock;
        this.diagnostics = diagnostics;
    }

    /**
     * The default folder: one per user and DSN under the temp dir, so every process of this user
     * reporting there shares it, and no other user's does.
     */
    static Path defaultFor(String dsn) {
        String user = System.getProperty("user.name", "");
        return Path.of(System.getProperty("java.io.tmpdir"), "sentry4j-" + hash(user + "\n" + dsn));
    }

    /**
     * Creates the folder (0700 where the file system has POSIX permissions), or checks the one there:
     * a real directory, owned by this process's user and writable by nobody else. Throws, naming the
     * reason, for a folder that fails the check: another user could read the events in it, or plant
     * envelopes this process would send with its key.
     */
    void createPrivate() throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = Files.getFileStore(parent != null ? parent : dir.toAbsolutePath())
                .supportsFileAttributeView(PosixFileAttributeView.class);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (posix) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
                } else {
                    Files.createDirectory(dir);
                }
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: checked below like any folder found there
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a directory (a file or a link is in the way)");
        }
        if (!posix) {
            return;
        }
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name", ""));
        if (!attributes.owner().equals(me)) {
            throw new IOException("owned by another user (" + attributes.owner().getName() + ")");
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException("writable by other users (" + PosixFilePermissions.toString(permissions) + ")");
        }
    }

    /** Creates an empty file readable and writable by this user only (where POSIX permissions exist). */
    static void createPrivateFile(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
        } else {
            Files.createFile(file);
        }
    }

    private static String hash(String dsn) {
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

    /**
     * The batch files in the folder by name, with their sizes (-1 for the {@code known} ones, whose size
     * the caller has: a rescan then reads only new files'); deletes stale temp files on the way.
     * Throws only when the folder itself cannot be read.
     */
    Map<String, Long> list(Set<String> known) throws IOException {
        Map<String, Long> found = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                look(file, known, found);
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return found;
    }

    private void look(Path file, Set<String> known, Map<String, Long> found) {
        String name = file.getFileName().toString();
        try {
            if (name.startsWith(TEMP_PREFIX)) {
                if (stale(file, name.substring(TEMP_PREFIX.length()))) {
                    Files.deleteIfExists(file);
                }
            } else if (BatchName.countOf(name) > 0 && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                found.put(name, known.contains(name) ? -1L : Files.size(file));
            }
        } catch (NoSuchFileException vanished) {
            // delivered (or its write finished) by another process since the listing: nothing to do
        } catch (IOException | RuntimeException e) {
            diagnostics.throttled("spool.scan", Duration.ofMinutes(1),
                    "cannot read spool file " + file + ": " + Diagnostics.describe(e));
        }
    }

    /** By the time in its name (the writer's clock), else by its modification time. */
    private boolean stale(Path file, String name) throws IOException {
        long written = BatchName.millisOf(name);
        if (written < 0) {
            written = Files.getLastModifiedTime(file).toMillis();
        }
        return clock.millis() - written > STALE_TEMP.toMillis();
    }
}
