package dev.lightningdb.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The write buffer's table filter: bits per table, slots, and what a merge's release clears. */
class TableFilterTest {
    private static byte[] key(int i) {
        return ("key" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static void put(MemTable t, int i, long ts) {
        t.add(List.of(Map.entry(key(i), new byte[] {(byte) i})), ts, 0);
    }

    @Test
    void aTableIsNamedForTheKeysItHoldsAndRarelyForOthers() {
        TableFilter filter = new TableFilter(64L << 20);
        MemTable older = new MemTable(1 << 20, filter);
        MemTable newer = new MemTable(1 << 20, filter);
        assertThat(older.seq()).isLessThan(newer.seq());
        assertThat(older.slot()).isNotEqualTo(newer.slot()).isNotNegative();
        for (int i = 0; i < 1000; i++) {
            put(older, i, i + 1);
            put(newer, i + 500, i + 2000);
        }
        int falseHits = 0;
        for (int i = 0; i < 1500; i++) {
            long word = filter.tables(KeyIndex.hash(key(i)));
            if (i < 1000) {
                assertThat(older.mayHold(word)).isTrue();
            }
            if (i >= 500) {
                assertThat(newer.mayHold(word)).isTrue();
            }
        }
        for (int i = 10_000; i < 20_000; i++) { // keys neither table holds
            long word = filter.tables(KeyIndex.hash(key(i)));
            falseHits += (older.mayHold(word) ? 1 : 0) + (newer.mayHold(word) ? 1 : 0);
        }
        assertThat(falseHits).as("false hits in 20,000 questions").isLessThan(200);
    }

    @Test
    void releaseClearsOnlyTheMergedTablesAndRaisesTheMarkPastThem() {
        TableFilter filter = new TableFilter(64L << 20);
        MemTable merged = new MemTable(1 << 20, filter);
        MemTable kept = new MemTable(1 << 20, filter);
        for (int i = 0; i < 100; i++) {
            put(merged, i, i + 1);
            put(kept, i, i + 200);
        }
        assertThat(filter.clearedBelow()).isLessThanOrEqualTo(merged.seq());
        filter.release(List.of(merged));
        assertThat(filter.clearedBelow()).isGreaterThan(merged.seq()).isLessThanOrEqualTo(kept.seq());
        for (int i = 0; i < 100; i++) {
            long word = filter.tables(KeyIndex.hash(key(i)));
            assertThat(kept.mayHold(word)).isTrue();
            assertThat(word & (1L << merged.slot())).as("the merged table's bit for key %d", i).isZero();
        }
        MemTable next = new MemTable(1 << 20, filter);
        assertThat(next.slot()).as("the freed slot is handed out again").isEqualTo(merged.slot());
    }

    @Test
    void beforeTheFirstWriteEveryTableIsNamed() {
        TableFilter filter = new TableFilter(64L << 20);
        MemTable empty = new MemTable(1 << 20, filter);
        assertThat(filter.tables(KeyIndex.hash(key(1)))).isEqualTo(-1L);
        filter.release(List.of(empty)); // nothing was allocated to clear
        assertThat(filter.clearedBelow()).isGreaterThan(empty.seq());
    }

    @Test
    void aTableWithoutASlotIsAlwaysAsked() {
        TableFilter filter = new TableFilter(1 << 20);
        for (int i = 0; i < 64; i++) {
            assertThat(new MemTable(1 << 16, filter).slot()).isEqualTo(i);
        }
        MemTable unslotted = new MemTable(1 << 16, filter);
        assertThat(unslotted.slot()).isEqualTo(-1);
        put(unslotted, 1, 1);
        assertThat(unslotted.mayHold(0L)).isTrue();
        assertThat(new MemTable(1 << 16).mayHold(0L)).as("a table of no filter").isTrue();
    }
}
