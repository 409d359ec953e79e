package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Transaction#attachLocal}: keys from a first byte on live in another database and end with the transaction. */
class LocalKeysTest {
    private static final int LOCAL = 0x80;

    private static byte[] local(int n) {
        return new byte[] {(byte) 0x81, (byte) n};
    }

    private static byte[] shared(int n) {
        return new byte[] {0x01, (byte) n};
    }

    private static List<Integer> seconds(Cursor c) {
        List<Integer> out = new ArrayList<>();
        try (c) {
            while (c.next()) {
                out.add((int) c.key()[1]);
            }
        }
        return out;
    }

    @Test
    void localKeysGoToTheOtherDatabaseAndCommitWithTheTransaction(@TempDir Path dir) {
        try (LightningDb db = LightningDb.open(dir); LightningDb mem = LightningDb.inMemory()) {
            try (Transaction t = db.begin()) {
                t.attachLocal(LOCAL, mem.begin());
                t.put(local(1), new byte[] {1});
                t.put(local(2), new byte[] {2});
                t.put(shared(1), new byte[] {3});
                assertThat(t.get(local(1))).containsExactly(1);
                assertThat(seconds(t.scan(KeyRange.prefix(new byte[] {(byte) 0x81})))).containsExactly(1, 2);
                assertThat(t.writeCount()).isEqualTo(3);
                t.commit();
            }
            assertThat(mem.get(local(1))).containsExactly(1);
            assertThat(db.get(local(1))).isNull(); // never written to the shared database
            assertThat(db.get(shared(1))).containsExactly(3);
            assertThat(mem.get(shared(1))).isNull();
        }
    }

    @Test
    void rollbackAndSavepointsCoverTheLocalKeys() {
        try (LightningDb db = LightningDb.inMemory(); LightningDb mem = LightningDb.inMemory()) {
            try (Transaction t = db.begin()) {
                t.attachLocal(LOCAL, mem.begin());
                t.put(local(1), new byte[] {1});
                Transaction.Savepoint s = t.savepoint();
                t.put(local(2), new byte[] {2});
                t.delete(local(1));
                t.rollbackTo(s);
                assertThat(t.get(local(1))).containsExactly(1);
                assertThat(t.get(local(2))).isNull();
                t.rollback();
            }
            assertThat(mem.get(local(1))).isNull();
        }
    }

    @Test
    void aCoveredWriteUnderASharedLockTakesItsTwinLocally() {
        try (LightningDb db = LightningDb.inMemory(); LightningDb mem = LightningDb.inMemory()) {
            try (Transaction t = db.begin()) {
                t.attachLocal(LOCAL, mem.begin());
                t.lock(shared(9), LockMode.EXCLUSIVE, LockWait.WAIT);
                t.putCovered(shared(9), local(3), new byte[] {3});
                t.commit();
            }
            assertThat(mem.get(local(3))).containsExactly(3);
        }
    }

    @Test
    void aFailedCommitRollsTheLocalKeysBack() {
        try (LightningDb db = LightningDb.inMemory(); LightningDb mem = LightningDb.inMemory()) {
            Transaction t = db.begin();
            t.attachLocal(LOCAL, mem.begin());
            t.put(local(1), new byte[] {1});
            db.close(); // the shared commit fails
            assertThatThrownBy(t::commit).isInstanceOf(LightningDbException.class);
            assertThat(mem.get(local(1))).isNull();
        }
    }

    @Test
    void attachingTwiceOrToTheSameDatabaseIsRefused() {
        try (LightningDb db = LightningDb.inMemory(); LightningDb mem = LightningDb.inMemory()) {
            try (Transaction t = db.begin()) {
                assertThatThrownBy(() -> t.attachLocal(LOCAL, db.begin())).isInstanceOf(LightningDbException.class);
                t.attachLocal(LOCAL, mem.begin());
                assertThatThrownBy(() -> t.attachLocal(LOCAL, mem.begin())).isInstanceOf(LightningDbException.class);
            }
        }
    }
}
