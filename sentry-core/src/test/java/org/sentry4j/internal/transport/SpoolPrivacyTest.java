package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentry4j.internal.transport.TransportFixture.WAIT;
import static org.sentry4j.internal.transport.TransportFixture.event;
import static org.sentry4j.internal.transport.TransportFixture.id;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The spool folder is the user's alone: made 0700 with files 0600, and a folder another user owns or
 * others may write is refused (envelopes wait in memory instead, said once).
 */
class SpoolPrivacyTest extends TransportTestBase {
    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void theFolderIsMade0700AndItsFiles0600() throws IOException {
        Assumptions.assumeTrue(posix(dir));
        receiver.down();
        transport = fx.transport(o -> { });
        for (int i = 0; i < 10; i++) {
            transport.send(event(id(i)));
        }
        assertThat(transport.flush(WAIT)).isTrue(); // the server is down: all of it on disk
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.cacheDir))).isEqualTo("rwx------");
        List<Path> files;
        try (Stream<Path> listing = Files.list(fx.cacheDir)) {
            files = listing.collect(Collectors.toList());
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void theDefaultFolderIsPerUserAndPerDsn() {
        String user = System.getProperty("user.name");
        Path mine = SpoolFolder.defaultFor("http://k@host/1");
        try {
            System.setProperty("user.name", user + "-other");
            assertThat(SpoolFolder.defaultFor("http://k@host/1")).isNotEqualTo(mine);
        } finally {
            System.setProperty("user.name", user);
        }
        assertThat(SpoolFolder.defaultFor("http://k@host/2")).isNotEqualTo(mine);
        assertThat(SpoolFolder.defaultFor("http://k@host/1")).isEqualTo(mine);
    }

    @Test
    void aFolderOthersMayWriteIsRefusedAndEnvelopesWaitInMemory() throws IOException {
        Assumptions.assumeTrue(posix(dir));
        Files.createDirectories(fx.cacheDir);
        Files.setPosixFilePermissions(fx.cacheDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        receiver.down();
        transport = fx.transport(o -> { });
        for (int i = 0; i < 5; i++) {
            transport.send(event(id(i)));
        }
        assertThat(transport.flush(Duration.ofMillis(500))).as("nowhere to put them but memory").isFalse();
        awaitDiagnostic("writable by other users");
        assertThat(fx.diagnostics()).contains("wait in memory");
        try (Stream<Path> listing = Files.list(fx.cacheDir)) {
            assertThat(listing.count()).as("nothing written there").isZero();
        }

        receiver.up();
        assertThat(fx.awaitEvents(5, () -> transport.stats().toString())).hasSize(5);
        assertThat(transport.stats().dropped()).isEmpty();
    }

    @Test
    void aFolderAnotherUserOwnsIsRefused() throws IOException {
        Assumptions.assumeTrue(posix(dir));
        Files.createDirectories(fx.cacheDir);
        Files.setPosixFilePermissions(fx.cacheDir, PosixFilePermissions.fromString("rwx------"));
        UserPrincipal other;
        try {
            other = fx.cacheDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(fx.cacheDir, other); // only a privileged test run can hand a folder to another user
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("cannot give the folder to another user here: " + e);
            return;
        }
        DiskSpool spool = DiskSpool.forOptions(fx.options(o -> { }), new ClientReports(fx.clock, true), fx.diagnostics);

        assertThat(spool.open()).isFalse();
        assertThat(spool.writable()).isFalse();
        assertThat(fx.diagnostics()).contains("owned by another user");
    }

    private void awaitDiagnostic(String text) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!fx.diagnostics().contains(text) && System.nanoTime() - deadline < 0) {
            transport.flush(Duration.ofMillis(20)); // the spool thread opens the folder concurrently
        }
        assertThat(fx.diagnostics()).contains(text);
    }
}
