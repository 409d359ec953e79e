package dev.lightningdb.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-version reads and first-committer-wins through the engine API: snapshots that outlive
 * merges of the write buffer into the tree, conflicts, retries, and the statistics that show
 * what transactions hold.
 */
class MvccTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static String s(byte[] v) {
        return v == null ? null : new String(v, UTF_8);
    }

    private static List<String> walk(Cursor c) {
        List<String> out = new ArrayList<>();
        try (c) {
            while (c.next()) {
                out.add(s(c.key()) + "=" + s(c.value()));
            }
        }
        return out;
    }

    /** A small buffer, so that merges into the tree happen while snapshots are held. */
    private static LightningDbConfig smallBuffer() {
        return LightningDbConfig.builder().pageSize(4096).writeBufferSize(64 * 1024).build();
    }

    @Test
    void aSnapshotKeepsItsStartStateThroughCommitsAndMerges() {
        try (LightningDb db = LightningDb.open(dir, smallBuffer())) {
            for (int i = 0; i < 100; i++) {
                db.put(b(String.format("k%03d", i)), b("v0"));
            }
            db.delete(b("k050"));
            try (Transaction snap = db.begin(IsolationLevel.SNAPSHOT); Transaction rc = db.begin(IsolationLevel.READ_COMMITTED)) {
                assertThat(s(snap.get(b("k001")))).isEqualTo("v0");
                for (int round = 1; round <= 5; round++) {
                    try (Transaction w = db.begin()) {
                        for (int i = 0; i < 100; i++) {
                            w.put(b(String.format("k%03d", i)), b("v" + round));
                        }
                        w.put(b("new" + round), b("x"));
                        w.commit();
                    }
                    db.checkpoint(); // merge into the tree: the snapshot must keep reading its pinned version
                }
                assertThat(s(snap.get(b("k001")))).isEqualTo("v0");
                assertThat(snap.get(b("k050"))).isNull();
                assertThat(snap.get(b("new1"))).isNull();
                List<String> seen = walk(snap.scan(KeyRange.all()));
                assertThat(seen).hasSize(99).allMatch(e -> e.endsWith("=v0"));
                assertThat(walk(snap.scan(KeyRange.all(), true))).hasSize(99).first().isEqualTo("k099=v0");
                assertThat(s(rc.get(b("k001")))).as("read committed sees the latest commit").isEqualTo("v5");
                assertThat(s(rc.get(b("k050")))).isEqualTo("v5");
                assertThat(db.stats().get("mvcc.snapshots")).isEqualTo(1);
            }
            assertThat(db.stats().get("mvcc.snapshots")).isZero();
            assertThat(db.verifyIntegrity().problems()).isEmpty();
        }
    }

    /**
     * A snapshot that began while many tables were frozen keeps reading them after a merge took them
     * out of the buffer and cleared their bits in the table filter (reads of a newer view skip
     * tables by those bits; this one must not).
     */
    @Test
    void aSnapshotReadsItsFrozenTablesAfterTheyWereMergedAndTheirFilterBitsCleared() {
        LightningDbConfig config = LightningDbConfig.builder().pageSize(4096).writeBufferSize(1 << 20)
                .checkpointInterval(java.time.Duration.ZERO).build();
        byte[] big = new byte[200];
        try (LightningDb db = LightningDb.open(dir, config)) {
            for (int i = 0; i < 2000; i++) { // about seven frozen tables of 64 KiB, fewer than a merge needs
                db.put(b(String.format("k%04d", i)), concat(b("a" + i + ":"), big));
            }
            assertThat(db.stats().get("mvcc.tables")).isGreaterThan(5);
            assertThat(db.stats().get("mvcc.merges")).isZero();
            try (Transaction snap = db.begin(IsolationLevel.SNAPSHOT)) {
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < 2000; i++) {
                        db.put(b(String.format("k%04d", i)), concat(b("b" + round + ":"), big));
                    }
                }
                db.checkpoint();
                assertThat(db.stats().get("mvcc.merges")).isGreaterThan(1);
                for (int i = 0; i < 2000; i++) {
                    assertThat(s(snap.get(b(String.format("k%04d", i))))).as("k%04d", i).startsWith("a" + i + ":");
                }
            }
            for (int i = 0; i < 2000; i += 7) {
                assertThat(s(db.get(b(String.format("k%04d", i))))).startsWith("b2:");
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void unmergedCommitsAreVisibleToSnapshotsThatBeganAfterThem() {
        try (LightningDb db = LightningDb.inMemory()) {
            db.put(b("a"), b("1"));
            try (Transaction first = db.begin(IsolationLevel.SNAPSHOT)) {
                db.put(b("a"), b("2"));
                db.put(b("b"), b("2"));
                try (Transaction second = db.begin(IsolationLevel.SNAPSHOT)) {
                    db.put(b("a"), b("3"));
                    db.delete(b("b"));
                    assertThat(walk(first.scan(KeyRange.all()))).containsExactly("a=1");
                    assertThat(walk(second.scan(KeyRange.all()))).containsExactly("a=2", "b=2");
                    assertThat(walk(db.scan(KeyRange.all()))).containsExactly("a=3");
                }
            }
        }
    }

    /**
     * Two writers of one key: the second waits for the first's lock (on a thread of its own). Under
     * SNAPSHOT and SERIALIZABLE it then loses (first committer wins, found at the write); under
     * READ_COMMITTED it goes on and writes over the first's commit.
     */
    @Test
    void theFirstCommitterWinsAndTheSecondGetsARetryableConflict() throws Exception {
        for (IsolationLevel level : IsolationLevel.values()) {
            try (LightningDb db = LightningDb.inMemory()) {
                db.put(b("x"), b("0"));
                Transaction t1 = db.begin(level);
                Transaction t2 = db.begin(level);
                t1.put(b("x"), b("1"));
                java.util.concurrent.CompletableFuture<Void> second = java.util.concurrent.CompletableFuture.runAsync(() -> t2.put(b("x"), b("2")));
                KeyLocksTest.awaitWaiters(db, 1);
                t1.commit();
                if (level == IsolationLevel.READ_COMMITTED) {
                    second.get(10, java.util.concurrent.TimeUnit.SECONDS);
                    t2.commit();
                    assertThat(s(db.get(b("x")))).isEqualTo("2");
                } else {
                    assertThatThrownBy(() -> second.get(10, java.util.concurrent.TimeUnit.SECONDS)).as(level.name())
                            .cause().isInstanceOf(ConflictException.class)
                            .hasMessageContaining("write-write conflict").hasMessageContaining("retry");
                    assertThat(t2.isOpen()).isFalse();
                    assertThat(s(db.get(b("x")))).isEqualTo("1");
                }
                // Writers of different keys neither wait nor conflict.
                try (Transaction a = db.begin(level); Transaction c = db.begin(level)) {
                    a.put(b("p"), b("1"));
                    c.put(b("q"), b("1"));
                    a.commit();
                    c.commit();
                }
            }
        }
    }

    @Test
    void aConflictIsFoundEvenAfterTheWinnerWasMergedIntoTheTree() {
        try (LightningDb db = LightningDb.open(dir, smallBuffer())) {
            Transaction loser = db.begin(IsolationLevel.SNAPSHOT);
            db.put(b("hot"), b("winner"));
            for (int i = 0; i < 2000; i++) {
                db.put(b("fill" + i), new byte[100]); // several buffers: the winner's table is merged and dropped
            }
            db.checkpoint();
            assertThat(db.stats().get("mvcc.merges")).isGreaterThan(1);
            assertThatThrownBy(() -> loser.put(b("hot"), b("loser"))).isInstanceOf(ConflictException.class);
            assertThat(loser.isOpen()).isFalse();
            assertThat(s(db.get(b("hot")))).isEqualTo("winner");
        }
    }

    @Test
    void inTransactionRetriesConflictsAndSaysHowOftenItTriedWhenItGivesUp() {
        LightningDbConfig snapshots = LightningDbConfig.builder().defaultIsolation(IsolationLevel.SNAPSHOT).build();
        try (LightningDb db = LightningDb.inMemory(snapshots)) {
            db.put(b("n"), b("0"));
            AtomicInteger attempts = new AtomicInteger();
            db.inTransaction(t -> {
                int n = Integer.parseInt(s(t.get(b("n"))));
                if (attempts.incrementAndGet() < 3) {
                    db.put(b("n"), b(Integer.toString(n + 100))); // a concurrent writer gets in first
                }
                t.put(b("n"), b(Integer.toString(n + 1)));
                return null;
            });
            assertThat(attempts).hasValue(3);
            assertThat(s(db.get(b("n")))).isEqualTo("201");
            LightningDbConfig twoTries = LightningDbConfig.builder().defaultIsolation(IsolationLevel.SNAPSHOT).transactionRetryLimit(2).build();
            try (LightningDb db2 = LightningDb.inMemory(twoTries)) {
                assertThatThrownBy(() -> db2.inTransaction(t -> {
                    t.get(b("k"));
                    db2.put(b("k"), b("theirs"));
                    t.put(b("k"), b("mine"));
                    return null;
                })).isInstanceOf(ConflictException.class).hasMessageContaining("gave up after 2 attempts");
            }
        }
    }

    @Test
    void serializableRejectsWriteSkewWhichSnapshotAllows() {
        for (IsolationLevel level : List.of(IsolationLevel.SNAPSHOT, IsolationLevel.SERIALIZABLE)) {
            try (LightningDb db = LightningDb.inMemory()) {
                db.put(b("alice"), b("on"));
                db.put(b("bob"), b("on"));
                Transaction t1 = db.begin(level);
                Transaction t2 = db.begin(level);
                // Each checks that the other is on call, then goes off call.
                assertThat(s(t1.get(b("bob")))).isEqualTo("on");
                assertThat(s(t2.get(b("alice")))).isEqualTo("on");
                t1.put(b("alice"), b("off"));
                t2.put(b("bob"), b("off"));
                t1.commit();
                if (level == IsolationLevel.SNAPSHOT) {
                    t2.commit(); // write skew: documented as allowed under SNAPSHOT
                    assertThat(s(db.get(b("alice"))) + s(db.get(b("bob")))).isEqualTo("offoff");
                } else {
                    assertThatThrownBy(t2::commit).isInstanceOf(ConflictException.class).hasMessageContaining("read of key");
                    assertThat(s(db.get(b("bob")))).isEqualTo("on");
                }
            }
        }
    }

    @Test
    void serializableValidatesScannedRangesAgainstPhantoms() {
        try (LightningDb db = LightningDb.inMemory()) {
            db.put(b("task/1"), b("open"));
            Transaction t = db.begin(IsolationLevel.SERIALIZABLE);
            assertThat(walk(t.scan(KeyRange.prefix(b("task/"))))).hasSize(1);
            db.put(b("task/2"), b("open")); // a phantom in the scanned range
            t.put(b("summary"), b("1 task"));
            assertThatThrownBy(t::commit).isInstanceOf(ConflictException.class).hasMessageContaining("scan of");
        }
    }

    @Test
    void statisticsShowOldSnapshotsAndTransactionsWhoseThreadDied() throws Exception {
        try (LightningDb db = LightningDb.inMemory()) {
            db.put(b("a"), b("1"));
            Thread t = new Thread(() -> db.begin(IsolationLevel.SNAPSHOT)); // never ended
            t.start();
            t.join();
            Thread.sleep(20);
            EngineStats st = db.stats();
            assertThat(st.get("txn.active")).isEqualTo(1);
            assertThat(st.get("txn.ownerThreadDead")).isEqualTo(1);
            assertThat(st.get("mvcc.snapshots")).isEqualTo(1);
            assertThat(st.get("mvcc.oldestSnapshotMillis")).isGreaterThanOrEqualTo(20);
            assertThat(st.get("txn.oldestMillis")).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void aReadOnlyTransactionNeverConflicts() {
        try (LightningDb db = LightningDb.inMemory()) {
            db.put(b("a"), b("1"));
            try (Transaction r = db.begin(IsolationLevel.SERIALIZABLE, true)) {
                assertThat(s(r.get(b("a")))).isEqualTo("1");
                db.put(b("a"), b("2"));
                assertThat(s(r.get(b("a")))).isEqualTo("1");
                r.commit();
            }
        }
    }
}
