package dev.lightningdb.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.KeyRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A write set keeps a single entry outside its tree until a second key arrives; held against a
 * plain sorted map through random puts, deletes, overwrites, range views, copies, restores and
 * clears, it must answer exactly as the map does in both of its forms.
 */
class WriteSetTest {
    @Test
    void putAllLeavesTheLaterWriteOfEachKey() {
        WriteSet earlier = new WriteSet();
        earlier.put(key(1), new byte[] {1});
        earlier.put(key(2), new byte[] {2});
        WriteSet later = new WriteSet();
        later.delete(key(1));
        later.put(key(3), new byte[] {3, 3});
        earlier.putAll(later);
        assertThat(keys(earlier)).containsExactly(1, 2, 3);
        assertThat(WriteSet.isTombstone(earlier.get(key(1)))).isTrue();
        assertThat(earlier.get(key(3))).containsExactly(3, 3);
        assertThat(earlier.bytes()).isEqualTo(3L * key(1).length + 1 + 2);
    }

    @Test
    void singleEntryAnswersLikeTheTree() {
        WriteSet ws = new WriteSet();
        assertThat(ws.isEmpty()).isTrue();
        assertThat(ws.entries()).isEmpty();
        ws.put(key(1), new byte[] {7});
        ws.put(key(1), new byte[] {8, 9});
        assertThat(ws.size()).isEqualTo(1);
        assertThat(ws.get(key(1))).containsExactly(8, 9);
        assertThat(ws.get(key(2))).isNull();
        assertThat(ws.bytes()).isEqualTo(key(1).length + 2);
        ws.delete(key(1));
        assertThat(WriteSet.isTombstone(ws.get(key(1)))).isTrue();
        assertThat(ws.bytes()).isEqualTo(key(1).length);
        WriteSet copy = ws.copy();
        ws.put(key(0), new byte[] {1});
        assertThat(keys(ws)).containsExactly(0, 1);
        assertThat(keys(copy)).containsExactly(1);
        ws.restore(copy);
        assertThat(keys(ws)).containsExactly(1);
        ws.clear();
        assertThat(ws.isEmpty()).isTrue();
        assertThat(ws.get(key(1))).isNull();
    }

    @Test
    void randomOperationsMatchASortedMap() {
        Random r = new Random(42);
        for (int run = 0; run < 300; run++) {
            WriteSet ws = new WriteSet();
            TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
            List<WriteSet> saved = new ArrayList<>();
            List<TreeMap<byte[], byte[]>> savedModels = new ArrayList<>();
            for (int op = 0; op < 12; op++) {
                byte[] k = key(r.nextInt(4));
                switch (r.nextInt(8)) {
                    case 0, 1, 2 -> {
                        byte[] v = new byte[r.nextInt(3)];
                        ws.put(k, v);
                        model.put(k, v);
                    }
                    case 3 -> {
                        ws.delete(k);
                        model.put(k, WriteSet.TOMBSTONE);
                    }
                    case 4 -> {
                        saved.add(ws.copy());
                        savedModels.add(new TreeMap<>(model));
                    }
                    case 5 -> {
                        if (!saved.isEmpty()) {
                            int i = r.nextInt(saved.size());
                            ws.restore(saved.get(i));
                            model = new TreeMap<>(savedModels.get(i));
                        }
                    }
                    case 6 -> {
                        byte[] lo = key(r.nextInt(4));
                        boolean reverse = r.nextBoolean();
                        byte[] position = r.nextBoolean() ? null : key(r.nextInt(4));
                        List<byte[]> seen = new ArrayList<>();
                        ws.after(KeyRange.atLeast(lo), position, reverse).forEachRemaining(e -> seen.add(e.getKey()));
                        var inRange = reverse ? model.tailMap(lo, true).descendingMap() : model.tailMap(lo, true);
                        List<byte[]> expected = inRange.keySet().stream()
                                .filter(k2 -> position == null || (reverse ? -1 : 1) * Arrays.compareUnsigned(k2, position) > 0)
                                .toList();
                        assertThat(seen).containsExactlyElementsOf(expected);
                    }
                    default -> {
                        if (r.nextInt(4) == 0) {
                            ws.clear();
                            model.clear();
                        }
                    }
                }
                assertSame(ws, model);
            }
        }
    }

    private static void assertSame(WriteSet ws, TreeMap<byte[], byte[]> model) {
        assertThat(ws.size()).isEqualTo(model.size());
        assertThat(ws.isEmpty()).isEqualTo(model.isEmpty());
        long bytes = 0;
        List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>();
        ws.entries().forEach(entries::add);
        assertThat(entries).hasSize(model.size());
        int i = 0;
        for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
            assertThat(entries.get(i).getKey()).isEqualTo(e.getKey());
            assertThat(entries.get(i).getValue()).isSameAs(e.getValue());
            assertThat(ws.get(e.getKey())).isSameAs(e.getValue());
            bytes += e.getKey().length + e.getValue().length;
            i++;
        }
        assertThat(ws.bytes()).isEqualTo(bytes);
        for (int k = 0; k < 4; k++) {
            if (!model.containsKey(key(k))) {
                assertThat(ws.get(key(k))).isNull();
            }
        }
    }

    private static List<Integer> keys(WriteSet ws) {
        List<Integer> out = new ArrayList<>();
        ws.entries().forEach(e -> out.add((int) e.getKey()[1]));
        return out;
    }

    private static byte[] key(int i) {
        return new byte[] {'k', (byte) i};
    }
}
