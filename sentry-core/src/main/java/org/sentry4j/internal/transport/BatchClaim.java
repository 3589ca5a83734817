package org.sentry4j.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sentry4j.transport.Envelope;

/**
 * This process's exclusive right to replay one batch file: an OS lock on the file, held from the
 * first envelope handed out until the file is deleted, rewritten or let go. Another process sharing
 * the folder skips a claimed file, and the OS lets go of a killed process's claims, so what it did not
 * deliver becomes claimable again. The file is read through the channel that holds the lock: on POSIX
 * systems, closing any other descriptor of the file would release the lock. For the same reason a
 * JVM-wide set keeps a second spool on the folder in this process from opening a claimed file at all.
 */
final class BatchClaim {
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    /** Why a claim was not had. */
    enum Refusal { HELD_ELSEWHERE, VANISHED }

    /** Thrown by {@link #tryClaim} when the file cannot be claimed now. */
    static final class NotClaimed extends Exception {
        private static final long serialVersionUID = 1L;
        final Refusal refusal;

        NotClaimed(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }
    }

    private final Path file;
    private final FileChannel channel;

    private BatchClaim(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Claims the file, or says why not: another process (or another spool in this one) holds it, or it
     * is gone. A file this process may read but not write is claimed without a lock: it cannot delete
     * such a file either, so it could not keep another process from sending it again anyway.
     */
    static BatchClaim tryClaim(Path file) throws NotClaimed, IOException {
        Path key = file.toAbsolutePath().normalize();
        if (!HELD_IN_THIS_JVM.add(key)) {
            throw new NotClaimed(Refusal.HELD_ELSEWHERE);
        }
        FileChannel channel = null;
        BatchClaim claim = null;
        try {
            try {
                channel = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            } catch (AccessDeniedException readOnly) {
                channel = FileChannel.open(key, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                claim = new BatchClaim(key, channel);
                return claim;
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException held) {
                lock = null;
            }
            if (lock == null) {
                throw new NotClaimed(Refusal.HELD_ELSEWHERE);
            }
            // Locked only after its holder deleted it (delivered, evicted or rewritten): nothing to send.
            if (!Files.exists(key, LinkOption.NOFOLLOW_LINKS)) {
                throw new NotClaimed(Refusal.VANISHED);
            }
            claim = new BatchClaim(key, channel);
            return claim;
        } catch (NoSuchFileException vanished) {
            throw new NotClaimed(Refusal.VANISHED);
        } finally {
            if (claim == null) {
                if (channel != null) {
                    closeQuietly(channel);
                }
                HELD_IN_THIS_JVM.remove(key);
            }
        }
    }

    /** The envelopes at the {@code wanted} positions (see {@link BatchFile#read}). */
    Envelope[] read(int count, BitSet wanted) throws IOException {
        channel.position(0);
        InputStream in = Channels.newInputStream(channel);
        return BatchFile.read(new InputStream() { // closing the reader must not close the channel
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
            }
        }, BatchFile.isSingle(file), count, wanted);
    }

    /** Lets go of the file (after deleting it, if it was delivered). */
    void release() {
        closeQuietly(channel);
        HELD_IN_THIS_JVM.remove(file);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close(); // releases the lock
        } catch (IOException ignored) {
            // the descriptor is gone either way
        }
    }
}
