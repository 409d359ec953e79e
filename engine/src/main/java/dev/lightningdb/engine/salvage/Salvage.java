package dev.lightningdb.engine.salvage;

import dev.lightningdb.engine.common.CorruptionException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.io.Directories;
import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.store.paged.PageInspector;
import dev.lightningdb.engine.store.paged.PagedStore;
import dev.lightningdb.engine.wal.WalReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Salvage of a damaged database: {@link #recover} reads the data file page by page without
 * trusting its tree, keeps what passes its checksum, and writes a new, clean database from it.
 *
 * <p>How the entries are chosen:
 * <ol>
 *   <li>The newest valid meta page names the checkpoint to rebuild (generation G, checkpoint LSN).
 *       When neither slot is valid, G is the newest generation among the intact free-list pages
 *       (leaves of any generation count then), and the page size is the one under which most
 *       pages pass their checksum.
 *   <li>Every page is read and checked (checksum, its own page id). Intact leaves are collected
 *       unless they are stale: in a page listed free at checkpoint G (the free-list chain of the
 *       meta page, or, without one, the intact free-list pages of generation G) and written no
 *       later than G, or, when the meta page is known, written after G (their changes are in the
 *       WAL). Branch pages are not needed, so a destroyed root or inner page loses nothing.
 *   <li>When two leaves hold the same key, the one with the newer page LSN (generation) wins;
 *       between equals, the higher page id. Without a free list to tell stale pages apart, an
 *       old leaf can bring back a key deleted since: salvage prefers keeping data to losing it.
 *   <li>Values in overflow chains are read page by page; a damaged chain loses that value only.
 *   <li>The intact prefix of the WAL after the checkpoint (all of it when the checkpoint is
 *       unknown: replaying records the checkpoint already covers, in order, ends in the same state)
 *       is replayed on top.
 * </ol>
 *
 * <p>The result ({@link CleanDatabase}) is written to a new directory beside the damaged one
 * ({@code <name>-salvaged}, numbered when taken), built under a temporary name and renamed when
 * complete. With {@code force}
 * it replaces the damaged database in place: the damaged data file and WAL segments are kept,
 * renamed with the suffix {@value #DAMAGED_SUFFIX}. The damaged database must not be open (its
 * lock is taken for the whole run), and must not be opened until {@code recover} returns. Memory:
 * every key and inline value is held until written (overflow values are read when written).
 */
public final class Salvage {
    static final String DAMAGED_SUFFIX = ".damaged";
    private static final String LOCK_FILE = "lightning.lock";
    private static final int MAX_PROBLEMS = 50;

    private Salvage() {
    }

    /**
     * Salvages the database in {@code directory}.
     *
     * @param force write the clean database in place, keeping the damaged files renamed
     * @throws LightningDbException CANNOT_OPEN when there is no data file or the database is open;
     *         CORRUPTION when no intact page can be found at all; IO_ERROR when reading or writing fails
     */
    public static SalvageReport recover(Path directory, boolean force) {
        if (directory == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "directory must not be null");
        }
        Path data = directory.resolve(PagedStore.FILE_NAME);
        if (!Files.isRegularFile(data)) {
            throw new LightningDbException(ErrorCode.CANNOT_OPEN, directory + " holds no data file " + PagedStore.FILE_NAME + " to salvage");
        }
        try (FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new LightningDbException(ErrorCode.CANNOT_OPEN, directory + " is open; close it before salvaging");
            }
            try {
                return new Run(directory).run(force);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "salvage of " + directory + " failed: " + e.getMessage(), e);
        }
    }

    /** The state of one salvage. */
    private static final class Run {
        private final Path directory;
        private final List<String> problems = new ArrayList<>();
        private final TreeMap<byte[], Candidate> entries = new TreeMap<>(Arrays::compareUnsigned);
        private FileIO io;
        private int pageSize;
        private long pages;
        private long damaged;
        private long leavesUsed;
        private long leavesSkipped;
        private long valuesLost;
        private long keysWritten;

        /** A key's entry as found in an intact leaf. */
        private record Candidate(long lsn, long pageId, PageInspector.LeafEntry entry) {
            boolean beats(Candidate other) {
                return lsn != other.lsn ? lsn > other.lsn : pageId > other.pageId;
            }
        }

        Run(Path directory) {
            this.directory = directory;
        }

        SalvageReport run(boolean force) throws IOException {
            PageInspector.Meta meta;
            try (FileIO file = FileIO.CHANNEL.open(directory.resolve(PagedStore.FILE_NAME), false, true)) {
                io = file;
                meta = newestMeta();
                pageSize = meta != null ? meta.pageSize() : guessPageSize();
                pages = io.size() / pageSize;
                collect(meta);
                Path building = sibling(".salvage-tmp");
                deleteTree(building);
                long walRecords = write(building, meta == null ? -1 : meta.checkpointLsn());
                long keys = keysWritten;
                List<Path> kept = List.of();
                Path output;
                if (force) {
                    kept = replaceInPlace(building);
                    output = directory;
                } else {
                    output = freeSibling();
                    Files.move(building, output, StandardCopyOption.ATOMIC_MOVE);
                }
                return new SalvageReport(directory, output, kept, meta == null ? -1 : meta.generation(), pageSize,
                        Math.max(0, pages - PageInspector.firstDataPage(pageSize)), damaged, leavesUsed, leavesSkipped, keys,
                        valuesLost, walRecords, problems);
            }
        }

        private PageInspector.Meta newestMeta() throws IOException {
            PageInspector.Meta best = null;
            for (int slot = 0; slot < 2; slot++) {
                byte[] b = new byte[PageInspector.META_SLOT_SIZE];
                if (io.read((long) slot * b.length, b, 0, b.length) < b.length) {
                    problem("meta slot " + slot + " is missing (file too short)");
                    continue;
                }
                PageInspector.Meta m = PageInspector.meta(b);
                if (m == null) {
                    problem("meta slot " + slot + " is damaged");
                } else if (best == null || m.generation() > best.generation()) {
                    best = m;
                }
            }
            return best;
        }

        /** The page size under which most of the first pages pass their checksum. */
        private int guessPageSize() throws IOException {
            int best = 0;
            int bestCount = 0;
            for (int size = LightningDbConfig.MIN_PAGE_SIZE; size <= LightningDbConfig.MAX_PAGE_SIZE; size *= 2) {
                int count = 0;
                long first = PageInspector.firstDataPage(size);
                long n = Math.min(io.size() / size, first + 256);
                for (long id = first; id < n; id++) {
                    byte[] p = read(id, size);
                    if (p != null && !PageInspector.isZero(p) && PageInspector.isIntact(p, id)) {
                        count++;
                    }
                }
                if (count > bestCount) {
                    best = size;
                    bestCount = count;
                }
            }
            if (best == 0) {
                throw new CorruptionException(directory + ": neither meta page is valid and no page passes its checksum at any page size; "
                        + "nothing can be salvaged");
            }
            problem("page size " + best + " guessed from the pages (" + bestCount + " intact among the first)");
            return best;
        }

        /** Reads every page; decides which leaves are stale; keeps the newest entry per key. */
        private void collect(PageInspector.Meta meta) throws IOException {
            long first = PageInspector.firstDataPage(pageSize);
            List<long[]> leaves = new ArrayList<>(); // {page id, lsn}
            TreeMap<Long, Set<Long>> freeByGeneration = new TreeMap<>();
            for (long id = first; id < pages; id++) {
                byte[] p = read(id, pageSize);
                if (PageInspector.isZero(p)) {
                    continue;
                }
                if (!PageInspector.isIntact(p, id)) {
                    damaged++;
                    problem("page " + id + " is damaged (checksum or page id)");
                } else if (PageInspector.isLeaf(p)) {
                    leaves.add(new long[] {id, PageInspector.lsn(p)});
                } else if (PageInspector.isFreeList(p)) {
                    long[] ids = PageInspector.freeListIds(p);
                    if (ids != null) {
                        Set<Long> set = freeByGeneration.computeIfAbsent(PageInspector.lsn(p), g -> new HashSet<>());
                        Arrays.stream(ids).forEach(set::add);
                    }
                }
            }
            // A leaf is stale when its page is free at the checkpoint and it was written no later than
            // that checkpoint (a page reused since carries a newer LSN), or when it is newer than the
            // checkpoint the meta page names (its changes are in the WAL).
            long newest;
            long freeGeneration;
            Set<Long> free;
            if (meta != null) {
                newest = meta.generation();
                freeGeneration = meta.generation();
                free = freeListOf(meta);
                if (free == null) {
                    free = freeByGeneration.getOrDefault(freeGeneration, Set.of());
                }
            } else {
                newest = Long.MAX_VALUE;
                freeGeneration = freeByGeneration.isEmpty() ? 0 : freeByGeneration.lastKey();
                free = freeByGeneration.isEmpty() ? Set.of() : freeByGeneration.get(freeGeneration);
            }
            for (long[] leaf : leaves) {
                if (leaf[1] > newest || free.contains(leaf[0]) && leaf[1] <= freeGeneration) {
                    leavesSkipped++;
                    continue;
                }
                List<PageInspector.LeafEntry> es = PageInspector.leafEntries(read(leaf[0], pageSize));
                if (es == null) {
                    damaged++;
                    problem("leaf " + leaf[0] + " passes its checksum but its layout is unsound");
                    continue;
                }
                leavesUsed++;
                for (PageInspector.LeafEntry e : es) {
                    Candidate c = new Candidate(leaf[1], leaf[0], e);
                    Candidate old = entries.get(e.key());
                    if (old == null || c.beats(old)) {
                        entries.put(e.key(), c);
                    }
                }
            }
        }

        /** The free list the meta page names, or null when its chain is damaged. */
        private Set<Long> freeListOf(PageInspector.Meta meta) throws IOException {
            Set<Long> free = new HashSet<>();
            long id = meta.freeListHead();
            for (int hops = 0; id != 0; hops++) {
                byte[] p = id < pages && hops <= pages ? read(id, pageSize) : null;
                long[] ids = p != null && PageInspector.isIntact(p, id) && PageInspector.isFreeList(p) ? PageInspector.freeListIds(p) : null;
                if (ids == null) {
                    problem("the free list of checkpoint " + meta.generation() + " is damaged at page " + id);
                    return null;
                }
                Arrays.stream(ids).forEach(free::add);
                id = PageInspector.freeListNext(p);
            }
            return free;
        }

        /** Writes the collected entries and the WAL prefix to a new database in {@code target}; returns the WAL records replayed. */
        private long write(Path target, long checkpointLsn) throws IOException {
            try (CleanDatabase db = CleanDatabase.create(target, pageSize)) {
                for (Map.Entry<byte[], Candidate> e : entries.entrySet()) {
                    byte[] value = value(e.getValue());
                    if (value != null) {
                        db.put(e.getKey(), value);
                    }
                }
                // The intact prefix after the checkpoint (all of it when -1), on top of the entries.
                long records = WalReader.readIntactPrefix(directory, Math.max(0, checkpointLsn), (lsn, writes) -> db.add(writes));
                keysWritten = db.finish();
                return records;
            }
        }

        /** The entry's value; null (and counted lost) when its overflow chain is damaged. */
        private byte[] value(Candidate c) throws IOException {
            PageInspector.LeafEntry e = c.entry();
            if (!e.isOverflow()) {
                return e.inlineValue();
            }
            if (e.overflowLength() > Integer.MAX_VALUE - 16) {
                return lost(c, "an overflow value of " + e.overflowLength() + " bytes");
            }
            byte[] value = new byte[(int) e.overflowLength()];
            int done = 0;
            long id = e.overflowFirstPage();
            while (done < value.length) {
                byte[] p = id > 0 && id < pages ? read(id, pageSize) : null;
                if (p == null || !PageInspector.isIntact(p, id) || !PageInspector.isOverflow(p)) {
                    return lost(c, "overflow page " + id + " damaged or missing");
                }
                byte[] part = PageInspector.overflowData(p);
                if (part == null || part.length == 0 || part.length > value.length - done) {
                    return lost(c, "overflow page " + id + " holds an impossible length");
                }
                System.arraycopy(part, 0, value, done, part.length);
                done += part.length;
                id = PageInspector.overflowNext(p);
            }
            return value;
        }

        private byte[] lost(Candidate c, String why) {
            valuesLost++;
            problem("value of a key in leaf " + c.pageId() + " lost: " + why);
            return null;
        }

        /** Moves the clean database from {@code building} into the directory; the damaged files stay, renamed. */
        private List<Path> replaceInPlace(Path building) throws IOException {
            List<Path> kept = new ArrayList<>();
            // The new data file goes in under a temporary name first, so the damaged one is never lost.
            Path incoming = directory.resolve(PagedStore.FILE_NAME + ".salvaged");
            Files.move(building.resolve(PagedStore.FILE_NAME), incoming, StandardCopyOption.REPLACE_EXISTING);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    if (n.equals(PagedStore.FILE_NAME) || n.startsWith("wal-") && n.endsWith(".log")) {
                        Path to = freeName(directory.resolve(n + DAMAGED_SUFFIX));
                        Files.move(p, to);
                        kept.add(to);
                    }
                }
            }
            Files.move(incoming, directory.resolve(PagedStore.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(building, "wal-*.log")) {
                for (Path p : ds) {
                    Files.move(p, directory.resolve(p.getFileName()));
                }
            }
            deleteTree(building);
            Directories.force(directory);
            return kept;
        }

        private Path sibling(String suffix) {
            return directory.toAbsolutePath().resolveSibling(directory.toAbsolutePath().getFileName() + suffix);
        }

        private Path freeSibling() {
            return freeName(sibling("-salvaged"));
        }

        private static Path freeName(Path p) {
            Path candidate = p;
            for (int i = 2; Files.exists(candidate); i++) {
                candidate = p.resolveSibling(p.getFileName() + "-" + i);
            }
            return candidate;
        }

        private byte[] read(long id, int size) throws IOException {
            byte[] p = new byte[size];
            int n = io.read(id * size, p, 0, size);
            return n == size ? p : null;
        }

        private void problem(String p) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(p);
            } else if (problems.size() == MAX_PROBLEMS) {
                problems.add("(more problems not listed)");
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isDirectory(p)) {
                    deleteTree(p);
                } else {
                    Files.delete(p);
                }
            }
        }
        Files.delete(dir);
    }

}
