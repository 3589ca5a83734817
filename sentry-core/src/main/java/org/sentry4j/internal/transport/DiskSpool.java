package org.sentry4j.internal.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Envelope;

/**
 * Envelopes that could not be sent yet, in batch files in a folder ({@link BatchFile}), oldest first by
 * name ({@code <millis>-<seq>-<category>-<count>.batch}). Writes are atomic (temp file + rename), so a
 * file is whole or absent. Replay hands envelopes out one by one and each is acknowledged on its own;
 * a file is deleted once every envelope in it was delivered or deliberately dropped, so a crash in
 * between sends some again but never loses one. Bounded by envelope count, bytes and age: the oldest
 * files go first and their envelopes are counted as {@code cache_overflow}. Other processes may share
 * the folder: their files are adopted ({@link #rescan}), and a file one of them delivered simply goes
 * from the index. A file is replayed by one process at a time ({@link BatchClaim}): the first to hand
 * out one of its envelopes claims it until the file is deleted or rewritten, or until nothing of it is
 * handed out nor delivered; the others skip it, and evict only files nobody claims. Only the transport's own
 * threads call this; the lock is never held by an application thread nor during file I/O. Disk
 * failures are reported and turn into a return value, never an exception.
 */
final class DiskSpool {
    /** Envelopes per file at most (fewer for a small {@code maxCacheItems}, so eviction stays fine-grained). */
    static final int MAX_BATCH = 256;
    /** How long the spool is not written to after a write failed (a full or read-only disk). */
    static final long WRITE_REST_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    /** Payload bytes per file at most (before compression). */
    static final long MAX_BATCH_BYTES = 4L << 20;

    /** Writes a batch file; replaced in tests to simulate a full disk. */
    @FunctionalInterface
    interface FileWriter {
        void write(Path file, List<Envelope> envelopes) throws IOException;
    }

    /** One file: how many envelopes it holds, which are settled and which are handed out. */
    private static final class Batch {
        final String name;
        final int count;
        final long size;
        final BitSet done = new BitSet();
        final BitSet out = new BitSet();
        /** This process's claim on the file, while it replays it; null when it has none. */
        BatchClaim claim;

        Batch(String name, int count, long size) {
            this.name = name;
            this.count = count;
            this.size = size;
        }

        int live() {
            return count - done.cardinality();
        }

        BitSet waiting() {
            BitSet w = new BitSet(count);
            w.set(0, count);
            w.andNot(done);
            w.andNot(out);
            return w;
        }
    }

    private final Path dir;
    private final int maxItems;
    private final long maxBytes;
    private final Duration maxAge;
    private final Clock clock;
    private final ClientReports reports;
    private final Diagnostics diagnostics;
    private final FileWriter writer;
    private final SpoolFolder folder;
    private final TreeMap<String, Batch> index = new TreeMap<>();
    /** Files with envelopes nobody has handed out, oldest first: a claim need not walk the whole index. */
    private final TreeSet<String> withWaiting = new TreeSet<>();
    /**
     * Files this process took out of its index but could not delete (a folder it may read but not
     * write): a rescan must not adopt them again. A name is forgotten once a listing no longer shows it.
     */
    private final Set<String> removedHere = new HashSet<>();
    /** Files with envelopes waiting that another process claimed: tried again after the next rescan. */
    private final Set<String> claimedElsewhere = new HashSet<>();
    private long bytes;
    private int live;
    private long seq;
    /** Tells this process's files from another's written in the same millisecond (e.g. before a restart). */
    private final String tag = Long.toHexString(System.nanoTime() ^ ((long) System.identityHashCode(this) << 32));
    private boolean opened;
    private boolean usable;
    /** After a failed write the spool rests ({@code System.nanoTime}): what waits stays in memory meanwhile. */
    private volatile long restUntilNanos = System.nanoTime();
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
        this.folder = new SpoolFolder(dir, clock, diagnostics);
    }

    static DiskSpool forOptions(SentryOptions options, ClientReports reports, Diagnostics diagnostics) {
        if (!options.cacheEnabled()) {
            return null;
        }
        Path dir = options.cacheDir() != null ? options.cacheDir() : SpoolFolder.defaultFor(options.dsn());
        return new DiskSpool(dir, options, reports, diagnostics, BatchFile::write);
    }

    Path dir() {
        return dir;
    }

    /**
     * Whether envelopes may be written now: not once the folder proved unusable, nor for a while after
     * a write failed. Before the folder is opened, optimistically yes (a write opens it).
     */
    synchronized boolean writable() {
        return (!opened || usable) && System.nanoTime() - restUntilNanos >= 0;
    }

    /** Creates the folder and indexes what an earlier process left; idempotent. False when unusable. */
    synchronized boolean open() {
        if (opened) {
            return usable;
        }
        opened = true;
        try {
            folder.createPrivate();
            for (Map.Entry<String, Long> file : folder.list(Set.of()).entrySet()) {
                add(new Batch(file.getKey(), BatchName.countOf(file.getKey()), file.getValue()));
            }
            usable = true;
            count = live;
            if (live > 0) {
                diagnostics.debug("disk spool " + dir + " holds " + live + " envelope(s) to replay");
            }
        } catch (IOException | RuntimeException e) {
            usable = false;
            diagnostics.debug("disk spool " + dir + " is unusable (" + Diagnostics.describe(e)
                    + "); envelopes that cannot be sent now wait in memory (max-queue-size) instead");
        }
        return usable;
    }

    /**
     * Adopts batch files another process wrote since this one looked, and forgets the ones another
     * process delivered (files only this one handed out stay); called every few seconds.
     */
    void rescan() {
        Set<String> before;
        synchronized (this) {
            if (!opened || !usable) {
                return;
            }
            before = new HashSet<>(index.keySet());
        }
        Map<String, Long> found;
        try {
            found = folder.list(before); // no lock held: other threads keep storing and acknowledging
        } catch (IOException | RuntimeException e) {
            diagnostics.throttled("spool.scan", Duration.ofMinutes(1),
                    "cannot read disk spool " + dir + ": " + Diagnostics.describe(e));
            return;
        }
        synchronized (this) {
            for (String name : before) {
                Batch b = index.get(name);
                if (b != null && !found.containsKey(name) && b.claim == null) {
                    forget(b); // indexed before the listing began, so it was there, and is gone now
                }
            }
            for (String name : claimedElsewhere) {
                if (index.containsKey(name)) {
                    withWaiting.add(name); // its claimer may have let it go (or died)
                }
            }
            claimedElsewhere.clear();
            removedHere.retainAll(found.keySet());
            for (Map.Entry<String, Long> file : found.entrySet()) {
                if (!before.contains(file.getKey()) // one indexed before and missing now was removed meanwhile
                        && !removedHere.contains(file.getKey())) {
                    add(new Batch(file.getKey(), BatchName.countOf(file.getKey()), file.getValue()));
                }
            }
            trim();
            count = live;
        }
    }

    private void add(Batch b) {
        if (index.containsKey(b.name)) {
            return; // a rescan found this process's new file between its rename and its indexing
        }
        index.put(b.name, b);
        withWaiting.add(b.name);
        bytes += b.size;
        live += b.count;
    }

    /** How many envelopes {@link #store} puts in one file at most. */
    int batchLimit() {
        return Math.max(1, Math.min(MAX_BATCH, maxItems / 8));
    }

    /**
     * Writes envelopes of one category to disk, in as many files as the batch bounds need; returns the
     * ones that could not be kept (spool off or unusable, or the disk refused: reported).
     */
    List<Envelope> store(List<Envelope> envelopes, String category) {
        List<Envelope> refused = new ArrayList<>();
        long byteLimit = Math.max(1, Math.min(MAX_BATCH_BYTES, maxBytes / 8));
        int from = 0;
        while (from < envelopes.size()) {
            int to = from;
            long size = 0;
            while (to < envelopes.size() && to - from < batchLimit() && (to == from || size < byteLimit)) {
                size += envelopes.get(to).payloadBytes();
                to++;
            }
            List<Envelope> chunk = envelopes.subList(from, to);
            if (!storeFile(chunk, category)) {
                refused.addAll(chunk);
            }
            from = to;
        }
        return refused;
    }

    private boolean storeFile(List<Envelope> chunk, String category) {
        return storeFile(chunk, category, -1);
    }

    /** Writes one file, named as written at {@code millis} (now, if negative). */
    private boolean storeFile(List<Envelope> chunk, String category, long millis) {
        String name;
        synchronized (this) {
            if (!open()) {
                return false;
            }
            name = BatchName.of(millis < 0 ? clock.millis() : millis, seq++, tag, category, chunk.size());
        }
        Path temp = dir.resolve(SpoolFolder.TEMP_PREFIX + name);
        long size;
        try {
            SpoolFolder.createPrivateFile(temp); // 0600 before a byte is in it
            writer.write(temp, chunk);
            size = Files.size(temp);
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            restUntilNanos = System.nanoTime() + WRITE_REST_NANOS;
            diagnostics.throttled("spool.write", Duration.ofMinutes(1),
                    "cannot write to disk spool " + dir + ": " + Diagnostics.describe(e)
                            + "; envelopes wait in memory meanwhile");
            return false;
        }
        synchronized (this) {
            add(new Batch(name, chunk.size(), size));
            trim();
            count = live; // after the trim: the count a reader sees never passes the bounds for a moment
        }
        return true;
    }

    /**
     * Evicts the oldest files until the bounds hold. A file another process is sending does not count
     * against them: it is on its way out, and evicting a newer one for it would lose what it holds.
     */
    private void trim() {
        Set<String> skipped = new HashSet<>();
        long sendingElsewhere = 0;
        long sendingElsewhereBytes = 0;
        while (live - sendingElsewhere > maxItems || bytes - sendingElsewhereBytes > maxBytes) {
            Batch oldest = oldestNotOut(skipped);
            if (oldest == null) {
                return;
            }
            if (!evict(oldest)) {
                skipped.add(oldest.name);
                sendingElsewhere += oldest.live();
                sendingElsewhereBytes += oldest.size;
            }
        }
    }

    /** Removes files older than {@code maxCacheAge}, their envelopes counted as cache_overflow. */
    synchronized void removeExpired() {
        long oldest = clock.millis() - maxAge.toMillis();
        Set<String> skipped = new HashSet<>();
        Batch first;
        while ((first = oldestNotOut(skipped)) != null && BatchName.millisOf(first.name) < oldest) {
            if (!evict(first)) {
                skipped.add(first.name);
            }
        }
    }

    private Batch oldestNotOut(Set<String> skipped) {
        for (Batch b : index.values()) {
            if (b.out.isEmpty() && !skipped.contains(b.name)) {
                return b;
            }
        }
        return null;
    }

    /**
     * Deletes a file to make room, its envelopes counted as lost; false when another process claims it
     * (it is replaying it: its envelopes may yet arrive). Claiming it first keeps another process from
     * beginning to replay it meanwhile.
     */
    private boolean evict(Batch b) {
        if (b.claim == null) {
            try {
                b.claim = BatchClaim.tryClaim(dir.resolve(b.name));
            } catch (BatchClaim.NotClaimed e) {
                if (e.refusal == BatchClaim.Refusal.HELD_ELSEWHERE) {
                    return false;
                }
                forget(b); // another process delivered or evicted it: it counted (or delivered) them
                return true;
            } catch (IOException | RuntimeException e) {
                // unreadable: deleted all the same, below
            }
        }
        int lost = b.live();
        if (remove(b)) { // not when another process removed it first: it counted (or delivered) them
            reports.record(DiscardReason.CACHE_OVERFLOW, BatchName.categoryOf(b.name), lost);
        }
        return true;
    }

    /**
     * Hands out what is waiting in the oldest file that has anything waiting, each envelope marked as
     * out until {@link #ack} or {@link #release}; an empty list when that file's waiting envelopes were
     * unreadable (they are dropped: the caller asks again), null when nothing waits.
     */
    List<Pending> claimOldest() {
        Batch batch = null;
        BitSet wanted = null;
        boolean claimNow = false;
        synchronized (this) {
            if (!open()) {
                return null;
            }
            String oldest = withWaiting.pollFirst();
            if (oldest != null) {
                batch = index.get(oldest);
                wanted = batch.waiting();
                batch.out.or(wanted);
                claimNow = batch.claim == null;
            }
        }
        if (batch == null) {
            return null;
        }
        if (claimNow && !claim(batch, wanted)) {
            return new ArrayList<>(); // another process has it, or delivered it: the caller asks again
        }
        BatchClaim claim;
        synchronized (this) {
            claim = batch.claim;
        }
        Envelope[] read;
        try {
            read = claim.read(batch.count, wanted);
        } catch (IOException | RuntimeException e) {
            read = new Envelope[batch.count];
        }
        List<Pending> claimed = new ArrayList<>(wanted.cardinality());
        int unreadable = 0;
        for (int i = wanted.nextSetBit(0); i >= 0; i = wanted.nextSetBit(i + 1)) {
            if (read[i] != null) {
                claimed.add(new Pending(read[i], batch.name, i));
            } else {
                unreadable++;
                ack(batch.name, i);
            }
        }
        if (unreadable > 0) {
            reports.record(DiscardReason.INTERNAL_SDK_ERROR, BatchName.categoryOf(batch.name), unreadable);
            diagnostics.debug("skipping unreadable spool file " + batch.name + " (" + unreadable + " of "
                    + batch.count + " envelope(s) lost)");
        }
        return claimed;
    }

    /**
     * Claims a file whose {@code wanted} envelopes were just marked out; when it cannot be had, they are
     * put back (and the file set aside until the next rescan, or forgotten if it is gone).
     */
    private boolean claim(Batch batch, BitSet wanted) {
        BatchClaim claim;
        BatchClaim.Refusal refusal;
        try {
            claim = BatchClaim.tryClaim(dir.resolve(batch.name));
            refusal = null;
        } catch (BatchClaim.NotClaimed e) {
            claim = null;
            refusal = e.refusal;
        } catch (IOException | RuntimeException e) {
            claim = null;
            refusal = BatchClaim.Refusal.HELD_ELSEWHERE; // tried again after the next rescan
            diagnostics.throttled("spool.claim", Duration.ofMinutes(1),
                    "cannot open spool file " + batch.name + ": " + Diagnostics.describe(e));
        }
        synchronized (this) {
            if (claim != null && index.get(batch.name) == batch) {
                batch.claim = claim;
                return true;
            }
            batch.out.andNot(wanted);
            if (index.get(batch.name) == batch) {
                if (refusal == BatchClaim.Refusal.VANISHED) { // another process sharing the folder delivered it
                    forget(batch);
                } else {
                    claimedElsewhere.add(batch.name);
                }
            }
        }
        if (claim != null) {
            claim.release(); // evicted meanwhile
        }
        return false;
    }

    /** An envelope handed out was delivered or deliberately dropped; its file goes once all of it went. */
    synchronized void ack(String name, int position) {
        Batch b = index.get(name);
        if (b == null || b.done.get(position)) {
            return;
        }
        b.out.clear(position);
        b.done.set(position);
        live--;
        if (b.done.cardinality() == b.count) {
            remove(b);
        } else {
            count = live;
        }
    }

    /**
     * Makes the acknowledgements outlive the process: every file of which some envelopes were delivered
     * (and none is handed out now) is rewritten with only the rest, under a name of the same age, so
     * the next process does not send the delivered ones again. Called at close, until {@code hardStop}
     * ({@code System.nanoTime}); a file it had no time for keeps its delivered envelopes (sent again,
     * and dropped by Sentry by event id). Then lets go of every file this process claimed, so another
     * process on the folder may replay them. How many files were rewritten.
     */
    int persistAcks(long hardStop) {
        try {
            return rewritePartlyDelivered(hardStop);
        } finally {
            synchronized (this) {
                for (Batch b : index.values()) {
                    letGo(b);
                }
            }
        }
    }

    private int rewritePartlyDelivered(long hardStop) {
        List<Batch> partly = new ArrayList<>();
        synchronized (this) {
            if (!opened || !usable) {
                return 0;
            }
            for (Batch b : index.values()) {
                if (!b.done.isEmpty() && b.out.isEmpty() && b.live() > 0 && b.claim != null) {
                    partly.add(b);
                }
            }
        }
        int rewritten = 0;
        for (Batch b : partly) {
            if (System.nanoTime() - hardStop >= 0) {
                break;
            }
            BitSet wanted;
            BatchClaim claim;
            synchronized (this) {
                if (index.get(b.name) != b || !b.out.isEmpty() || b.claim == null) {
                    continue;
                }
                wanted = b.waiting();
                b.out.or(wanted); // nobody claims them while they are copied
                claim = b.claim;
            }
            try {
                Envelope[] read = claim.read(b.count, wanted);
                List<Envelope> rest = new ArrayList<>();
                for (int i = wanted.nextSetBit(0); i >= 0; i = wanted.nextSetBit(i + 1)) {
                    if (read[i] != null) {
                        rest.add(read[i]);
                    }
                }
                String category = BatchName.categoryOf(b.name);
                if (rest.isEmpty() || storeFile(rest, category, BatchName.millisOf(b.name))) {
                    synchronized (this) {
                        b.out.clear();
                        if (index.get(b.name) == b) {
                            remove(b); // what is left of it lives on in the new file, counted there
                        }
                    }
                    rewritten++;
                    continue;
                }
            } catch (IOException | RuntimeException e) {
                diagnostics.throttled("spool.rewrite", Duration.ofMinutes(1),
                        "cannot rewrite spool file " + b.name + ": " + Diagnostics.describe(e));
            }
            synchronized (this) {
                b.out.andNot(wanted);
            }
        }
        return rewritten;
    }

    /** Puts an envelope handed out back: it could not be sent now and will be replayed later. */
    synchronized void release(String name, int position) {
        Batch b = index.get(name);
        if (b != null && b.out.get(position) && !b.done.get(position)) {
            b.out.clear(position);
            withWaiting.add(name);
            if (b.out.isEmpty() && b.done.isEmpty()) {
                letGo(b); // nothing of it delivered here: another process may as well send it
            }
        }
    }

    private void letGo(Batch b) {
        if (b.claim != null) {
            b.claim.release();
            b.claim = null;
        }
    }

    /** Deletes an indexed file; false if it was not indexed or another process had deleted it already. */
    private boolean remove(Batch b) {
        if (index.remove(b.name) == null) {
            return false;
        }
        unindexed(b);
        boolean stillThere = deleteQuietly(dir.resolve(b.name));
        letGo(b); // after the delete: whoever claims it next finds it gone
        count = live; // only once the file is gone: whoever sees the count drop finds the disk so
        return stillThere;
    }

    /** Drops a file from the index whose file is gone already. */
    private void forget(Batch b) {
        if (index.remove(b.name) != null) {
            unindexed(b);
            letGo(b);
            count = live;
        }
    }

    private void unindexed(Batch b) {
        withWaiting.remove(b.name);
        bytes -= b.size;
        live -= b.live();
    }

    /** What the OS does to a killed process's claims: lets go of them all, persisting nothing (tests). */
    synchronized void dropClaimsAsIfKilled() {
        for (Batch b : index.values()) {
            letGo(b);
        }
    }

    /** Envelopes waiting on disk (handed out ones included until acknowledged); cheap. */
    int count() {
        return count;
    }

    /** Whether the file was there: deleted now, or there but not deletable (then remembered as such). */
    private boolean deleteQuietly(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            synchronized (this) {
                removedHere.add(file.getFileName().toString());
            }
            diagnostics.throttled("spool.delete", Duration.ofMinutes(1), "cannot delete spool file " + file);
            return true;
        }
    }
}
