package dev.lightningdb.engine;

import static dev.lightningdb.engine.CursorRuleModel.key;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.IsolationLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random interleavings of one transaction's writes, savepoints, rollbacks to them and the steps of
 * several open cursors (ranges, directions, {@code scan} and {@code scanLatest}), checked step by
 * step against {@link CursorRuleModel}. Seeded: a failure names its run and replays.
 */
class CursorOwnWritesModelTest {
    private static final int KEYS = 24;

    private record Open(Cursor cursor, CursorRuleModel model) {
    }

    @Test
    void randomWritesDuringRandomScansFollowTheRule() {
        Random r = new Random(2026_12_07L);
        for (int run = 0; run < 400; run++) {
            IsolationLevel isolation = IsolationLevel.values()[r.nextInt(IsolationLevel.values().length)];
            try (LightningDb db = LightningDb.inMemory()) {
                TreeMap<Integer, String> view = new TreeMap<>();
                for (int i = 0; i < KEYS; i++) {
                    if (r.nextInt(3) > 0) {
                        db.put(key(i), ("c" + i).getBytes(UTF_8));
                        view.put(i, "c" + i);
                    }
                }
                try (Transaction t = db.begin(isolation)) {
                    runOps(r, t, view, "run " + run + " " + isolation);
                }
            }
        }
    }

    private static void runOps(Random r, Transaction t, TreeMap<Integer, String> view, String run) {
        List<Open> open = new ArrayList<>();
        List<Transaction.Savepoint> savepoints = new ArrayList<>();
        List<TreeMap<Integer, String>> savedViews = new ArrayList<>();
        for (int op = 0; op < 80; op++) {
            String what = run + " op " + op;
            int k = r.nextInt(KEYS);
            switch (r.nextInt(10)) {
                case 0, 1 -> CursorOwnWritesTest.put(t, view, k, "v" + op);
                case 2 -> CursorOwnWritesTest.delete(t, view, k);
                case 3 -> {
                    savepoints.add(t.savepoint());
                    savedViews.add(new TreeMap<>(view));
                }
                case 4 -> {
                    if (!savepoints.isEmpty()) {
                        int i = r.nextInt(savepoints.size());
                        t.rollbackTo(savepoints.get(i));
                        view.clear();
                        view.putAll(savedViews.get(i));
                    }
                }
                case 5 -> open.add(open(r, t));
                default -> {
                    if (!open.isEmpty()) {
                        Open o = open.get(r.nextInt(open.size()));
                        CursorOwnWritesTest.step(o.cursor(), o.model(), view, what);
                    }
                }
            }
        }
        for (Open o : open) {
            while (CursorOwnWritesTest.step(o.cursor(), o.model(), view, run + " drain")) {
                // to the end
            }
        }
    }

    private static Open open(Random r, Transaction t) {
        Integer lower = r.nextInt(4) == 0 ? null : r.nextInt(KEYS);
        Integer upper = r.nextInt(4) == 0 ? null : r.nextInt(KEYS);
        if (lower != null && upper != null && lower > upper) {
            Integer swap = lower;
            lower = upper;
            upper = swap;
        }
        boolean reverse = r.nextBoolean();
        CursorRuleModel model = new CursorRuleModel(lower, lower == null || r.nextBoolean(), upper, r.nextBoolean(), reverse);
        boolean latest = !reverse && r.nextInt(4) == 0;
        return new Open(latest ? t.scanLatest(model.range()) : t.scan(model.range(), reverse), model);
    }
}
