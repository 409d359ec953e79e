package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import dev.lightningdb.sql.result.SchemaMetadata.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ALTER TABLE t ALTER COLUMN c ...}: type, NOT NULL, DEFAULT, rename; data converted or left as it was. */
class AlterColumnTest extends SqlTestSupport {
    private Column column(String table, String column) {
        return db.metadata().tables().stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().column(column);
    }

    @Test
    void wideningKeepsEveryValueAndAllowsLongerOnes() {
        update("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(3), n SMALLINT)");
        update("INSERT INTO t VALUES (1, 'abc', 7), (2, NULL, NULL)");
        update("ALTER TABLE t ALTER COLUMN name SET DATA TYPE VARCHAR(10)");
        update("ALTER TABLE t ALTER COLUMN n TYPE BIGINT");
        assertThat(column("T", "NAME").type()).isEqualTo(ColumnType.sized(Kind.VARCHAR, 10));
        assertThat(column("T", "N").type()).isEqualTo(ColumnType.of(Kind.BIGINT));
        update("INSERT INTO t VALUES (3, 'abcdefghij', 9000000000)");
        assertThat(rows("SELECT id, name, n FROM t ORDER BY id"))
                .containsExactly(List.of(1, "abc", 7L), java.util.Arrays.asList(2, null, null), List.of(3, "abcdefghij", 9000000000L));
    }

    @Test
    void changingTheTypeConvertsEachValueOrChangesNothing() {
        update("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10), n INT)");
        update("INSERT INTO t VALUES (1, '12', 300), (2, 'abc', 5)");
        assertFails("22018", "ALTER TABLE t ALTER COLUMN v SET DATA TYPE INT").hasMessageContaining("V");
        assertFails("22001", "ALTER TABLE t ALTER COLUMN v VARCHAR(2)");
        assertFails("22003", "ALTER TABLE t ALTER COLUMN n TYPE TINYINT");
        assertThat(column("T", "V").type()).isEqualTo(ColumnType.sized(Kind.VARCHAR, 10));
        assertThat(rows("SELECT v, n FROM t ORDER BY id")).containsExactly(List.of("12", 300), List.of("abc", 5));

        update("DELETE FROM t WHERE id = 2");
        update("ALTER TABLE t ALTER COLUMN v SET DATA TYPE INT");
        update("ALTER TABLE t MODIFY COLUMN n DECIMAL(6, 2)");
        assertThat(rows("SELECT v + 1, n FROM t")).containsExactly(List.of(13, new java.math.BigDecimal("300.00")));
    }

    @Test
    void aKeyOrIndexedColumnIsConvertedWithItsKeysAndIndexes() {
        update("CREATE TABLE k (id SMALLINT PRIMARY KEY, code VARCHAR(5), city VARCHAR(10))");
        update("CREATE UNIQUE INDEX k_code ON k (code)");
        update("CREATE INDEX k_city ON k (city)");
        update("INSERT INTO k VALUES (1, '10', 'Rome'), (2, '20', 'Oslo'), (3, NULL, 'Rome')");
        update("ALTER TABLE k ALTER COLUMN id SET DATA TYPE BIGINT");
        update("ALTER TABLE k ALTER COLUMN code SET DATA TYPE INT");
        assertThat(rows("SELECT id FROM k WHERE id = 2")).containsExactly(List.of(2L));
        assertThat(rows("SELECT id FROM k WHERE code = 20")).containsExactly(List.of(2L));
        assertThat(rows("SELECT id FROM k WHERE city = 'Rome' ORDER BY id")).containsExactly(List.of(1L), List.of(3L));
        assertFails("23505", "INSERT INTO k VALUES (4, 10, 'Lima')");
        assertThat(rows("VERIFY INTEGRITY")).containsExactly(List.of("OK"));

        update("CREATE TABLE d (x DOUBLE PRIMARY KEY, u VARCHAR(4) UNIQUE)");
        update("INSERT INTO d VALUES (1.1, '1'), (1.2, '01')");
        assertFails("23505", "ALTER TABLE d ALTER COLUMN x SET DATA TYPE INT"); // 1.1 and 1.2 both become 1
        assertFails("23505", "ALTER TABLE d ALTER COLUMN u SET DATA TYPE INT"); // '1' and '01' both become 1
        assertThat(rows("SELECT x, u FROM d ORDER BY x")).containsExactly(List.of(1.1, "1"), List.of(1.2, "01"));
        assertThat(rows("VERIFY INTEGRITY")).containsExactly(List.of("OK"));
        assertFails("42000", "ALTER TABLE d ALTER COLUMN x SET DATA TYPE DECIMAL(5, 2)"); // not a key type
    }

    @Test
    void notNullIsSetOnlyWhenNoRowHoldsNullAndNeverDroppedFromTheKey() {
        update("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        update("INSERT INTO t VALUES (1, 1), (2, NULL)");
        assertFails("23502", "ALTER TABLE t ALTER COLUMN v SET NOT NULL").hasMessageContaining("V");
        assertThat(column("T", "V").nullable()).isTrue();
        update("UPDATE t SET v = 0 WHERE v IS NULL");
        update("ALTER TABLE t ALTER COLUMN v SET NOT NULL");
        assertThat(column("T", "V").nullable()).isFalse();
        assertFails("23502", "INSERT INTO t VALUES (3, NULL)");
        update("ALTER TABLE t ALTER COLUMN v NULL"); // Derby's forms, which Liquibase sends to Derby
        assertThat(column("T", "V").nullable()).isTrue();
        update("ALTER TABLE t ALTER COLUMN v NOT NULL");
        assertThat(column("T", "V").nullable()).isFalse();
        update("ALTER TABLE t ALTER COLUMN v DROP NOT NULL");
        update("INSERT INTO t VALUES (3, NULL)");
        assertFails("42P16", "ALTER TABLE t ALTER COLUMN id DROP NOT NULL");
        assertFails("42P16", "ALTER TABLE t ALTER COLUMN id SET NULL");
    }

    @Test
    void defaultsAreSetCheckedAndDropped() {
        update("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        update("ALTER TABLE t ALTER COLUMN v SET DEFAULT 7");
        assertThat(column("T", "V").defaultSql()).isEqualTo("7");
        update("INSERT INTO t (id) VALUES (1)");
        update("ALTER TABLE t ALTER COLUMN v DROP DEFAULT");
        assertThat(column("T", "V").defaultSql()).isNull();
        update("INSERT INTO t (id) VALUES (2)");
        update("ALTER TABLE t ALTER COLUMN v SET DEFAULT 3 + 4");
        update("ALTER TABLE t ALTER COLUMN v SET DEFAULT NULL"); // what Liquibase sends to H2 to drop one
        assertThat(column("T", "V").defaultSql()).isEqualTo("NULL");
        assertThat(rows("SELECT v FROM t ORDER BY id")).containsExactly(List.of(7), java.util.Arrays.asList((Object) null));
        assertFails("22018", "ALTER TABLE t ALTER COLUMN v SET DEFAULT 'abc'");
        assertFails("42000", "ALTER TABLE t ALTER COLUMN v SET DEFAULT 1 +");
        assertFails("42000", "ALTER TABLE t ALTER COLUMN v SET DEFAULT nosuch(1)");
        assertThat(column("T", "V").defaultSql()).isEqualTo("NULL");
    }

    @Test
    void theH2FormReplacesTypeAndDefaultAndNullabilityWhenWritten() {
        update("CREATE TABLE t (id INT PRIMARY KEY, v INT DEFAULT 1 NOT NULL)");
        update("ALTER TABLE t ALTER COLUMN v BIGINT"); // as in H2: the default goes, NOT NULL stays
        Column v = column("T", "V");
        assertThat(v.type()).isEqualTo(ColumnType.of(Kind.BIGINT));
        assertThat(v.nullable()).isFalse();
        assertThat(v.defaultSql()).isNull();
        update("ALTER TABLE t ALTER COLUMN v INT DEFAULT 5 NULL");
        v = column("T", "V");
        assertThat(v.nullable()).isTrue();
        assertThat(v.defaultSql()).isEqualTo("5");
        update("ALTER TABLE t MODIFY COLUMN v SMALLINT NOT NULL");
        assertThat(column("T", "V").nullable()).isFalse();
        assertFails("42000", "ALTER TABLE t ALTER COLUMN v INT UNIQUE");
    }

    @Test
    void badInputIsATypedError() {
        update("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        assertFails("42S22", "ALTER TABLE t ALTER COLUMN nosuch SET NOT NULL");
        assertFails("42S22", "ALTER TABLE t ALTER COLUMN nosuch TYPE BIGINT");
        assertFails("42S02", "ALTER TABLE nosuch ALTER COLUMN v SET NOT NULL");
        assertFails("42000", "ALTER TABLE t ALTER COLUMN v SET DATA TYPE NOSUCHTYPE");
        assertFails("42000", "ALTER TABLE t ALTER COLUMN v TYPE BIGINT USING v + 1");
        assertFails("42000", "ALTER TABLE t ALTER COLUMN v");
        assertThat(update("ALTER TABLE IF EXISTS nosuch ALTER COLUMN v SET NOT NULL")).isZero();
    }

    @Test
    void renameToKeepsDataAndIndexes() {
        update("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        update("CREATE INDEX t_v ON t (v)");
        update("INSERT INTO t VALUES (1, 5)");
        update("ALTER TABLE t ALTER COLUMN v RENAME TO w");
        assertThat(rows("SELECT id FROM t WHERE w = 5")).containsExactly(List.of(1));
        assertFails("42S21", "ALTER TABLE t ALTER COLUMN w RENAME TO id");
    }

    @Test
    void aCheckConstraintHoldsForTheConvertedValues() {
        update("CREATE TABLE t (id INT PRIMARY KEY, v DECIMAL(5, 2) CHECK (v <> 1))");
        update("INSERT INTO t VALUES (1, 1.4)");
        assertFails("23514", "ALTER TABLE t ALTER COLUMN v SET DATA TYPE INT"); // 1.4 becomes 1
        assertThat(rows("SELECT v FROM t")).containsExactly(List.of(new java.math.BigDecimal("1.40")));
    }

    @Test
    void everyFormIsUndoneByRollback() {
        update("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(5), w INT)");
        update("CREATE INDEX t_v ON t (v)");
        update("INSERT INTO t VALUES (1, '7', NULL)");
        session.setAutoCommit(false);
        update("INSERT INTO t VALUES (2, '8', 1)");
        update("ALTER TABLE t ALTER COLUMN v SET DATA TYPE INT");
        update("ALTER TABLE t ALTER COLUMN w SET DEFAULT 3");
        update("ALTER TABLE t ALTER COLUMN id SET DATA TYPE BIGINT");
        update("DELETE FROM t WHERE id = 1");
        update("ALTER TABLE t ALTER COLUMN w SET NOT NULL");
        assertThat(rows("SELECT id, v + 1, w FROM t")).containsExactly(List.of(2L, 9, 1));
        session.rollback();
        session.setAutoCommit(true);
        assertThat(column("T", "V").type()).isEqualTo(ColumnType.sized(Kind.VARCHAR, 5));
        assertThat(column("T", "W").nullable()).isTrue();
        assertThat(column("T", "W").defaultSql()).isNull();
        assertThat(rows("SELECT id, v, w FROM t")).containsExactly(java.util.Arrays.asList(1, "7", null));
        assertThat(rows("SELECT id FROM t WHERE v = '7'")).containsExactly(List.of(1));
        assertThat(rows("VERIFY INTEGRITY")).containsExactly(List.of("OK"));
    }
}
