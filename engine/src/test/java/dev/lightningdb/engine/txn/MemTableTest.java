package dev.lightningdb.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.store.WriteSet;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The write-buffer table against a model: versions per key, snapshots, ranges both ways, big values, concurrent readers. */
class MemTableTest {
    private record Ver(long ts, byte[] value) {
    }

    @Test
    void agreesWithAModelOfVersionedKeys() {
        Random rnd = new Random(42);
        MemTable table = new MemTable(1 << 20);
        NavigableMap<byte[], List<Ver>> model = new TreeMap<>(Arrays::compareUnsigned);
        for (long ts = 1; ts <= 3000; ts++) {
            Map<byte[], byte[]> commit = new TreeMap<>(Arrays::compareUnsigned);
            for (int i = rnd.nextInt(4); i >= 0; i--) {
                byte[] key = key(rnd);
                byte[] value = rnd.nextInt(8) == 0 ? WriteSet.TOMBSTONE : value(rnd, rnd.nextInt(50) == 0 ? 300_000 : 20);
                commit.put(key, value);
            }
            table.add(commit.entrySet(), ts, ts * 10);
            for (Map.Entry<byte[], byte[]> e : commit.entrySet()) {
                model.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(0, new Ver(ts, e.getValue()));
            }
            if (ts % 100 == 0) {
                check(table, model, rnd, ts);
            }
        }
        assertThat(table.maxTs()).isEqualTo(3000);
        assertThat(table.maxLsn()).isEqualTo(30000);
    }

    private static void check(MemTable table, NavigableMap<byte[], List<Ver>> model, Random rnd, long now) {
        for (int i = 0; i < 300; i++) {
            byte[] key = key(rnd);
            long at = 1 + rnd.nextInt((int) now);
            Version v = table.newest(key);
            List<Ver> versions = model.get(key);
            if (versions == null) {
                assertThat(v).isNull();
                continue;
            }
            assertThat(v.ts()).isEqualTo(versions.get(0).ts());
            Ver expected = versions.stream().filter(x -> x.ts() <= at).findFirst().orElse(null);
            Version seen = v.visibleAt(at);
            if (expected == null) {
                assertThat(seen).isNull();
            } else {
                assertThat(seen.ts()).isEqualTo(expected.ts());
                assertSameValue(seen.value(), expected.value());
            }
        }
        for (int i = 0; i < 50; i++) {
            byte[] a = rnd.nextInt(5) == 0 ? null : key(rnd);
            byte[] b = rnd.nextInt(5) == 0 ? null : key(rnd);
            boolean ai = rnd.nextBoolean();
            boolean bi = rnd.nextBoolean();
            KeyRange range = KeyRange.of(a, ai, b, bi);
            NavigableMap<byte[], List<Ver>> sub = model;
            if (a != null && b != null && Arrays.compareUnsigned(a, b) > 0) {
                sub = new TreeMap<>(Arrays::compareUnsigned);
            } else if (a != null && b != null) {
                sub = Arrays.equals(a, b) && !(ai && bi) ? new TreeMap<>(Arrays::compareUnsigned) : model.subMap(a, ai, b, bi);
            } else if (a != null) {
                sub = model.tailMap(a, ai);
            } else if (b != null) {
                sub = model.headMap(b, bi);
            }
            assertKeys(table.range(range, false), sub, false);
            assertKeys(table.range(range, true), sub.descendingMap(), true);
        }
    }

    private static void assertKeys(Iterator<Map.Entry<byte[], Version>> it, NavigableMap<byte[], List<Ver>> expected, boolean reverse) {
        for (Map.Entry<byte[], List<Ver>> e : expected.entrySet()) {
            assertThat(it.hasNext()).as("missing %s (reverse %s)", Arrays.toString(e.getKey()), reverse).isTrue();
            Map.Entry<byte[], Version> got = it.next();
            assertThat(got.getKey()).isEqualTo(e.getKey());
            assertThat(got.getValue().ts()).isEqualTo(e.getValue().get(0).ts());
        }
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    void newestValuesMergeTablesNewestFirst() {
        MemTable older = new MemTable(1 << 16);
        MemTable newer = new MemTable(1 << 16);
        older.add(List.of(Map.entry(one(1), one(10)), Map.entry(one(2), one(20))), 1, 0);
        newer.add(List.of(Map.entry(one(2), WriteSet.TOMBSTONE), Map.entry(one(3), one(30))), 2, 0);
        List<String> merged = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : TableMerge.newestValues(List.of(newer, older))) {
            merged.add(e.getKey()[0] + "=" + (WriteSet.isTombstone(e.getValue()) ? "deleted" : e.getValue()[0]));
        }
        assertThat(merged).containsExactly("1=10", "2=deleted", "3=30");
    }

    @Test
    void concurrentReadersSeeWholeVersionsOnly() throws Exception {
        MemTable table = new MemTable(1 << 10); // a small index: it grows several times under the reader
        AtomicReference<Throwable> failure = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicLong published = new java.util.concurrent.atomic.AtomicLong();
        Thread reader = new Thread(() -> {
            Random rnd = new Random(7);
            java.util.BitSet seen = new java.util.BitSet();
            try {
                while (published.get() < 200_000) {
                    int k = rnd.nextInt(20_000);
                    Version v = table.newest(bytes(k));
                    if (v == null && seen.get(k)) {
                        throw new AssertionError("key " + k + " was found before and is missing now");
                    }
                    if (v != null) {
                        seen.set(k);
                        ByteBuffer b = ByteBuffer.wrap(v.value());
                        assertThat(b.getInt()).isEqualTo(k);
                        assertThat(b.getLong()).isEqualTo(v.ts());
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        Random rnd = new Random(3);
        for (long ts = 1; ts <= 200_000; ts++) {
            int k = rnd.nextInt(20_000);
            byte[] value = ByteBuffer.allocate(12 + rnd.nextInt(100)).putInt(k).putLong(ts).array();
            table.add(List.of(Map.entry(bytes(k), value)), ts, 0);
            published.set(ts);
        }
        reader.join();
        assertThat(failure.get()).isNull();
    }

    private static byte[] key(Random rnd) {
        byte[] k = new byte[1 + rnd.nextInt(3)];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (rnd.nextInt(6) * 50);
        }
        return k;
    }

    private static byte[] value(Random rnd, int max) {
        byte[] v = new byte[rnd.nextInt(max + 1)];
        rnd.nextBytes(v);
        return v;
    }

    private static byte[] one(int i) {
        return new byte[] {(byte) i};
    }

    private static byte[] bytes(int i) {
        return ByteBuffer.allocate(4).putInt(i).array();
    }

    private static void assertSameValue(byte[] seen, byte[] expected) {
        if (WriteSet.isTombstone(expected)) {
            assertThat(WriteSet.isTombstone(seen)).isTrue();
        } else {
            assertThat(seen).isEqualTo(expected);
        }
    }
}
