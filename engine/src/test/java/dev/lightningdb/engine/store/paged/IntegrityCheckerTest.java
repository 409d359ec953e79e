package dev.lightningdb.engine.store.paged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.IntegrityReport;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.io.MemoryFileIO;
import dev.lightningdb.engine.store.WriteSet;
import java.io.IOException;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Damage with valid checksums, which only the structural checks can see: each case edits pages,
 * reseals them, reopens, and expects {@code verifyIntegrity()} to name the problem.
 */
class IntegrityCheckerTest {
    private static final int PAGE = 4096;
    private static final LightningDbConfig CONFIG = LightningDbConfig.builder().pageSize(PAGE).cacheSize(256 * 1024).build();

    /** A database written in one commit: every page but the first data page is in use. */
    private static MemoryFileIO pristine() {
        MemoryFileIO io = new MemoryFileIO("test.ldb");
        PagedStore.format(io, PAGE);
        PagedStore store = PagedStore.open(keepOpen(io), CONFIG, true);
        WriteSet ws = new WriteSet();
        Random rnd = new Random(1);
        for (int i = 0; i < 3000; i++) {
            byte[] v = new byte[i % 97 == 0 ? 9000 : 40];
            rnd.nextBytes(v);
            ws.put(String.format("key%06d", i).getBytes(), v);
        }
        store.apply(ws, 0);
        store.checkpoint();
        assertThat(store.verifyIntegrity().problems()).isEmpty();
        store.close();
        return io;
    }

    /** The memory file with close() ignored, so that it can be damaged and opened again. */
    private static FileIO keepOpen(MemoryFileIO io) {
        return new FileIO() {
            @Override
            public int read(long position, byte[] buffer, int offset, int length) throws IOException {
                return io.read(position, buffer, offset, length);
            }

            @Override
            public void write(long position, byte[] buffer, int offset, int length) throws IOException {
                io.write(position, buffer, offset, length);
            }

            @Override
            public void force() throws IOException {
                io.force();
            }

            @Override
            public void truncate(long size) throws IOException {
                io.truncate(size);
            }

            @Override
            public long size() {
                return io.size();
            }

            @Override
            public String name() {
                return io.name();
            }

            @Override
            public void close() {
            }
        };
    }

    private static byte[] page(MemoryFileIO io, long id) throws IOException {
        byte[] p = new byte[PAGE];
        io.read(id * PAGE, p, 0, PAGE);
        return p;
    }

    private static void put(MemoryFileIO io, long id, byte[] p) throws IOException {
        PageHeader.seal(p);
        io.write(id * PAGE, p, 0, PAGE);
    }

    /** The first page of a type with at least {@code minCount} entries (skips the free first data page). */
    private static long find(MemoryFileIO io, int type, int minCount) throws IOException {
        for (long id = MetaPage.firstDataPage(PAGE) + 1; id * PAGE < io.size(); id++) {
            byte[] p = page(io, id);
            if (p[PageHeader.TYPE] == type && PageHeader.count(p) >= minCount) {
                return id;
            }
        }
        throw new AssertionError("no page of type " + type);
    }

    private static MetaPage meta(MemoryFileIO io) throws IOException {
        byte[] slot = new byte[MetaPage.SLOT_SIZE];
        io.read(0, slot, 0, slot.length);
        return MetaPage.decode(slot);
    }

    private static void putMeta(MemoryFileIO io, MetaPage m) throws IOException {
        byte[] slot = m.encode();
        io.write(0, slot, 0, slot.length);
        io.write(MetaPage.SLOT_SIZE, slot, 0, slot.length);
    }

    private static String check(Consumer<MemoryFileIO> damage) {
        MemoryFileIO io = pristine();
        damage.accept(io);
        PagedStore store = PagedStore.open(keepOpen(io), CONFIG, false);
        IntegrityReport report = store.verifyIntegrity();
        assertThat(report.isClean()).as("damage must be reported").isFalse();
        return String.join("\n", report.problems());
    }

    private interface IoAction {
        void run(MemoryFileIO io) throws IOException;
    }

    private static Consumer<MemoryFileIO> io(IoAction a) {
        return io -> {
            try {
                a.run(io);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void keysOutOfOrderInALeaf() {
        String problems = check(io(io -> {
            long id = find(io, PageHeader.TYPE_LEAF, 3);
            byte[] p = page(io, id);
            // Swap the slots of entries 0 and 1.
            int a = Bytes.getU16(p, PageHeader.SIZE);
            Bytes.putU16(p, PageHeader.SIZE, Bytes.getU16(p, PageHeader.SIZE + 2));
            Bytes.putU16(p, PageHeader.SIZE + 2, a);
            put(io, id, p);
        }));
        assertThat(problems).contains("is not above key");
    }

    @Test
    void aPageReachableTwiceAndOneLeaked() {
        String problems = check(io(io -> {
            long id = find(io, PageHeader.TYPE_BRANCH, 3);
            byte[] p = page(io, id);
            Bytes.putLong(p, BranchPage.entry(p, 1), BranchPage.child(p, 0));
            put(io, id, p);
        }));
        assertThat(problems).contains("reachable twice").contains("neither used nor free");
    }

    @Test
    void keysOutsideTheirSeparatorBounds() {
        String problems = check(io(io -> {
            long id = find(io, PageHeader.TYPE_BRANCH, 3);
            byte[] p = page(io, id);
            // Swap children 1 and 2: each leaf now sits under the wrong separators.
            long c1 = BranchPage.child(p, 1);
            Bytes.putLong(p, BranchPage.entry(p, 1), BranchPage.child(p, 2));
            Bytes.putLong(p, BranchPage.entry(p, 2), c1);
            put(io, id, p);
        }));
        assertThat(problems).contains("outside its bounds");
    }

    @Test
    void brokenOverflowChain() {
        String problems = check(io(io -> {
            long id = find(io, PageHeader.TYPE_OVERFLOW, 0);
            byte[] p = page(io, id);
            Bytes.putInt(p, Overflow.LENGTH, Bytes.getInt(p, Overflow.LENGTH) - 1);
            put(io, id, p);
        }));
        assertThat(problems).contains("overflow page").contains("bytes, expected");
    }

    @Test
    void aPageNewerThanItsCheckpoint() {
        String problems = check(io(io -> {
            long id = find(io, PageHeader.TYPE_LEAF, 3);
            byte[] p = page(io, id);
            Bytes.putLong(p, PageHeader.LSN, 1_000);
            put(io, id, p);
        }));
        assertThat(problems).contains("newer than the checkpoint");
    }

    @Test
    void pagesTheMetaPageCountsButNothingUses() {
        String problems = check(io(io -> {
            MetaPage m = meta(io);
            io.write((m.pageCount() + 2) * PAGE - 1, new byte[1], 0, 1);
            putMeta(io, new MetaPage(m.pageSize(), m.height(), m.generation(), m.checkpointLsn(), m.root(), m.entries(),
                    m.pageCount() + 2, m.freeListHead(), m.freeCount()));
        }));
        assertThat(problems).contains("2 page(s) neither used nor free");
    }

    @Test
    void aWrongEntryCount() {
        String problems = check(io(io -> {
            MetaPage m = meta(io);
            putMeta(io, new MetaPage(m.pageSize(), m.height(), m.generation(), m.checkpointLsn(), m.root(), m.entries() + 1,
                    m.pageCount(), m.freeListHead(), m.freeCount()));
        }));
        assertThat(problems).contains("entries, the store counts");
    }

    @Test
    void aDamagedFreeListStopsWritesButNotTheCheck() {
        String problems = check(io(io -> {
            MetaPage m = meta(io);
            putMeta(io, new MetaPage(m.pageSize(), m.height(), m.generation(), m.checkpointLsn(), m.root(), m.entries(),
                    m.pageCount(), m.freeListHead(), m.freeCount() + 5));
        }));
        assertThat(problems).contains("free list unreadable");
    }
}
