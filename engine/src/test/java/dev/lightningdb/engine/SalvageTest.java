package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.common.CorruptionException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.WalSyncMode;
import dev.lightningdb.engine.salvage.Salvage;
import dev.lightningdb.engine.salvage.SalvageReport;
import dev.lightningdb.engine.store.paged.PageInspector;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Salvage#recover}: databases with both meta pages destroyed, the root page destroyed, and
 * random bit flips. Every key of an intact live leaf comes back with its value, no key comes back
 * with a value it never had, and the result opens with a clean integrity check.
 */
class SalvageTest {
    private static final String DATA = "data.ldb";

    @TempDir
    Path dir;

    /** A small write buffer: merges, and so page versions old and new, happen throughout as they would in a bigger database. */
    private static final LightningDbConfig CONFIG = LightningDbConfig.builder().pageSize(4096).cacheSize(256 * 1024)
            .writeBufferSize(64 * 1024).walSyncMode(WalSyncMode.SYNC).build();

    @Test
    void bothMetaPagesDestroyedLoseNothing() throws Exception {
        Path live = dir.resolve("live");
        Random rnd = new Random(1);
        TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
        try (LightningDb db = LightningDb.open(live, CONFIG)) {
            for (int i = 0; i < 60; i++) {
                commit(db, rnd, model, true);
                if (i % 20 == 19) {
                    db.checkpoint();
                }
            }
        }
        // Commits after the last checkpoint, then a crash image (copied while open): the WAL holds them.
        Path crashed = dir.resolve("crashed");
        try (LightningDb db = LightningDb.open(live, CONFIG)) {
            for (int i = 0; i < 15; i++) {
                commit(db, rnd, model, true);
            }
            copyDatabase(live, crashed);
        }
        byte[] garbage = new byte[2 * PageInspector.META_SLOT_SIZE];
        rnd.nextBytes(garbage);
        overwrite(crashed.resolve(DATA), 0, garbage);
        assertThatThrownBy(() -> LightningDb.open(crashed, CONFIG).close()).isInstanceOf(LightningDbException.class);

        SalvageReport report = Salvage.recover(crashed, false);
        System.out.println("SalvageTest meta pages destroyed: " + report);
        assertThat(report.metaGeneration()).isEqualTo(-1);
        assertThat(report.walRecords()).isEqualTo(15);
        assertThat(report.output()).isNotEqualTo(crashed);
        assertThat(report.keptDamagedFiles()).isEmpty();
        assertThat(Files.readAllBytes(crashed.resolve(DATA))).startsWith(Arrays.copyOf(garbage, 16)); // the source is left alone
        try (LightningDb db = LightningDb.open(report.output(), CONFIG)) {
            assertThat(db.verifyIntegrity().problems()).isEmpty();
            assertThat(StoreContents.equal(StoreContents.of(db), model)).as("contents equal the model").isTrue();
            assertThat(report.keysRecovered()).isEqualTo(model.size());
        }
    }

    @Test
    void aDestroyedRootPageLosesNothingAndForceReplacesInPlace() throws Exception {
        Path db = dir.resolve("db");
        Random rnd = new Random(2);
        TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
        try (LightningDb d = LightningDb.open(db, CONFIG)) {
            for (int i = 0; i < 80; i++) {
                commit(d, rnd, model, true);
            }
            d.checkpoint(); // merge the write buffer into the tree
            assertThat(d.stats().get("tree.height")).as("the root is a branch").isGreaterThan(1L);
        }
        PageInspector.Meta meta = meta(db.resolve(DATA));
        byte[] junk = new byte[meta.pageSize()];
        rnd.nextBytes(junk);
        overwrite(db.resolve(DATA), meta.root() * meta.pageSize(), junk);
        try (LightningDb d = LightningDb.open(db, CONFIG)) {
            assertThatThrownBy(() -> StoreContents.of(d)).isInstanceOf(CorruptionException.class);
        }

        SalvageReport report = LightningDb.recover(db, true);
        System.out.println("SalvageTest root destroyed: " + report);
        assertThat(report.output()).isEqualTo(db);
        assertThat(report.pagesDamaged()).isEqualTo(1);
        assertThat(report.keptDamagedFiles()).contains(db.resolve(DATA + ".damaged"));
        assertThat(Files.readAllBytes(db.resolve(DATA + ".damaged"))).contains(Arrays.copyOf(junk, 64));
        try (LightningDb d = LightningDb.open(db, CONFIG)) {
            assertThat(d.verifyIntegrity().problems()).isEmpty();
            assertThat(StoreContents.equal(StoreContents.of(d), model)).as("contents equal the model").isTrue();
            d.put(new byte[] {1}, new byte[] {2});
        }
    }

    @Test
    void randomBitFlipsLoseOnlyTheDamagedLeaves() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("SalvageTest bit flips seed=" + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 6; round++) {
            Path db = dir.resolve("flips" + round);
            TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
            Map<ByteKey, List<byte[]>> history = new HashMap<>();
            try (LightningDb d = LightningDb.open(db, CONFIG)) {
                for (int i = 0; i < 40; i++) {
                    commit(d, rnd, model, false);
                    model.forEach((k, v) -> history.computeIfAbsent(new ByteKey(k), x -> new ArrayList<>()).add(v));
                }
            }
            Path file = db.resolve(DATA);
            Set<Long> freeListPages = new HashSet<>();
            Map<ByteKey, Set<Long>> leavesOf = liveLeaves(file, freeListPages);
            int pageSize = meta(file).pageSize();
            long size = Files.size(file);
            Set<Long> flipped = new HashSet<>();
            int flips = 1 + rnd.nextInt(30);
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                for (int i = 0; i < flips; i++) {
                    long at = (round == 0 && i == 0) ? rnd.nextInt(2 * PageInspector.META_SLOT_SIZE) : (long) (rnd.nextDouble() * size);
                    f.seek(at);
                    int b = f.read();
                    f.seek(at);
                    f.write(b ^ (1 << rnd.nextInt(8)));
                    flipped.add(at / pageSize);
                }
            }
            // A damaged free list hides which old pages are stale: an old value (or a deleted key) may then come back.
            boolean freeListDamaged = flipped.stream().anyMatch(freeListPages::contains);
            String what = "seed " + seed + ", round " + round + ", pages flipped " + flipped + (freeListDamaged ? " (free list among them)" : "");
            SalvageReport report = Salvage.recover(db, false);
            try (LightningDb d = LightningDb.open(report.output(), CONFIG)) {
                assertThat(d.verifyIntegrity().problems()).as(what).isEmpty();
                TreeMap<byte[], byte[]> found = StoreContents.of(d);
                for (Map.Entry<byte[], byte[]> e : found.entrySet()) {
                    if (freeListDamaged) {
                        assertThat(history.get(new ByteKey(e.getKey()))).as(what + ": a salvaged value is one the key had").isNotNull()
                                .anyMatch(v -> Arrays.equals(v, e.getValue()));
                    } else {
                        assertThat(e.getValue()).as(what + ": a salvaged value is the key's last").isEqualTo(model.get(e.getKey()));
                    }
                }
                int expected = 0;
                for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
                    Set<Long> pages = leavesOf.get(new ByteKey(e.getKey()));
                    assertThat(pages).as(what + ": every key sits in a live leaf").isNotNull();
                    if (!flipped.containsAll(pages)) {
                        expected++;
                        assertThat(found).as(what + ": key of the intact leaf " + pages).containsKey(e.getKey());
                    }
                }
                System.out.println("SalvageTest " + what + ": " + found.size() + " of " + model.size() + " keys back (" + expected
                        + " in intact leaves); " + report.pagesDamaged() + " damaged pages");
            }
        }
    }

    @Test
    void refusesAMissingOrOpenDatabase() {
        assertThatThrownBy(() -> Salvage.recover(dir.resolve("nothing"), false)).isInstanceOfSatisfying(LightningDbException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CANNOT_OPEN));
        assertThatThrownBy(() -> Salvage.recover(null, false)).isInstanceOfSatisfying(LightningDbException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        Path db = dir.resolve("open");
        try (LightningDb d = LightningDb.open(db, CONFIG)) {
            d.put(new byte[] {1}, new byte[] {1});
            assertThatThrownBy(() -> Salvage.recover(db, true)).isInstanceOfSatisfying(LightningDbException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.CANNOT_OPEN));
        }
    }

    /** Key bytes with value equality, for hash maps. */
    private record ByteKey(byte[] b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ByteKey k && Arrays.equals(b, k.b);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(b);
        }
    }

    /** For each key, the live leaves (not free at the checkpoint) that hold it, read from a clean file; adds the free-list pages to {@code freeListPages}. */
    private static Map<ByteKey, Set<Long>> liveLeaves(Path file, Set<Long> freeListPages) throws IOException {
        byte[] all = Files.readAllBytes(file);
        PageInspector.Meta meta = meta(file);
        int ps = meta.pageSize();
        Set<Long> free = new HashSet<>();
        for (long id = meta.freeListHead(); id != 0; ) {
            byte[] p = Arrays.copyOfRange(all, (int) (id * ps), (int) ((id + 1) * ps));
            freeListPages.add(id);
            for (long f : PageInspector.freeListIds(p)) {
                free.add(f);
            }
            id = PageInspector.freeListNext(p);
        }
        Map<ByteKey, Set<Long>> out = new HashMap<>();
        for (long id = PageInspector.firstDataPage(ps); id < meta.pageCount(); id++) {
            byte[] p = Arrays.copyOfRange(all, (int) (id * ps), (int) ((id + 1) * ps));
            if (free.contains(id) || !PageInspector.isIntact(p, id) || !PageInspector.isLeaf(p)) {
                continue;
            }
            for (PageInspector.LeafEntry e : PageInspector.leafEntries(p)) {
                out.computeIfAbsent(new ByteKey(e.key()), k -> new HashSet<>()).add(id);
            }
        }
        return out;
    }

    private static PageInspector.Meta meta(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        PageInspector.Meta m0 = PageInspector.meta(Arrays.copyOfRange(all, 0, PageInspector.META_SLOT_SIZE));
        PageInspector.Meta m1 = PageInspector.meta(Arrays.copyOfRange(all, PageInspector.META_SLOT_SIZE, 2 * PageInspector.META_SLOT_SIZE));
        return m1 == null || m0 != null && m0.generation() >= m1.generation() ? m0 : m1;
    }

    /** A random commit: puts (some values in overflow chains when {@code big}), overwrites and deletes. */
    private static void commit(LightningDb db, Random rnd, TreeMap<byte[], byte[]> model, boolean big) {
        TreeMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
        try (Transaction t = db.begin()) {
            int n = 1 + rnd.nextInt(60);
            for (int i = 0; i < n; i++) {
                byte[] k = new byte[2 + rnd.nextInt(14)];
                rnd.nextBytes(k);
                if (rnd.nextInt(4) == 0 && model.ceilingKey(k) != null) {
                    byte[] existing = model.ceilingKey(k);
                    if (rnd.nextBoolean()) {
                        t.delete(existing);
                        writes.put(existing, null);
                        continue;
                    }
                    k = existing;
                }
                byte[] v = new byte[big && rnd.nextInt(30) == 0 ? 3000 + rnd.nextInt(12000) : rnd.nextInt(100)];
                rnd.nextBytes(v);
                t.put(k, v);
                writes.put(k, v);
            }
            t.commit();
        }
        StoreContents.apply(writes, model);
    }

    private static void overwrite(Path file, long at, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            f.write(bytes);
        }
    }

    private static void copyDatabase(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(from)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.equals(DATA) || n.startsWith("wal-")) {
                    Files.copy(p, to.resolve(n));
                }
            }
        }
    }
}
