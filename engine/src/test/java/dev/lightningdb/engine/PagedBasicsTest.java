package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagedBasicsTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] key(int i) {
        return String.format("key%08d", i).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putGetDeleteAcrossReopen() {
        try (LightningDb db = LightningDb.open(dir)) {
            db.put(b("a"), b("1"));
            db.put(b("b"), b("2"));
            db.delete(b("a"));
            assertThat(db.get(b("a"))).isNull();
            assertThat(db.get(b("b"))).isEqualTo(b("2"));
            assertThat(db.verifyIntegrity().isClean()).isTrue();
        }
        try (LightningDb db = LightningDb.open(dir)) {
            assertThat(db.get(b("b"))).isEqualTo(b("2"));
            assertThat(db.get(b("a"))).isNull();
            db.checkpoint();
            assertThat(db.verifyIntegrity().problems()).isEmpty();
        }
    }

    @Test
    void manyKeysSplitAndMergeBothWays() {
        int n = 20_000;
        try (LightningDb db = LightningDb.open(dir, LightningDbConfig.builder().pageSize(4096).writeBufferSize(64 * 1024).build())) {
            for (int i = 0; i < n; i += 100) {
                try (Transaction t = db.begin()) {
                    for (int j = i; j < i + 100; j++) {
                        t.put(key(j * 7919 % n), b("v" + j));
                    }
                    t.commit();
                }
            }
            db.checkpoint();
            assertThat(db.verifyIntegrity().problems()).isEmpty();
            assertThat(db.stats().get("tree.height")).isGreaterThan(1);
            List<byte[]> keys = new ArrayList<>();
            try (Cursor c = db.scan(KeyRange.all())) {
                while (c.next()) {
                    keys.add(c.key());
                }
            }
            assertThat(keys).hasSize(n);
            List<byte[]> back = new ArrayList<>();
            try (Cursor c = db.scan(KeyRange.all(), true)) {
                while (c.next()) {
                    back.add(c.key());
                }
            }
            assertThat(back).hasSize(n);
            assertThat(back.get(0)).isEqualTo(key(n - 1));
            for (int i = 0; i < n; i += 3) {
                db.delete(key(i));
            }
            db.checkpoint();
            assertThat(db.verifyIntegrity().problems()).isEmpty();
            for (int i = 0; i < n; i++) {
                if (i % 3 != 0) {
                    db.delete(key(i));
                }
            }
            db.checkpoint();
            assertThat(db.verifyIntegrity().problems()).isEmpty();
            assertThat(db.stats().get("tree.height")).isEqualTo(1);
        }
    }

    @Test
    void hugeRandomTransactionsAreSpilledInChunks() {
        java.util.Random rnd = new java.util.Random(11);
        java.util.TreeMap<byte[], byte[]> model = new java.util.TreeMap<>(java.util.Arrays::compareUnsigned);
        LightningDbConfig config = LightningDbConfig.builder().pageSize(4096).cacheSize(256 * 1024).writeBufferSize(64 * 1024).build();
        try (LightningDb db = LightningDb.open(dir, config)) {
            for (int round = 0; round < 3; round++) {
                try (Transaction t = db.begin()) {
                    for (int i = 0; i < 30_000; i++) {
                        byte[] k = new byte[1 + rnd.nextInt(12)];
                        rnd.nextBytes(k);
                        if (rnd.nextInt(3) == 0 && !model.isEmpty()) {
                            byte[] existing = model.ceilingKey(k);
                            if (existing != null) {
                                t.delete(existing);
                                model.remove(existing);
                            }
                        } else {
                            byte[] v = new byte[rnd.nextInt(50) == 0 ? 3000 : rnd.nextInt(80)];
                            rnd.nextBytes(v);
                            t.put(k, v);
                            model.put(k, v);
                        }
                    }
                    t.commit();
                }
                db.checkpoint(); // merge the write buffer into the tree
                db.checkpoint();
                assertThat(db.verifyIntegrity().problems()).isEmpty();
                assertThat(db.stats().get("store.entries")).isEqualTo(model.size());
            }
            try (Transaction t = db.begin()) {
                for (byte[] k : model.keySet()) {
                    t.delete(k);
                }
                t.commit();
            }
            db.checkpoint();
            assertThat(db.verifyIntegrity().problems()).isEmpty();
            assertThat(db.stats().get("store.entries")).isZero();
            assertThat(db.stats().get("tree.height")).isEqualTo(1);
        }
    }

    @Test
    void bigValuesUseOverflowChains() {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        try (LightningDb db = LightningDb.open(dir)) {
            db.put(b("big"), big);
            db.put(b("small"), b("x"));
            assertThat(db.get(b("big"))).isEqualTo(big);
        }
        try (LightningDb db = LightningDb.open(dir)) {
            assertThat(db.get(b("big"))).isEqualTo(big);
            db.put(b("big"), b("now small"));
            db.checkpoint();
            assertThat(db.verifyIntegrity().problems()).isEmpty();
        }
    }

    @Test
    void keyTooLargeIsAClearError() {
        try (LightningDb db = LightningDb.inMemory()) {
            assertThatThrownBy(() -> db.put(new byte[1025], b("x"))).isInstanceOf(LightningDbException.class)
                    .extracting(e -> ((LightningDbException) e).code()).isEqualTo(ErrorCode.KEY_TOO_LARGE);
            db.put(new byte[1024], b("x"));
            assertThat(db.get(new byte[1024])).isEqualTo(b("x"));
        }
    }
}
