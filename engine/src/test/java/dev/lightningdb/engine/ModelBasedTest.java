package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.IntegrityReport;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random puts, deletes, gets and range scans (both directions) against the engine and a {@link
 * TreeMap} side by side; the integrity check after every phase and after close/reopen.
 *
 * <p>The seed is printed; rerun one with {@code -Dlightning.seed=<seed>}. Size with
 * {@code -Dlightning.model.ops=<operations per page size>}.
 */
class ModelBasedTest {
    @TempDir
    Path dir;

    @Test
    void smallPages() {
        run(4096, 1024, Long.getLong("lightning.model.ops", 220_000));
    }

    @Test
    void largePages() {
        run(65536, 4096, Long.getLong("lightning.model.ops", 80_000));
    }

    @Test
    void inMemory() {
        long seed = seed();
        System.out.println("ModelBasedTest in memory seed=" + seed + " (rerun with -Dlightning.seed=" + seed + ")");
        Random rnd = new Random(seed);
        LightningDbConfig config = LightningDbConfig.builder().pageSize(8192).cacheSize(256 * 1024).writeBufferSize(256 * 1024).build();
        try (LightningDb db = LightningDb.inMemory(config)) {
            Model m = new Model(db, rnd, 1024, seed);
            for (int phase = 0; phase < 5; phase++) {
                m.phase(40_000);
            }
        }
    }

    @Test
    @Tag("stress")
    void stressBothPageSizes() {
        run(4096, 1024, Long.getLong("lightning.model.stressOps", 5_000_000));
        run(65536, 16384, Long.getLong("lightning.model.stressOps", 3_000_000));
    }

    private static long seed() {
        String s = System.getProperty("lightning.seed");
        return s != null ? Long.parseLong(s) : new Random().nextLong();
    }

    private void run(int pageSize, int maxKeySize, long ops) {
        long seed = seed();
        System.out.println("ModelBasedTest pageSize=" + pageSize + " seed=" + seed + " (rerun with -Dlightning.seed=" + seed + ")");
        Random rnd = new Random(seed);
        Path path = dir.resolve("db-" + pageSize + "-" + seed);
        LightningDbConfig config = LightningDbConfig.builder().pageSize(pageSize).maxKeySize(maxKeySize).writeBufferSize(256 * 1024)
                .cacheSize(Math.max(256 * 1024, 24L * pageSize)).build();
        TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
        long[] counts = new long[Count.values().length];
        long done = 0;
        int phase = 0;
        long start = System.nanoTime();
        while (done < ops) {
            try (LightningDb db = LightningDb.open(path, config)) {
                Model m = new Model(db, rnd, maxKeySize, seed, model, counts);
                assertThat(db.verifyIntegrity().problems()).as("integrity after reopen, phase " + phase + ", seed " + seed).isEmpty();
                m.compareAll("after reopen, phase " + phase);
                for (int i = 0; i < 3 && done < ops; i++, phase++) {
                    long n = Math.min(ops - done, 20_000 + rnd.nextInt(60_000));
                    m.phase(n);
                    done += n;
                }
            }
        }
        System.out.printf("ModelBasedTest pageSize=%d: %d steps in %.1f s, %d keys at the end; %s%n", pageSize, done,
                (System.nanoTime() - start) / 1e9, model.size(), Count.describe(counts));
    }

    /** What a run exercised, counted per key-level operation. */
    enum Count {
        PUTS, DELETES, GETS, SCANS, SCANNED_ENTRIES, COMMITS, ROLLBACKS, VALUES_OVER_1MIB, KEYS_OVER_HALF_MAX;

        static String describe(long[] c) {
            StringBuilder sb = new StringBuilder();
            for (Count k : values()) {
                sb.append(k.name().toLowerCase()).append('=').append(c[k.ordinal()]).append(' ');
            }
            long total = c[PUTS.ordinal()] + c[DELETES.ordinal()] + c[GETS.ordinal()] + c[SCANNED_ENTRIES.ordinal()];
            return sb.append("key-level operations=").append(total).toString();
        }
    }

    /** One engine and its model, driven by one random stream. */
    static final class Model {
        private final LightningDb db;
        private final Random rnd;
        private final int maxKeySize;
        private final long seed;
        private final TreeMap<byte[], byte[]> model;
        private final long[] counts;
        private byte[][] recent = new byte[64][];
        private long ops;
        private int universe = 20_000;

        Model(LightningDb db, Random rnd, int maxKeySize, long seed) {
            this(db, rnd, maxKeySize, seed, new TreeMap<>(Arrays::compareUnsigned), new long[Count.values().length]);
        }

        Model(LightningDb db, Random rnd, int maxKeySize, long seed, TreeMap<byte[], byte[]> model, long[] counts) {
            this.counts = counts;
            this.db = db;
            this.rnd = rnd;
            this.maxKeySize = maxKeySize;
            this.seed = seed;
            this.model = model;
        }

        void phase(long n) {
            // Each phase leans one way, so that the tree both grows and shrinks.
            int deleteBias = rnd.nextInt(3) == 0 ? 60 : 25;
            int[] universes = {500, 5_000, 20_000, 60_000};
            universe = universes[rnd.nextInt(universes.length)];
            for (long i = 0; i < n; i++) {
                step(deleteBias);
            }
            db.checkpoint(); // merge the write buffer, so that the tree holds every entry
            IntegrityReport report = db.verifyIntegrity();
            assertThat(report.problems()).as("integrity after a phase, seed " + seed).isEmpty();
            assertThat(report.entriesChecked()).isEqualTo(model.size());
            compareAll("end of phase");
        }

        private void step(int deleteBias) {
            ops++;
            int r = rnd.nextInt(100);
            if (r < 45) {
                writeTransaction(deleteBias);
            } else if (r < 85) {
                byte[] k = rnd.nextInt(3) == 0 ? key() : existingKey();
                counts[Count.GETS.ordinal()]++;
                assertThat(db.get(k)).as(() -> "get " + hex(k) + ", op " + ops + ", seed " + seed).isEqualTo(model.get(k));
            } else if (r < 99) {
                scan();
            } else {
                db.checkpoint();
            }
        }

        private void writeTransaction(int deleteBias) {
            int n = rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(100) : 1 + rnd.nextInt(4);
            TreeMap<byte[], byte[]> pending = new TreeMap<>(Arrays::compareUnsigned);
            try (Transaction t = db.begin()) {
                for (int i = 0; i < n; i++) {
                    if (rnd.nextInt(100) < deleteBias && !model.isEmpty()) {
                        byte[] k = rnd.nextBoolean() ? existingKey() : key();
                        t.delete(k);
                        pending.put(k, null);
                        counts[Count.DELETES.ordinal()]++;
                    } else {
                        byte[] k = rnd.nextInt(4) == 0 ? existingKey() : key();
                        byte[] v = value();
                        t.put(k, v);
                        pending.put(k, v);
                        counts[Count.PUTS.ordinal()]++;
                        counts[Count.VALUES_OVER_1MIB.ordinal()] += v.length > (1 << 20) ? 1 : 0;
                        counts[Count.KEYS_OVER_HALF_MAX.ordinal()] += k.length > maxKeySize / 2 ? 1 : 0;
                    }
                }
                if (rnd.nextInt(20) == 0) {
                    t.rollback();
                    counts[Count.ROLLBACKS.ordinal()]++;
                    return;
                }
                t.commit();
                counts[Count.COMMITS.ordinal()]++;
            }
            for (Map.Entry<byte[], byte[]> e : pending.entrySet()) {
                if (e.getValue() == null) {
                    model.remove(e.getKey());
                } else {
                    model.put(e.getKey(), e.getValue());
                    recent[rnd.nextInt(recent.length)] = e.getKey();
                }
            }
        }

        private void scan() {
            byte[] a = rnd.nextInt(5) == 0 ? null : (rnd.nextBoolean() ? existingKey() : key());
            byte[] b = rnd.nextInt(5) == 0 ? null : (rnd.nextBoolean() ? existingKey() : key());
            if (a != null && b != null && Arrays.compareUnsigned(a, b) > 0) {
                byte[] x = a;
                a = b;
                b = x;
            }
            boolean loInc = rnd.nextBoolean();
            boolean hiInc = rnd.nextBoolean();
            boolean reverse = rnd.nextBoolean();
            KeyRange range = KeyRange.of(a, loInc, b, hiInc);
            NavigableMap<byte[], byte[]> expected = sub(a, loInc, b, hiInc);
            if (reverse) {
                expected = expected.descendingMap();
            }
            int limit = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 2000 : 60);
            Iterator<Map.Entry<byte[], byte[]>> it = expected.entrySet().iterator();
            counts[Count.SCANS.ordinal()]++;
            try (Cursor c = db.scan(range, reverse)) {
                for (int i = 0; i < limit; i++) {
                    boolean has = c.next();
                    assertThat(has).as("scan %s reverse=%s entry %d, op %d, seed %d", range, reverse, i, ops, seed).isEqualTo(it.hasNext());
                    if (!has) {
                        break;
                    }
                    Map.Entry<byte[], byte[]> e = it.next();
                    counts[Count.SCANNED_ENTRIES.ordinal()]++;
                    assertThat(c.key()).as("scan key %d of %s, seed %d", i, range, seed).isEqualTo(e.getKey());
                    if (e.getValue().length < 100_000 || rnd.nextInt(4) == 0) {
                        assertThat(c.value()).as("scan value %d of %s, seed %d", i, range, seed).isEqualTo(e.getValue());
                    }
                }
            }
        }

        private NavigableMap<byte[], byte[]> sub(byte[] a, boolean loInc, byte[] b, boolean hiInc) {
            if (a != null && b != null) {
                if (Arrays.compareUnsigned(a, b) == 0 && !(loInc && hiInc)) {
                    return new TreeMap<>(Arrays::compareUnsigned);
                }
                return model.subMap(a, loInc, b, hiInc);
            }
            if (a != null) {
                return model.tailMap(a, loInc);
            }
            if (b != null) {
                return model.headMap(b, hiInc);
            }
            return model;
        }

        void compareAll(String when) {
            Iterator<Map.Entry<byte[], byte[]>> it = model.entrySet().iterator();
            long n = 0;
            try (Cursor c = db.scan(KeyRange.all())) {
                while (c.next()) {
                    if (!it.hasNext()) {
                        throw new AssertionError(when + ": engine has extra key " + hex(c.key()) + ", seed " + seed);
                    }
                    Map.Entry<byte[], byte[]> e = it.next();
                    assertThat(c.key()).as("%s: key %d, seed %d", when, n, seed).isEqualTo(e.getKey());
                    assertThat(c.value()).as(() -> when + ": value of " + hex(e.getKey()) + ", seed " + seed).isEqualTo(e.getValue());
                    n++;
                }
            }
            assertThat(it.hasNext()).as("%s: engine lacks keys from %d on, seed %d", when, n, seed).isFalse();
            assertThat(db.stats().get("store.entries")).isEqualTo(model.size());
        }

        private byte[] existingKey() {
            byte[] k = recent[rnd.nextInt(recent.length)];
            if (k != null && rnd.nextBoolean()) {
                return k;
            }
            if (model.isEmpty()) {
                return key();
            }
            byte[] probe = key();
            Map.Entry<byte[], byte[]> e = model.ceilingEntry(probe);
            return (e != null ? e : model.firstEntry()).getKey();
        }

        /**
         * Keys from 1 byte to maxKeySize, drawn from a bounded universe (sized per phase) so that the
         * database reaches a steady state: short colliding keys, medium keys, and rare long keys with a
         * shared prefix (long separators).
         */
        private byte[] key() {
            if (rnd.nextInt(5) == 0) {
                int len = 1 + rnd.nextInt(3);
                byte[] k = new byte[len];
                for (int i = 0; i < len; i++) {
                    k[i] = (byte) ('a' + rnd.nextInt(8));
                }
                return k;
            }
            long id = rnd.nextInt(universe);
            long h = (id + 1) * 0x9E3779B97F4A7C15L ^ seed;
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 32;
            int cls = (int) Math.floorMod(h, 100);
            int len;
            if (cls < 90) {
                len = 4 + (int) Math.floorMod(h >>> 8, 20);
            } else if (cls < 98) {
                len = 24 + (int) Math.floorMod(h >>> 8, 200);
            } else {
                len = maxKeySize - (int) Math.floorMod(h >>> 8, Math.min(maxKeySize - 24, 64));
            }
            byte[] k = new byte[len];
            int at = 0;
            if (len > 24) {
                for (; at < 16; at++) {
                    k[at] = 'p';
                }
            }
            k[at] = (byte) (id >>> 24);
            k[at + 1] = (byte) (id >>> 16);
            k[at + 2] = (byte) (id >>> 8);
            k[at + 3] = (byte) id;
            long x = h;
            for (int i = at + 4; i < len; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                k[i] = (byte) (x >>> 59); // few distinct bytes: long common prefixes between neighbours
            }
            return k;
        }

        /** Values from 0 bytes to several MiB; the large ones rare. */
        private byte[] value() {
            int r = rnd.nextInt(1_000_000);
            int len;
            if (r < 850_000) {
                len = rnd.nextInt(64);
            } else if (r < 980_000) {
                len = rnd.nextInt(4000);
            } else if (r < 999_500) {
                len = 4000 + rnd.nextInt(40_000);
            } else if (r < 999_950) {
                len = 64_000 + rnd.nextInt(1 << 20);
            } else {
                len = (2 << 20) + rnd.nextInt(3 << 20);
            }
            byte[] v = new byte[len];
            long x = rnd.nextLong();
            for (int i = 0; i < len; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                v[i] = (byte) (x >>> 56);
            }
            return v;
        }

        private static String hex(byte[] k) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(k.length, 24); i++) {
                sb.append(Character.forDigit((k[i] >> 4) & 0xF, 16)).append(Character.forDigit(k[i] & 0xF, 16));
            }
            return sb.append(k.length > 24 ? "...(" + k.length + ")" : "").toString();
        }
    }
}
