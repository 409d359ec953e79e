package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagedEdgeCasesTest {
    @TempDir
    Path dir;

    private static byte[] k(int i) {
        return new byte[] {(byte) (i >> 8), (byte) i};
    }

    private static List<Integer> walk(LightningDb db, KeyRange range, boolean reverse) {
        List<Integer> out = new ArrayList<>();
        try (Cursor c = db.scan(range, reverse)) {
            while (c.next()) {
                byte[] key = c.key();
                out.add(((key[0] & 0xFF) << 8) | (key[1] & 0xFF));
            }
            assertThat(c.next()).isFalse();
        }
        return out;
    }

    @Test
    void rangesAndDirectionsOnEmptySingleAndManyKeys() {
        try (LightningDb db = LightningDb.inMemory(LightningDbConfig.builder().pageSize(4096).build())) {
            assertThat(walk(db, KeyRange.all(), false)).isEmpty();
            assertThat(walk(db, KeyRange.all(), true)).isEmpty();
            db.put(k(5), new byte[0]);
            assertThat(db.get(k(5))).isEmpty();
            assertThat(walk(db, KeyRange.of(k(5), false, null, false), false)).isEmpty();
            assertThat(walk(db, KeyRange.of(k(5), true, k(5), true), true)).containsExactly(5);
            assertThat(walk(db, KeyRange.of(k(5), true, k(5), false), true)).isEmpty();
            try (Transaction t = db.begin()) {
                for (int i = 0; i < 3000; i += 2) {
                    t.put(k(i), new byte[i % 300]);
                }
                t.commit();
            }
            db.checkpoint(); // merge the write buffer into the tree
            assertThat(db.stats().get("tree.height")).isGreaterThan(1);
            assertThat(walk(db, KeyRange.of(k(100), true, k(110), true), false)).containsExactly(100, 102, 104, 106, 108, 110);
            assertThat(walk(db, KeyRange.of(k(100), false, k(110), false), true)).containsExactly(108, 106, 104, 102);
            assertThat(walk(db, KeyRange.of(k(101), true, k(105), true), true)).containsExactly(104, 102);
            assertThat(walk(db, KeyRange.of(null, true, k(4), true), true)).containsExactly(4, 2, 0);
            assertThat(walk(db, KeyRange.of(k(2995), true, null, true), false)).containsExactly(2996, 2998);
            assertThat(walk(db, KeyRange.of(k(20), true, k(10), true), false)).isEmpty();
            assertThat(walk(db, KeyRange.all(), true)).hasSize(1501).startsWith(2998);
            assertThat(walk(db, KeyRange.prefix(new byte[] {1}), false)).hasSize(128).startsWith(256);
        }
    }

    @Test
    void cursorMisuseIsAClearError() {
        try (LightningDb db = LightningDb.inMemory()) {
            db.put(k(1), k(1));
            Cursor c = db.scan(KeyRange.all());
            assertThatThrownBy(c::key).isInstanceOf(LightningDbException.class);
            assertThat(c.next()).isTrue();
            assertThat(c.value()).isEqualTo(k(1));
            c.close();
            c.close();
            assertThat(c.next()).isFalse();
        }
    }

    @Test
    void aCursorNobodyClosedStopsPinningPagesOnceCollected() throws Exception {
        try (LightningDb db = LightningDb.inMemory()) {
            db.put(k(1), k(1));
            leakCursors(db, 200); // more than the registry's fixed slots
            assertThat(db.stats().get("readers.active")).isEqualTo(200);
            for (int i = 0; i < 100 && db.stats().get("readers.active") > 0; i++) {
                System.gc();
                Thread.sleep(50);
            }
            assertThat(db.stats().get("readers.active")).isZero();
            Cursor closed = db.scan(KeyRange.all());
            closed.close();
            assertThat(db.stats().get("readers.active")).isZero();
        }
    }

    private static void leakCursors(LightningDb db, int n) {
        for (int i = 0; i < n; i++) {
            Cursor c = db.scan(KeyRange.all());
            assertThat(c.next()).isTrue(); // positioned, not exhausted: still registered
        }
    }

    @Test
    void anExistingDatabaseKeepsItsPageSize() {
        try (LightningDb db = LightningDb.open(dir, LightningDbConfig.builder().pageSize(4096).build())) {
            db.put(k(1), k(2));
        }
        try (LightningDb db = LightningDb.open(dir, LightningDbConfig.builder().pageSize(65536).maxKeySize(8192).build())) {
            assertThat(db.stats().get("pages.size")).isEqualTo(4096);
            assertThat(db.get(k(1))).isEqualTo(k(2));
            assertThatThrownBy(() -> db.put(new byte[2000], k(1))).isInstanceOf(LightningDbException.class)
                    .extracting(e -> ((LightningDbException) e).code()).isEqualTo(ErrorCode.KEY_TOO_LARGE);
            assertThat(db.verifyIntegrity().problems()).isEmpty();
        }
    }

    @Test
    void readOnlyOpenReadsAndNeverWrites() throws Exception {
        try (LightningDb db = LightningDb.open(dir)) {
            db.put(k(1), k(2));
        }
        Path data = dir.resolve("data.ldb");
        byte[] before = Files.readAllBytes(data);
        try (LightningDb db = LightningDb.open(dir, LightningDbConfig.builder().readOnly(true).build())) {
            assertThat(db.get(k(1))).isEqualTo(k(2));
            assertThatThrownBy(() -> db.put(k(3), k(4))).isInstanceOf(LightningDbException.class)
                    .extracting(e -> ((LightningDbException) e).code()).isEqualTo(ErrorCode.READ_ONLY);
            db.checkpoint();
            assertThat(db.verifyIntegrity().problems()).isEmpty();
        }
        assertThat(Files.readAllBytes(data)).isEqualTo(before);
        Path missing = dir.resolve("missing");
        Files.createDirectories(missing);
        assertThatThrownBy(() -> LightningDb.open(missing, LightningDbConfig.builder().readOnly(true).build()))
                .isInstanceOf(LightningDbException.class)
                .extracting(e -> ((LightningDbException) e).code()).isEqualTo(ErrorCode.CANNOT_OPEN);
    }

    @Test
    void statsNameTheCacheAndTheFile() {
        try (LightningDb db = LightningDb.inMemory()) {
            for (int i = 0; i < 100; i++) {
                db.put(k(i), k(i));
                db.get(k(i));
            }
            db.checkpoint(); // merge the write buffer into the tree
            for (int i = 0; i < 100; i++) {
                db.get(k(i));
            }
            EngineStats s = db.stats();
            assertThat(s.counters()).containsKeys("cache.hits", "cache.misses", "cache.evictions", "cache.arc.t1", "cache.arc.t2",
                    "cache.arc.b1", "cache.arc.b2", "cache.arc.target", "errors.checksum", "pages.total", "tree.height");
            assertThat(s.get("cache.hits")).isPositive();
            assertThat(s.get("store.entries")).isEqualTo(100);
        }
    }
}
