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

    private static void put(MemTable t, int i, String value, long ts) {
        t.add(List.of(Map.entry(key(i), value.getBytes(StandardCharsets.UTF_8))), ts, 0);
    }

    private static String read(View v, int i) {
        Version x = v.lookup(key(i));
        return x == null ? null : new String(x.value(), StandardCharsets.UTF_8);
    }

    /** Four tables that hold other keys, so that a view of them and more reads through the filter. */
    private static List<MemTable> fillers(TableFilter filter, long ts) {
        List<MemTable> tables = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            MemTable m = new MemTable(1 << 16, filter);
            put(m, 1000 + t, "filler", ts);
            tables.add(0, m);
        }
        return tables;
    }

    @Test
    void aViewOlderThanAMergeDoesNotFollowAHintWhoseSlotANewTableTookOver() {
        TableFilter filter = new TableFilter(64L << 20);
        MemTable old = new MemTable(1 << 16, filter);
        put(old, 7, "old", 1); // the table's first node
        MemTable mid = new MemTable(1 << 16, filter);
        put(mid, 7, "mid", 2);
        List<MemTable> frozen = new java.util.ArrayList<>(fillers(filter, 3));
        frozen.add(mid);
        frozen.add(old);
        MemTable active = new MemTable(1 << 16, filter);
        View before = new View(active, List.copyOf(frozen), 0, 10);
        assertThat(read(before, 7)).isEqualTo("mid");

        filter.release(List.of(old)); // a merge took it (alone, for the test's sake)
        MemTable taker = new MemTable(1 << 16, filter);
        assertThat(taker.slot()).isEqualTo(old.slot());
        put(taker, 7, "new", 11); // the same node address as in the old table, under the same slot
        assertThat(read(before, 7)).as("the view before the merge still reads its newest table").isEqualTo("mid");
    }

    @Test
    void aTableWithoutASlotTakesTheHintAwaySoNoOlderVersionIsNamed() {
        TableFilter filter = new TableFilter(1 << 20);
        MemTable slotted = new MemTable(1 << 16, filter);
        put(slotted, 7, "slotted", 1);
        List<MemTable> frozen = new java.util.ArrayList<>();
        for (int i = 1; i < 64; i++) {
            MemTable m = new MemTable(1 << 16, filter); // takes the remaining slots
            put(m, 2000 + i, "filler", 2);
            frozen.add(0, m);
        }
        frozen.add(slotted);
        MemTable unslotted = new MemTable(1 << 16, filter);
        assertThat(unslotted.slot()).isEqualTo(-1);
        put(unslotted, 7, "newest", 3);
        View v = new View(unslotted, List.copyOf(frozen), 0, 10);
        assertThat(read(v, 7)).isEqualTo("newest");
        MemTable next = new MemTable(1 << 16, filter);
        View later = new View(next, List.copyOf(prepend(unslotted, frozen)), 0, 10);
        assertThat(read(later, 7)).as("read once the unslotted table is frozen").isEqualTo("newest");
    }

    private static List<MemTable> prepend(MemTable first, List<MemTable> rest) {
        List<MemTable> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    @Test
    void whenTheHintNamesATableTheViewDoesNotHoldTheBitsFindTheViewsNewestVersion() {
        TableFilter filter = new TableFilter(64L << 20);
        MemTable oldest = new MemTable(1 << 16, filter);
        put(oldest, 7, "one", 1);
        List<MemTable> frozen = new java.util.ArrayList<>(fillers(filter, 2)); // newest first
        MemTable middle = new MemTable(1 << 16, filter);
        put(middle, 7, "two", 3);
        frozen.add(0, middle);
        frozen.add(oldest);
        MemTable active = new MemTable(1 << 16, filter);
        put(active, 7, "three", 5);
        View atTen = new View(active, List.copyOf(frozen), 0, 10);
        View atFour = new View(active, List.copyOf(frozen), 0, 4);
        assertThat(read(atTen, 7)).as("by the hint").isEqualTo("three");

        MemTable later = new MemTable(1 << 16, filter); // a table neither view holds takes the hint
        put(later, 7, "four", 11);
        assertThat(read(atTen, 7)).as("the active table is asked first").isEqualTo("three");
        assertThat(read(atFour, 7)).as("the active table's version is newer than the view").isEqualTo("two");
        assertThat(read(atTen, 1002)).as("a key of one filler table").isEqualTo("filler");
        assertThat(read(atTen, 8)).as("a key no table holds").isNull();
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

    /** A key hash in bucket {@code bucket} with hint tag {@code tag} (the bits TableFilter reads). */
    private static long hashOf(int bucket, int tag) {
        return (long) tag << 55 | (long) bucket << 18;
    }

    @Test
    void twoKeysOfOnePairOfBucketsBothKeepTheirHints() {
        TableFilter filter = new TableFilter(1 << 20);
        long a = hashOf(4, 1);
        long b = hashOf(4, 2); // same bucket
        long c = hashOf(5, 3); // the pair's other bucket
        filter.add(a, 0, 100);
        filter.add(b, 0, 200);
        assertThat(TableFilter.hintNode(filter.hint(a))).isEqualTo(100);
        assertThat(TableFilter.hintNode(filter.hint(b))).isEqualTo(200);
        filter.add(c, 1, 300); // a third key of the pair takes its own bucket's word
        assertThat(TableFilter.hintNode(filter.hint(c))).isEqualTo(300);
        assertThat(TableFilter.hintMayBe(filter.hint(a), a) || TableFilter.hintMayBe(filter.hint(b), b))
                .as("one of the first two keeps its hint").isTrue();
    }

    @Test
    void aWriteReplacesTheHintOfItsTagWhereverItIsAndATableWithoutASlotRemovesIt() {
        TableFilter filter = new TableFilter(1 << 20);
        long a = hashOf(8, 5);
        long b = hashOf(8, 6);
        long sameTagAsA = hashOf(9, 5); // the other bucket of the pair, the same tag
        filter.add(a, 0, 100);
        filter.add(b, 0, 200); // the pair's other word
        filter.add(a, 1, 110); // a newer version of a: in place, b keeps its hint
        assertThat(TableFilter.hintNode(filter.hint(a))).isEqualTo(110);
        assertThat(TableFilter.hintNode(filter.hint(b))).isEqualTo(200);
        filter.add(sameTagAsA, 2, 300); // one hint per tag in a pair: a's goes, never two for one tag
        assertThat(TableFilter.hintNode(filter.hint(a))).isEqualTo(300);
        assertThat(TableFilter.hintNode(filter.hint(b))).isEqualTo(200);
        filter.add(b, -1, 0); // an unslotted table wrote b: no hint may name b's older version
        assertThat(TableFilter.hintMayBe(filter.hint(b), b)).isFalse();
        assertThat(TableFilter.hintNode(filter.hint(sameTagAsA))).isEqualTo(300);
    }
}
