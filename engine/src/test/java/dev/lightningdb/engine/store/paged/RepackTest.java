package dev.lightningdb.engine.store.paged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.IntegrityReport;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.io.MemoryFileIO;
import dev.lightningdb.engine.store.WriteSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A commit that rewrites runs of leaves packs them ({@code TreeWriter.repackLeaves}): deleting every
 * second key of a tree leaves no leaf below the quarter page that makes it merge with a sibling,
 * so without packing the tree would keep its size with its leaves half empty; packed, it halves,
 * and holds exactly what it should.
 */
class RepackTest {
    private static final int PAGE = 4096;
    private static final int KEYS = 20_000;
    private static final LightningDbConfig CONFIG = LightningDbConfig.builder().pageSize(PAGE).cacheSize(4L << 20).build();

    private static byte[] key(int i) {
        return String.format("key-%08d", i).getBytes();
    }

    private static byte[] value(int i, int round) {
        return String.format("%d/%d, forty bytes or so of value text..", i, round).getBytes();
    }

    @Test
    void deletingHalfTheKeysPacksTheLeavesThatHeldThem() {
        MemoryFileIO io = new MemoryFileIO("repack.ldb");
        PagedStore.format(io, PAGE);
        PagedStore store = PagedStore.open(io, CONFIG, false);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        for (int from = 0; from < KEYS; from += 500) { // many commits of random keys: splits, not appends
            WriteSet ws = new WriteSet();
            for (int i : order.subList(from, from + 500)) {
                ws.put(key(i), value(i, 1));
            }
            store.apply(ws, 0);
        }
        IntegrityReport grown = store.verifyIntegrity();
        assertThat(grown.problems()).isEmpty();

        WriteSet halve = new WriteSet();
        for (int i = 1; i < KEYS; i += 2) {
            halve.delete(key(i));
        }
        store.apply(halve, 0);
        IntegrityReport packed = store.verifyIntegrity();
        assertThat(packed.problems()).isEmpty();
        assertThat(packed.entriesChecked()).isEqualTo(KEYS / 2);
        assertThat(packed.pagesChecked()).as("pages after deleting half the keys, %d before", grown.pagesChecked())
                .isLessThan(grown.pagesChecked() * 60 / 100);
        for (int i = 0; i < KEYS; i++) {
            assertThat(store.get(key(i))).isEqualTo(i % 2 == 0 ? value(i, 1) : null);
        }

        // Inserts between packed keys split the packed leaves as usual.
        WriteSet between = new WriteSet();
        for (int i = 0; i < KEYS; i += 3) {
            between.put((new String(key(i)) + "+").getBytes(), value(i, 3));
        }
        store.apply(between, 0);
        assertThat(store.verifyIntegrity().problems()).isEmpty();
        assertThat(store.verifyIntegrity().entriesChecked()).isEqualTo(KEYS / 2 + (KEYS + 2) / 3);
        store.close();
    }
}
