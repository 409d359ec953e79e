package dev.lightningdb.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public API's contract, independent of the store behind it. */
class TransactionApiTest {
    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static List<String> keys(Cursor c) {
        List<String> out = new ArrayList<>();
        try (c) {
            while (c.next()) {
                out.add(new String(c.key(), UTF_8) + "=" + new String(c.value(), UTF_8));
            }
        }
        return out;
    }

    @Test
    void autocommitOperationsAndRanges() {
        try (LightningDb db = LightningDb.inMemory()) {
            for (String k : List.of("b", "a", "d", "c")) {
                db.put(b(k), b(k.toUpperCase()));
            }
            assertThat(new String(db.get(b("c")), UTF_8)).isEqualTo("C");
            db.delete(b("c"));
            db.delete(b("never-there"));
            assertThat(db.get(b("c"))).isNull();
            assertThat(keys(db.scan(KeyRange.all()))).containsExactly("a=A", "b=B", "d=D");
            assertThat(keys(db.scan(KeyRange.between(b("b"), b("d"))))).containsExactly("b=B");
            assertThat(keys(db.scan(KeyRange.all(), true))).containsExactly("d=D", "b=B", "a=A");
            assertThat(keys(db.scan(KeyRange.between(b("z"), b("a"))))).isEmpty();
        }
    }

    @Test
    void aTransactionSeesItsOwnWritesMergedInBothDirectionsAndOthersDoNot() {
        try (LightningDb db = LightningDb.inMemory()) {
            db.put(b("a"), b("1"));
            db.put(b("c"), b("3"));
            db.put(b("e"), b("5"));
            try (Transaction t = db.begin()) {
                t.put(b("b"), b("2"));
                t.delete(b("c"));
                t.put(b("e"), b("55"));
                t.put(b("f"), b("6"));
                assertThat(keys(t.scan(KeyRange.all()))).containsExactly("a=1", "b=2", "e=55", "f=6");
                assertThat(keys(t.scan(KeyRange.all(), true))).containsExactly("f=6", "e=55", "b=2", "a=1");
                assertThat(keys(t.scan(KeyRange.of(b("b"), false, b("e"), true)))).containsExactly("e=55");
                assertThat(t.get(b("c"))).isNull();
                assertThat(db.get(b("b"))).isNull(); // not visible outside before commit
                t.commit();
            }
            assertThat(keys(db.scan(KeyRange.all()))).containsExactly("a=1", "b=2", "e=55", "f=6");
        }
    }

    @Test
    void rollbackAndCloseDiscardEverything() {
        try (LightningDb db = LightningDb.inMemory()) {
            try (Transaction t = db.begin()) {
                t.put(b("x"), b("1"));
            } // close without commit = rollback
            Transaction t = db.begin();
            t.put(b("y"), b("2"));
            t.rollback();
            t.rollback(); // twice is harmless
            assertThat(keys(db.scan(KeyRange.all()))).isEmpty();
            assertThatThrownBy(() -> t.put(b("z"), b("3"))).isInstanceOf(LightningDbException.class)
                    .extracting(e -> ((LightningDbException) e).code()).isEqualTo(ErrorCode.CLOSED);
            assertThat(db.stats().get("txn.active")).isZero();
        }
    }

    @Test
    void maxActiveTransactionsIsEnforcedWithAClearError() {
        try (LightningDb db = LightningDb.inMemory(LightningDbConfig.builder().maxActiveTransactions(2).build())) {
            Transaction a = db.begin();
            Transaction b = db.begin();
            assertThatThrownBy(db::begin).isInstanceOf(LightningDbException.class)
                    .hasMessageContaining("maxActiveTransactions")
                    .extracting(e -> ((LightningDbException) e).code()).isEqualTo(ErrorCode.TOO_MANY_TRANSACTIONS);
            a.rollback();
            db.begin().rollback();
            b.commit();
        }
    }

    @Test
    void badArgumentsAreTypedErrors() {
        try (LightningDb db = LightningDb.inMemory()) {
            assertThatThrownBy(() -> db.put(null, b("v"))).isInstanceOf(LightningDbException.class);
            assertThatThrownBy(() -> db.put(new byte[0], b("v"))).isInstanceOf(LightningDbException.class);
            assertThatThrownBy(() -> db.put(b("k"), null)).isInstanceOf(LightningDbException.class);
            assertThatThrownBy(() -> db.put(new byte[1025], b("v"))).isInstanceOf(LightningDbException.class)
                    .extracting(e -> ((LightningDbException) e).code()).isEqualTo(ErrorCode.KEY_TOO_LARGE);
            assertThatThrownBy(() -> db.get(null)).isInstanceOf(LightningDbException.class);
            assertThatThrownBy(() -> db.scan(null)).isInstanceOf(LightningDbException.class);
            assertThatThrownBy(() -> db.begin(null)).isInstanceOf(LightningDbException.class);
            assertThatThrownBy(() -> LightningDb.open(null, LightningDbConfig.defaults())).isInstanceOf(LightningDbException.class);
        }
    }

    @Test
    void closedDatabaseRefusesWork() {
        LightningDb db = LightningDb.inMemory();
        db.close();
        db.close();
        assertThatThrownBy(() -> db.get(b("a"))).isInstanceOf(LightningDbException.class).hasMessageContaining("closed");
        assertThatThrownBy(db::begin).isInstanceOf(LightningDbException.class);
    }

    @Test
    void aDirectoryKeepsItsDataAcrossCloseAndIsLockedWhileOpen(@TempDir Path dir) {
        Path path = dir.resolve("db");
        try (LightningDb db = LightningDb.open(path)) {
            db.put(b("k"), b("v"));
            assertThatThrownBy(() -> LightningDb.open(path)).isInstanceOf(LightningDbException.class)
                    .extracting(e -> ((LightningDbException) e).code()).isEqualTo(ErrorCode.CANNOT_OPEN);
        }
        try (LightningDb db = LightningDb.open(path)) {
            assertThat(new String(db.get(b("k")), UTF_8)).isEqualTo("v");
            assertThat(db.verifyIntegrity().isClean()).isTrue();
        }
        assertThatThrownBy(() -> LightningDb.open(dir.resolve("missing"), LightningDbConfig.builder().createIfMissing(false).build()))
                .isInstanceOf(LightningDbException.class).hasMessageContaining("does not exist");
    }

    @Test
    void inTransactionRetriesConflictsAndReportsAttempts() {
        try (LightningDb db = LightningDb.inMemory(LightningDbConfig.builder().transactionRetryLimit(3).build())) {
            int[] attempts = {0};
            String result = db.inTransaction(t -> {
                if (++attempts[0] < 3) {
                    throw new ConflictException("simulated conflict " + attempts[0]);
                }
                t.put(b("k"), b("done"));
                return "ok";
            });
            assertThat(result).isEqualTo("ok");
            assertThat(attempts[0]).isEqualTo(3);
            assertThat(new String(db.get(b("k")), UTF_8)).isEqualTo("done");
            assertThatThrownBy(() -> db.inTransaction(t -> {
                throw new ConflictException("always");
            })).isInstanceOf(ConflictException.class).hasMessageContaining("gave up after 3 attempts");
        }
    }

    @Test
    void rollingBackToASavepointDropsOnlyTheLaterWrites() {
        try (LightningDb db = LightningDb.inMemory()) {
            db.put(b("a"), b("1"));
            try (Transaction t = db.begin()) {
                t.put(b("b"), b("2"));
                Transaction.Savepoint sp = t.savepoint();
                t.put(b("c"), b("3"));
                t.delete(b("a"));
                t.put(b("b"), b("22"));
                t.rollbackTo(sp);
                assertThat(keys(t.scan(KeyRange.all()))).containsExactly("a=1", "b=2");
                t.put(b("d"), b("4"));
                t.rollbackTo(sp); // still valid after a first use
                assertThat(t.get(b("d"))).isNull();
                t.commit();
            }
            assertThat(keys(db.scan(KeyRange.all()))).containsExactly("a=1", "b=2");
            try (Transaction t1 = db.begin(); Transaction t2 = db.begin()) {
                Transaction.Savepoint foreign = t1.savepoint();
                assertThatThrownBy(() -> t2.rollbackTo(foreign)).isInstanceOf(LightningDbException.class)
                        .hasMessageContaining("does not belong");
                assertThatThrownBy(() -> t2.rollbackTo(null)).isInstanceOf(LightningDbException.class);
            }
        }
    }
}
