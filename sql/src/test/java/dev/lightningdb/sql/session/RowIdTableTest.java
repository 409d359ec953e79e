package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.ResultColumn;
import dev.lightningdb.sql.result.SchemaMetadata;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables declared without a primary key: rows keyed by a hidden {@code _ROWID_}. */
class RowIdTableTest extends SqlTestSupport {
    private List<String> labels(String sql) {
        try (QueryResult r = (QueryResult) session.execute(sql)) {
            return r.columns().stream().map(ResultColumn::label).toList();
        }
    }

    @Test
    void rowsWithoutAKeyAreStoredEvenWhenEqualAndStarLeavesTheIdOut() {
        update("CREATE TABLE nopk (a INT, b VARCHAR(10))");
        assertThat(update("INSERT INTO nopk VALUES (1, 'x'), (1, 'x'), (2, NULL)")).isEqualTo(3);
        assertThat(labels("SELECT * FROM nopk")).containsExactly("A", "B");
        assertThat(labels("SELECT n.* FROM nopk n")).containsExactly("A", "B");
        assertThat(rows("SELECT * FROM nopk ORDER BY a, b")).containsExactly(List.of(1, "x"), List.of(1, "x"), java.util.Arrays.asList(2, null));
        assertThat(rows("SELECT _ROWID_, a FROM nopk ORDER BY _ROWID_")).containsExactly(List.of(1L, 1), List.of(2L, 1), List.of(3L, 2));
        assertThat(single("SELECT COUNT(*) FROM nopk WHERE a = 1")).isEqualTo(2L);
        // a derived table's column of that name is an ordinary column
        assertThat(labels("SELECT * FROM (SELECT _ROWID_, a FROM nopk) d")).containsExactly("_ROWID_", "A");
        assertThat(labels("SELECT * FROM nopk x JOIN nopk y ON x._ROWID_ = y._ROWID_")).containsExactly("A", "B", "A0", "B0");
    }

    @Test
    void theIdAddressesOneRowAndIsStable() {
        update("CREATE TABLE log (msg VARCHAR(20))");
        update("INSERT INTO log VALUES ('a'), ('b'), ('c')");
        assertThat(rows("SELECT * FROM log WHERE _ROWID_ = ?", 2L)).containsExactly(List.of("b"));
        assertThat(rows("EXPLAIN SELECT * FROM log WHERE _ROWID_ = 2").toString()).contains("primary key lookup");
        assertThat(rows("EXPLAIN SELECT * FROM log WHERE _ROWID_ BETWEEN 2 AND 3").toString()).contains("primary key range");
        assertThat(rows("SELECT msg FROM log WHERE _ROWID_ >= 2 ORDER BY _ROWID_")).containsExactly(List.of("b"), List.of("c"));
        assertThat(rows("SELECT msg, _ROWID_ FROM log WHERE _ROWID_ = 3")).containsExactly(List.of("c", 3L));
        assertThat(update("UPDATE log SET msg = 'B' WHERE _ROWID_ = ?", 2L)).isEqualTo(1);
        assertThat(update("UPDATE log SET msg = 'A' WHERE msg = 'a'")).isEqualTo(1);
        assertThat(rows("SELECT _ROWID_, msg FROM log ORDER BY 1")).containsExactly(List.of(1L, "A"), List.of(2L, "B"), List.of(3L, "c"));
        assertThat(update("DELETE FROM log WHERE _ROWID_ = 1")).isEqualTo(1);
        assertThat(update("DELETE FROM log WHERE msg = 'c'")).isEqualTo(1);
        update("INSERT INTO log VALUES ('d')");
        assertThat(rows("SELECT _ROWID_, msg FROM log ORDER BY 1")).containsExactly(List.of(2L, "B"), List.of(4L, "d"));
        update("TRUNCATE TABLE log");
        update("INSERT INTO log VALUES ('e')");
        assertThat(single("SELECT _ROWID_ FROM log")).isEqualTo(5L); // ids are never handed out twice
    }

    @Test
    void indexesUniqueConstraintsAndInsertSelectWork() {
        update("CREATE TABLE link (a INT NOT NULL, b INT NOT NULL, UNIQUE (a, b))");
        update("CREATE INDEX link_b ON link (b)");
        update("INSERT INTO link VALUES (1, 10), (1, 20), (2, 10)");
        assertFails("23505", "INSERT INTO link VALUES (1, 20)");
        assertFails("23502", "INSERT INTO link (a) VALUES (3)");
        assertThat(rows("SELECT a FROM link WHERE b = 10 ORDER BY a")).containsExactly(List.of(1), List.of(2));
        assertFails("23505", "UPDATE link SET b = 20 WHERE a = 1 AND b = 10");
        update("UPDATE link SET b = 30 WHERE b = 10");
        assertThat(rows("SELECT a, b FROM link WHERE b = 30 ORDER BY a")).containsExactly(List.of(1, 30), List.of(2, 30));
        update("CREATE TABLE copy (a INT, b INT)");
        assertThat(update("INSERT INTO copy SELECT * FROM link")).isEqualTo(3);
        assertThat(update("INSERT INTO copy (b) SELECT b FROM link WHERE a = 2")).isEqualTo(1);
        assertThat(single("SELECT COUNT(*) FROM copy")).isEqualTo(4L);
        assertThat(rows("VERIFY INTEGRITY")).containsExactly(List.of("OK"));
        update("DELETE FROM link WHERE b = 30");
        assertThat(rows("SELECT a, b FROM link")).containsExactly(List.of(1, 20));
        assertThat(rows("VERIFY INTEGRITY")).containsExactly(List.of("OK"));
    }

    @Test
    void onConflictTargetsTheUniqueConstraintsOfAKeylessTable() {
        update("CREATE TABLE tag (item INT NOT NULL, name VARCHAR(9) NOT NULL, hits INT, UNIQUE (item, name))");
        update("CREATE TABLE plain (a INT)");
        update("INSERT INTO tag VALUES (1, 'red', 1)");
        assertThat(update("INSERT INTO tag VALUES (1, 'red', 5), (2, 'red', 1), (2, 'red', 7) ON CONFLICT DO NOTHING")).isEqualTo(1);
        assertThat(update("INSERT INTO tag VALUES (1, 'red', 5) ON CONFLICT (item, name) DO UPDATE SET hits = EXCLUDED.hits")).isEqualTo(1);
        assertThat(rows("SELECT _ROWID_, item, name, hits FROM tag ORDER BY _ROWID_"))
                .containsExactly(List.of(1L, 1, "red", 5), List.of(3L, 2, "red", 1));
        assertFails("23505", "INSERT INTO tag VALUES (3, 'x', 1), (3, 'x', 2) ON CONFLICT DO UPDATE SET hits = 0");
        assertFails("23505", "INSERT INTO tag VALUES (2, 'red', 9)");
        // without a unique constraint nothing can conflict
        assertThat(update("INSERT INTO plain VALUES (1), (1) ON CONFLICT DO NOTHING")).isEqualTo(2);
        assertThat(rows("VERIFY INTEGRITY")).containsExactly(List.of("OK"));
    }

    @Test
    void columnsCanBeAddedRenamedAndDropped() {
        update("CREATE TABLE t (a INT, b VARCHAR(5))");
        update("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
        update("ALTER TABLE t ADD COLUMN c INT DEFAULT 7 NOT NULL");
        assertThat(rows("SELECT * FROM t ORDER BY a")).containsExactly(List.of(1, "x", 7), List.of(2, "y", 7));
        update("ALTER TABLE t DROP COLUMN b");
        update("ALTER TABLE t RENAME COLUMN c TO d");
        update("ALTER TABLE t ALTER COLUMN d SET DATA TYPE BIGINT");
        update("INSERT INTO t VALUES (3, 9)");
        assertThat(rows("SELECT _ROWID_, a, d FROM t ORDER BY a"))
                .containsExactly(List.of(1L, 1, 7L), List.of(2L, 2, 7L), List.of(3L, 3, 9L));
        update("ALTER TABLE t DROP COLUMN a");
        assertFails("42000", "ALTER TABLE t DROP COLUMN d").hasMessageContaining("only column");
        assertThat(rows("SELECT * FROM t WHERE _ROWID_ = 3")).containsExactly(List.of(9L));
    }

    @Test
    void theIdCannotBeWrittenOrRedeclared() {
        update("CREATE TABLE t (a INT)");
        update("INSERT INTO t VALUES (1)");
        assertFails("428C9", "INSERT INTO t (_ROWID_, a) VALUES (5, 1)");
        assertFails("428C9", "UPDATE t SET _ROWID_ = 9");
        assertFails("428C9", "ALTER TABLE t DROP COLUMN _ROWID_");
        assertFails("428C9", "ALTER TABLE t RENAME COLUMN _ROWID_ TO r");
        assertFails("428C9", "ALTER TABLE t ALTER COLUMN _ROWID_ SET DATA TYPE INT");
        assertFails("42S21", "CREATE TABLE u (_ROWID_ INT, a INT)");
        assertFails("42S21", "CREATE TABLE u (\"_ROWID_\" BIGINT PRIMARY KEY)");
        assertFails("42S21", "ALTER TABLE t ADD COLUMN _ROWID_ INT");
        assertFails("42S21", "ALTER TABLE t RENAME COLUMN a TO _ROWID_");
        assertFails("42000", "ALTER TABLE t DROP COLUMN a").hasMessageContaining("only column");
        assertFails("42S22", "SELECT _ROWID_ FROM (SELECT a FROM t) d");
        assertThat(rows("SELECT _ROWID_, a FROM t")).containsExactly(List.of(1L, 1));
    }

    @Test
    void addPrimaryKeyTurnsTheTableIntoAKeyedOne() {
        update("CREATE TABLE t (a INT, b VARCHAR(5), c INT, UNIQUE (c))");
        update("CREATE INDEX t_b ON t (b)");
        update("INSERT INTO t VALUES (1, 'x', 10), (2, 'y', 20), (NULL, 'z', 30)");
        assertFails("23502", "ALTER TABLE t ADD PRIMARY KEY (a)");
        update("UPDATE t SET a = 1 WHERE b = 'z'");
        assertFails("23505", "ALTER TABLE t ADD PRIMARY KEY (a)");
        assertThat(rows("SELECT _ROWID_, a FROM t ORDER BY _ROWID_")).containsExactly(List.of(1L, 1), List.of(2L, 2), List.of(3L, 1));
        assertFails("42S22", "ALTER TABLE t ADD PRIMARY KEY (nope)");
        assertFails("428C9", "ALTER TABLE t ADD PRIMARY KEY (_ROWID_)");
        update("ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY (a, b)");
        assertFails("42S22", "SELECT _ROWID_ FROM t");
        assertThat(rows("SELECT * FROM t WHERE a = 1 AND b = 'z'")).containsExactly(List.of(1, "z", 30));
        assertThat(rows("SELECT a FROM t WHERE b = 'y'")).containsExactly(List.of(2));
        assertFails("23505", "INSERT INTO t VALUES (2, 'y', 99)");
        assertFails("23505", "INSERT INTO t VALUES (3, 'y', 20)");
        assertFails("23502", "INSERT INTO t (b) VALUES ('q')");
        assertFails("42P16", "ALTER TABLE t ADD PRIMARY KEY (c)");
        SchemaMetadata.Table meta = db.metadata().tables().stream().filter(x -> x.name().equals("T")).findFirst().orElseThrow();
        assertThat(meta.primaryKey()).containsExactly("A", "B");
        assertThat(meta.columns()).extracting(SchemaMetadata.Column::nullable).containsExactly(false, false, true);
        assertThat(rows("VERIFY INTEGRITY")).containsExactly(List.of("OK"));
    }

    @Test
    void addPrimaryKeyIsUndoneByRollback() {
        update("CREATE TABLE t (a INT)");
        update("INSERT INTO t VALUES (1), (2)");
        session.setAutoCommit(false);
        update("ALTER TABLE t ADD PRIMARY KEY (a)");
        assertThat(rows("SELECT * FROM t WHERE a = 2")).containsExactly(List.of(2));
        session.rollback();
        session.setAutoCommit(true);
        update("INSERT INTO t VALUES (2)"); // a duplicate again
        assertThat(rows("SELECT a FROM t ORDER BY _ROWID_")).containsExactly(List.of(1), List.of(2), List.of(2));
        assertThat((Long) single("SELECT MAX(_ROWID_) FROM t")).isGreaterThan(2L); // after the rollback, a fresh block
    }

    @Test
    void foreignKeysReferenceAKeylessTablesUniqueColumnsOnly() {
        update("CREATE TABLE code (c VARCHAR(3) NOT NULL UNIQUE, label VARCHAR(9))");
        update("INSERT INTO code VALUES ('a', 'A'), ('b', 'B')");
        assertFails("42830", "CREATE TABLE bad (c BIGINT REFERENCES code)");
        assertFails("42830", "CREATE TABLE bad (c BIGINT REFERENCES code (_ROWID_))");
        update("CREATE TABLE use (c VARCHAR(3) REFERENCES code (c) ON DELETE CASCADE, n INT)"); // a keyless child too
        update("INSERT INTO use VALUES ('a', 1), ('a', 1), ('b', 2)");
        assertFails("23503", "INSERT INTO use VALUES ('z', 3)");
        assertThat(update("DELETE FROM code WHERE c = 'a'")).isEqualTo(1);
        assertThat(rows("SELECT * FROM use")).containsExactly(List.of("b", 2));
    }

    @Test
    void temporaryTablesWithoutAKeyCountTheirIdsInMemory() {
        update("CREATE LOCAL TEMPORARY TABLE scratch (a INT)");
        update("INSERT INTO scratch VALUES (1), (1), (2)");
        assertThat(rows("SELECT _ROWID_, a FROM scratch ORDER BY _ROWID_")).containsExactly(List.of(1L, 1), List.of(2L, 1), List.of(3L, 2));
        assertThat(rows("SELECT * FROM scratch WHERE _ROWID_ = 2")).containsExactly(List.of(1));
        update("DROP TABLE scratch");
    }

    @Test
    void metadataReportsNoPrimaryKeyAndNoHiddenColumn() {
        update("CREATE TABLE t (a INT, b VARCHAR(5))");
        SchemaMetadata.Table t = db.metadata().tables().stream().filter(x -> x.name().equals("T")).findFirst().orElseThrow();
        assertThat(t.primaryKey()).isEmpty();
        assertThat(t.columns()).extracting(SchemaMetadata.Column::name).containsExactly("A", "B");
        assertThat(t.columns()).extracting(SchemaMetadata.Column::ordinal).containsExactly(1, 2);
    }

    @Test
    void idsContinueAfterReopeningAndDropRemovesTheCounter(@TempDir Path dir) {
        long before;
        try (Database d = Database.open(LightningDb.open(dir.resolve("db"))); Session s = d.newSession()) {
            s.execute("CREATE TABLE t (a INT)");
            s.execute("INSERT INTO t VALUES (1), (2)");
            try (QueryResult r = (QueryResult) s.execute("SELECT MAX(_ROWID_) FROM t")) {
                r.next();
                before = (Long) r.get(0);
            }
        }
        try (Database d = Database.open(LightningDb.open(dir.resolve("db"))); Session s = d.newSession()) {
            s.execute("INSERT INTO t VALUES (3)");
            try (QueryResult r = (QueryResult) s.execute("SELECT _ROWID_, a FROM t ORDER BY a")) {
                long[] ids = new long[3];
                for (int i = 0; i < 3; i++) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.get(1)).isEqualTo(i + 1);
                    ids[i] = (Long) r.get(0);
                }
                assertThat(ids[0]).isLessThan(ids[1]);
                assertThat(ids[1]).isEqualTo(before);
                assertThat(ids[2]).isGreaterThan(before);
            }
            s.execute("DROP TABLE t");
            s.execute("CREATE TABLE t (a INT)");
            s.execute("INSERT INTO t VALUES (4)");
            try (QueryResult r = (QueryResult) s.execute("SELECT _ROWID_ FROM t")) {
                assertThat(r.next()).isTrue();
                assertThat(r.get(0)).isEqualTo(1L); // a new table, a new counter
            }
        }
    }

    @Test
    void informationSchemaShowsNeitherTheIdNorAPrimaryKey() {
        update("CREATE TABLE nopk (a INT, b VARCHAR(10))");
        assertThat(rows("SELECT COLUMN_NAME, ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'NOPK'"
                + " ORDER BY ORDINAL_POSITION")).containsExactly(List.of("A", 1), List.of("B", 2));
        assertThat(rows("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_NAME = 'NOPK'")).containsExactly(List.of(0L));
        assertThat(rows("SELECT COUNT(*) FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE TABLE_NAME = 'NOPK'")).containsExactly(List.of(0L));
    }
}
