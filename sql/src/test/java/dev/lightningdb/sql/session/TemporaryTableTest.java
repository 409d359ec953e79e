package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.UpdateCount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE TEMPORARY TABLE: one session's, transactional, gone with the session, never in the shared database. */
class TemporaryTableTest extends SqlTestSupport {
    private static long count(Session s, String sql) {
        try (QueryResult r = (QueryResult) s.execute(sql)) {
            r.next();
            return ((Number) r.row()[0]).longValue();
        }
    }

    @Test
    void everySpellingCreatesATemporaryTable() {
        update("CREATE TEMPORARY TABLE t1 (a INT PRIMARY KEY)");
        update("CREATE LOCAL TEMPORARY TABLE t2 (a INT PRIMARY KEY)");
        update("CREATE GLOBAL TEMPORARY TABLE t3 (a INT PRIMARY KEY) ON COMMIT PRESERVE ROWS");
        update("CREATE TEMP TABLE IF NOT EXISTS t4 (a INT PRIMARY KEY, b VARCHAR(5)) ON COMMIT DELETE ROWS");
        update("CREATE TEMP TABLE IF NOT EXISTS t4 (a INT PRIMARY KEY)");
        for (String t : List.of("t1", "t2", "t3", "t4")) {
            update("INSERT INTO " + t + " (a) VALUES (1)");
        }
        assertThat(single("SELECT COUNT(*) FROM t1")).isEqualTo(1L);
        assertThat(single("SELECT COUNT(*) FROM t4")).isEqualTo(0L); // auto-commit: each statement's commit empties it
        try (Session other = db.newSession()) {
            assertThat(other.catalog().table(new QualifiedName("PUBLIC", "T1"))).isNull();
            assertThat(other.catalog().table(new QualifiedName("PUBLIC", "T3"))).isNotNull(); // GLOBAL: a shared definition
            assertThat(count(other, "SELECT COUNT(*) FROM t3")).isZero(); // ... and rows of its own
            other.execute("INSERT INTO t3 VALUES (5), (6)");
            assertThat(count(other, "SELECT COUNT(*) FROM t3")).isEqualTo(2);
        }
        assertThat(rows("SELECT a FROM t3")).containsExactly(List.of(1));
        assertFails("42000", "CREATE TABLE p (a INT PRIMARY KEY) ON COMMIT DROP");
        assertFails("42000", "CREATE GLOBAL TEMPORARY TABLE p (a INT PRIMARY KEY) ON COMMIT DROP");
        assertFails("HYC00", "ALTER TABLE t3 ADD COLUMN b INT");
        assertFails("HYC00", "CREATE INDEX t3_a ON t3 (a)");
        update("DROP TABLE t3");
    }

    @Test
    void aGlobalTemporaryTableOutlivesTheDatabaseItsRowsDoNot(@TempDir Path dir) {
        try (LightningDb engine = LightningDb.open(dir)) {
            Database d = Database.open(engine);
            try (Session s = d.newSession()) {
                s.execute("CREATE GLOBAL TEMPORARY TABLE g (a INT PRIMARY KEY, b VARCHAR(5) UNIQUE) ON COMMIT DELETE ROWS");
                s.setAutoCommit(false);
                s.execute("INSERT INTO g VALUES (1, 'x')");
                assertThat(count(s, "SELECT COUNT(*) FROM g")).isEqualTo(1);
                s.commit();
                assertThat(count(s, "SELECT COUNT(*) FROM g")).isZero();
                s.execute("INSERT INTO g VALUES (2, 'y')");
                s.commit();
            }
        }
        try (LightningDb engine = LightningDb.open(dir)) {
            Database d = Database.open(engine);
            try (Session s = d.newSession()) {
                assertThat(count(s, "SELECT COUNT(*) FROM g")).isZero();
                s.execute("INSERT INTO g VALUES (3, 'z')");
                assertThat(count(s, "SELECT COUNT(*) FROM g WHERE b = 'z'")).isZero(); // auto-commit: deleted at commit
            }
            assertNoTemporaryKeys(engine);
        }
    }

    private static void assertNoTemporaryKeys(LightningDb engine) {
        try (Cursor c = engine.scan(KeyRange.all())) {
            while (c.next()) {
                assertThat(c.key()[0] & 0xFF).isLessThan(0x80);
            }
        }
    }

    @Test
    void twoSessionsHaveTheirOwnTableOfTheSameName() {
        update("CREATE TEMP TABLE t (a INT PRIMARY KEY, b VARCHAR(10))");
        update("INSERT INTO t VALUES (1, 'mine')");
        try (Session other = db.newSession()) {
            assertThatThrownBy(() -> other.execute("SELECT * FROM t")).hasFieldOrPropertyWithValue("sqlState", "42S02");
            other.execute("CREATE TEMP TABLE t (a INT PRIMARY KEY)");
            other.execute("INSERT INTO t VALUES (7), (8)");
            assertThat(count(other, "SELECT COUNT(*) FROM t")).isEqualTo(2);
            assertThat(rows("SELECT b FROM t")).containsExactly(List.of("mine"));
        }
    }

    @Test
    void rollbackUndoesRowsAndTheTableItself() {
        update("CREATE TEMP TABLE t (a INT PRIMARY KEY)");
        update("INSERT INTO t VALUES (1)");
        session.setAutoCommit(false);
        update("INSERT INTO t VALUES (2)");
        update("DELETE FROM t WHERE a = 1");
        Session.Savepoint s = session.savepoint();
        update("INSERT INTO t VALUES (3)");
        session.rollbackTo(s);
        assertThat(rows("SELECT a FROM t")).containsExactly(List.of(2));
        session.rollback();
        assertThat(rows("SELECT a FROM t")).containsExactly(List.of(1));
        update("CREATE TEMP TABLE u (a INT PRIMARY KEY)");
        update("INSERT INTO u VALUES (1)");
        session.rollback();
        assertFails("42S02", "SELECT * FROM u");
        update("CREATE TEMP TABLE u (a INT PRIMARY KEY)");
        session.commit();
        assertThat(single("SELECT COUNT(*) FROM u")).isEqualTo(0L);
    }

    @Test
    void onCommitDeleteRowsAndDropActAtCommit() {
        session.setAutoCommit(false);
        update("CREATE TEMP TABLE d (a INT PRIMARY KEY) ON COMMIT DELETE ROWS");
        update("CREATE TEMP TABLE x (a INT PRIMARY KEY) ON COMMIT DROP");
        update("INSERT INTO d VALUES (1), (2)");
        update("INSERT INTO x VALUES (1)");
        assertThat(single("SELECT COUNT(*) FROM d JOIN x ON d.a = x.a")).isEqualTo(1L);
        session.commit();
        assertThat(single("SELECT COUNT(*) FROM d")).isEqualTo(0L);
        assertFails("42S02", "SELECT * FROM x");
    }

    @Test
    void aNameTakenByAPermanentTableIsRefusedBothWays() {
        update("CREATE TABLE perm (a INT PRIMARY KEY)");
        assertFails("42S01", "CREATE TEMP TABLE perm (a INT PRIMARY KEY)");
        update("CREATE TEMP TABLE tmp (a INT PRIMARY KEY)");
        assertFails("42S01", "CREATE TABLE tmp (a INT PRIMARY KEY)");
        assertFails("HYC00", "CREATE TABLE child (a INT PRIMARY KEY REFERENCES tmp(a))");
        assertFails("HYC00", "CREATE TEMP TABLE child (a INT PRIMARY KEY REFERENCES perm(a))");
    }

    @Test
    void foreignKeysJoinTemporaryTablesOnlyToTemporaryTables() {
        update("CREATE TABLE perm (id INT PRIMARY KEY)");
        update("CREATE TEMP TABLE parent (id INT PRIMARY KEY)");
        update("CREATE TEMP TABLE child (id INT PRIMARY KEY, p INT REFERENCES parent (id) ON DELETE CASCADE, "
                + "up INT REFERENCES child (id) ON DELETE SET NULL)");
        update("INSERT INTO parent VALUES (1), (2)");
        update("INSERT INTO child VALUES (10, 1, NULL), (11, 2, 10)");
        assertFails("23503", "INSERT INTO child VALUES (12, 3, NULL)");
        update("DELETE FROM parent WHERE id = 1");
        assertThat(rows("SELECT id, p, up FROM child")).containsExactly(java.util.Arrays.asList(11, 2, null));
        update("CREATE GLOBAL TEMPORARY TABLE g (id INT PRIMARY KEY)");
        update("CREATE TEMP TABLE to_global (id INT PRIMARY KEY REFERENCES g (id))");
        assertFails("HYC00", "CREATE GLOBAL TEMPORARY TABLE g2 (id INT PRIMARY KEY REFERENCES parent (id))");
        assertFails("HYC00", "ALTER TABLE perm ADD COLUMN c INT REFERENCES parent (id)");
        assertFails("HYC00", "ALTER TABLE child ADD CONSTRAINT to_perm FOREIGN KEY (p) REFERENCES perm (id)");
    }

    @Test
    void joinsIndexesIdentityAndAlterWorkOnTemporaryTables() {
        update("CREATE TABLE emp (id INT PRIMARY KEY, dept VARCHAR(10))");
        update("INSERT INTO emp VALUES (1, 'a'), (2, 'b'), (3, 'a')");
        update("CREATE TEMP TABLE ids (n INT AUTO_INCREMENT PRIMARY KEY, id INT NOT NULL, tag VARCHAR(5) UNIQUE)");
        update("CREATE INDEX ids_id ON ids (id)");
        update("INSERT INTO ids (id, tag) SELECT id, dept || id FROM emp WHERE dept = 'a'");
        assertThat(rows("SELECT n, id FROM ids ORDER BY n")).containsExactly(List.of(1, 1), List.of(2, 3));
        assertThat(rows("SELECT e.id FROM emp e JOIN ids i ON e.id = i.id WHERE i.id = 3")).containsExactly(List.of(3));
        assertFails("23505", "INSERT INTO ids (id, tag) VALUES (9, 'a1')");
        update("ALTER TABLE ids ADD COLUMN extra INT DEFAULT 5");
        assertThat(((Number) single("SELECT SUM(extra) FROM ids")).longValue()).isEqualTo(10L);
        update("UPDATE emp SET dept = 'z' WHERE id IN (SELECT id FROM ids)");
        assertThat(rows("SELECT id FROM emp WHERE dept = 'z' ORDER BY id")).containsExactly(List.of(1), List.of(3));
        update("TRUNCATE TABLE ids");
        assertThat(single("SELECT COUNT(*) FROM ids")).isEqualTo(0L);
        update("DROP TABLE ids");
        assertFails("42S02", "SELECT * FROM ids");
    }

    @Test
    void manyRowsStayOutOfTheSharedDatabase() {
        update("CREATE TEMP TABLE big (id INT PRIMARY KEY, pad VARCHAR(200))");
        long commits = db.engine().stats().get("txn.commits");
        for (int i = 0; i < 2_000; i++) { // auto-commit: each a commit, none of them through the shared commit pipeline and WAL
            session.execute("INSERT INTO big VALUES (?, ?)", i, "x".repeat(200));
        }
        session.setAutoCommit(false);
        for (int i = 2_000; i < 20_000; i++) {
            session.execute("INSERT INTO big VALUES (?, ?)", i, "x".repeat(200));
        }
        session.commit();
        assertThat(db.engine().stats().get("txn.commits")).isEqualTo(commits);
        assertThat(single("SELECT COUNT(*) FROM big")).isEqualTo(20_000L);
        assertThat(single("SELECT MAX(id) FROM big WHERE id BETWEEN 100 AND 200")).isEqualTo(200);
        List<byte[]> shared = new ArrayList<>();
        try (Cursor c = db.engine().scan(KeyRange.atLeast(new byte[] {(byte) 0x80}))) {
            while (c.next()) {
                shared.add(c.key());
            }
        }
        assertThat(shared).isEmpty();
    }

    @Test
    void closingTheSessionOrReopeningTheDatabaseLeavesNothing(@TempDir Path dir) {
        try (LightningDb engine = LightningDb.open(dir)) {
            Database d = Database.open(engine);
            Session s = d.newSession();
            s.execute("CREATE TEMP TABLE t (a INT PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1)");
            s.close();
            try (Session again = d.newSession()) {
                again.execute("CREATE TEMP TABLE t (a INT PRIMARY KEY)");
                assertThat(count(again, "SELECT COUNT(*) FROM t")).isZero();
                assertThat(((UpdateCount) again.execute("INSERT INTO t VALUES (2)")).count()).isEqualTo(1);
            } // left open in the database: as if it crashed with the session
        }
        try (LightningDb engine = LightningDb.open(dir)) {
            Database d = Database.open(engine);
            try (Session s = d.newSession()) {
                assertThat(s.catalog().tables()).isEmpty();
            }
            assertNoTemporaryKeys(engine);
        }
    }
}
