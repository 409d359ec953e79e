package dev.lightningdb.engine;

import static dev.lightningdb.engine.CursorRuleModel.key;
import static dev.lightningdb.engine.CursorRuleModel.keyOf;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.KeyRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transaction's cursor while the same transaction writes: it shows the puts and deletes strictly
 * ahead of its position and never revisits those at or behind it (the rule of {@link MergingCursor}).
 */
class CursorOwnWritesTest {
    /** Which of the keys 0..19 hold committed data before the transaction. */
    enum Committed { NONE, EVEN, ALL }

    enum Write { PUT, DELETE }

    static Stream<Arguments> setups() {
        List<Arguments> out = new ArrayList<>();
        for (IsolationLevel isolation : IsolationLevel.values()) {
            for (boolean reverse : new boolean[] {false, true}) {
                for (Committed committed : Committed.values()) {
                    out.add(Arguments.of(isolation, reverse, committed));
                }
            }
        }
        return out.stream();
    }

    /**
     * Every key 0..19 (behind, at, just ahead of, far ahead of the cursor and outside its range
     * [5, 15)) is put or deleted after 0, 1, 3 or all steps, with and without earlier writes of
     * the transaction in the range; the whole walk must match the model of the rule.
     */
    @ParameterizedTest(name = "{0} reverse={1} committed={2}")
    @MethodSource("setups")
    void aWriteAtEveryPositionOfAScanFollowsTheRule(IsolationLevel isolation, boolean reverse, Committed committed) {
        try (LightningDb db = LightningDb.inMemory()) {
            TreeMap<Integer, String> base = new TreeMap<>();
            for (int i = 0; i < 20; i++) {
                if (committed == Committed.ALL || (committed == Committed.EVEN && i % 2 == 0)) {
                    db.put(key(i), ("c" + i).getBytes(UTF_8));
                    base.put(i, "c" + i);
                }
            }
            for (int target = 0; target < 20; target++) {
                for (Write write : Write.values()) {
                    for (int steps : new int[] {0, 1, 3, 20}) {
                        for (boolean earlier : new boolean[] {false, true}) {
                            String what = write + " " + target + " after " + steps + " steps" + (earlier ? ", earlier writes" : "");
                            walkWithOneWrite(db, isolation, reverse, base, target, write, steps, earlier, what);
                        }
                    }
                }
            }
        }
    }

    private static void walkWithOneWrite(LightningDb db, IsolationLevel isolation, boolean reverse, TreeMap<Integer, String> base,
                                         int target, Write write, int steps, boolean earlier, String what) {
        TreeMap<Integer, String> view = new TreeMap<>(base);
        try (Transaction t = db.begin(isolation)) {
            if (earlier) {
                put(t, view, 7, "w7");
                delete(t, view, 10);
                put(t, view, 13, "w13");
            }
            CursorRuleModel model = new CursorRuleModel(5, true, 15, false, reverse);
            Cursor c = t.scan(model.range(), reverse);
            for (int i = 0; i < steps; i++) {
                step(c, model, view, what);
            }
            if (write == Write.PUT) {
                put(t, view, target, "n" + target);
            } else {
                delete(t, view, target);
            }
            while (step(c, model, view, what)) {
                // walks to the end, checking each entry
            }
            assertThat(c.next()).as(what + ": stays at the end").isFalse();
        }
    }

    /** One step of the cursor and of the model; they must agree. */
    static boolean step(Cursor c, CursorRuleModel model, TreeMap<Integer, String> view, String what) {
        Map.Entry<Integer, String> expected = model.next(view);
        boolean moved = c.next();
        assertThat(moved ? keyOf(c.key()) + "=" + new String(c.value(), UTF_8) : "end")
                .as(what)
                .isEqualTo(expected == null ? "end" : expected.getKey() + "=" + expected.getValue());
        return moved;
    }

    static void put(Transaction t, TreeMap<Integer, String> view, int k, String value) {
        t.put(key(k), value.getBytes(UTF_8));
        view.put(k, value);
    }

    static void delete(Transaction t, TreeMap<Integer, String> view, int k) {
        t.delete(key(k));
        view.remove(k);
    }

    private static List<String> rest(Cursor c) {
        List<String> out = new ArrayList<>();
        while (c.next()) {
            out.add(keyOf(c.key()) + "=" + new String(c.value(), UTF_8));
        }
        return out;
    }

    private static LightningDb oneToNine() {
        LightningDb db = LightningDb.inMemory();
        for (int i = 1; i <= 9; i++) {
            db.put(key(i), ("c" + i).getBytes(UTF_8));
        }
        return db;
    }

    @Test
    void writesAheadAreSeenAndWritesAtOrBehindAreNot() {
        try (LightningDb db = oneToNine(); Transaction t = db.begin()) {
            Cursor c = t.scan(KeyRange.between(key(0), key(20)));
            assertThat(List.of(c.next(), c.next(), c.next())).containsOnly(true);
            assertThat(keyOf(c.key())).isEqualTo(3);
            t.put(key(2), "behind".getBytes(UTF_8));
            t.put(key(3), "at".getBytes(UTF_8));
            t.delete(key(4));
            t.put(key(7), "ahead".getBytes(UTF_8));
            t.put(key(15), "new".getBytes(UTF_8));
            t.put(key(25), "outside".getBytes(UTF_8));
            assertThat(rest(c)).containsExactly("5=c5", "6=c6", "7=ahead", "8=c8", "9=c9", "15=new");
        }
    }

    @Test
    void aCursorOpenedBeforeTheFirstWriteSeesLaterWritesAhead() {
        try (LightningDb db = oneToNine(); Transaction t = db.begin()) {
            Cursor c = t.scan(KeyRange.all(), true);
            assertThat(c.next()).isTrue();
            assertThat(keyOf(c.key())).isEqualTo(9);
            t.delete(key(8));
            t.put(key(0), "first".getBytes(UTF_8));
            assertThat(rest(c)).containsExactly("7=c7", "6=c6", "5=c5", "4=c4", "3=c3", "2=c2", "1=c1", "0=first");
        }
    }

    @Test
    void aWalkThatWritesAheadOfItselfAtEveryStepEndsAtTheRangeEnd() {
        try (LightningDb db = oneToNine(); Transaction t = db.begin()) {
            Cursor c = t.scan(KeyRange.between(key(1), key(30)));
            int seen = 0;
            while (c.next()) {
                int k = keyOf(c.key());
                t.put(key(k + 1), "next".getBytes(UTF_8)); // the key the cursor reaches next
                t.delete(key(k));
                seen++;
            }
            assertThat(seen).isEqualTo(29);
        }
    }

    @Test
    void aRollbackToASavepointDuringAScanShowsTheRestoredStateAhead() {
        try (LightningDb db = oneToNine(); Transaction t = db.begin()) {
            t.put(key(6), "before".getBytes(UTF_8));
            Transaction.Savepoint sp = t.savepoint();
            t.delete(key(5));
            Cursor c = t.scan(KeyRange.all());
            assertThat(List.of(c.next(), c.next())).containsOnly(true);
            t.put(key(2), "behind".getBytes(UTF_8));
            t.put(key(4), "ahead".getBytes(UTF_8));
            t.delete(key(8));
            assertThat(c.next()).isTrue();
            assertThat(new String(c.value(), UTF_8)).isEqualTo("c3");
            t.rollbackTo(sp);
            assertThat(rest(c)).containsExactly("4=c4", "5=c5", "6=before", "7=c7", "8=c8", "9=c9");
        }
    }

    @Test
    void commitOrRollbackDuringAScanEndsTheCursor() {
        try (LightningDb db = oneToNine()) {
            Transaction t = db.begin();
            Cursor c = t.scan(KeyRange.all());
            assertThat(c.next()).isTrue();
            t.put(key(5), "x".getBytes(UTF_8));
            t.commit();
            assertThat(c.next()).isFalse();
            Transaction r = db.begin();
            Cursor d = r.scan(KeyRange.all());
            r.put(key(6), "y".getBytes(UTF_8));
            r.rollback();
            assertThat(d.next()).isFalse();
            assertThat(new String(db.get(key(5)), UTF_8)).isEqualTo("x");
            assertThat(new String(db.get(key(6)), UTF_8)).isEqualTo("c6");
        }
    }

    @Test
    void anotherTransactionsCommitDuringTheScanStaysUnseen() {
        for (IsolationLevel isolation : IsolationLevel.values()) {
            try (LightningDb db = oneToNine(); Transaction t = db.begin(isolation)) {
                Cursor c = t.scan(KeyRange.all());
                assertThat(c.next()).isTrue();
                t.put(key(4), "own".getBytes(UTF_8));
                db.put(key(6), "other".getBytes(UTF_8));
                db.delete(key(7));
                assertThat(rest(c)).as(isolation.name()).containsExactly("2=c2", "3=c3", "4=own", "5=c5", "6=c6", "7=c7", "8=c8", "9=c9");
            }
        }
    }

    @Test
    void scanLatestFollowsTheSameRule() {
        try (LightningDb db = oneToNine(); Transaction t = db.begin(IsolationLevel.SNAPSHOT)) {
            Cursor c = t.scanLatest(KeyRange.all());
            assertThat(c.next()).isTrue();
            t.put(key(1), "behind".getBytes(UTF_8));
            t.delete(key(2));
            t.put(key(3), "ahead".getBytes(UTF_8));
            assertThat(rest(c)).containsExactly("3=ahead", "4=c4", "5=c5", "6=c6", "7=c7", "8=c8", "9=c9");
        }
    }
}
