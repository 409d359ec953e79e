package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.session.Session;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DmlAndTransactionTest extends SqlTestSupport {
    @BeforeEach
    void createTable() {
        update("CREATE TABLE acct (id INT PRIMARY KEY, owner VARCHAR(8) NOT NULL, balance INT DEFAULT 100, note VARCHAR(5))");
    }

    @Test
    void defaultsFillOmittedColumns() {
        update("INSERT INTO acct (id, owner) VALUES (1, 'ann')");
        assertThat(rows("SELECT balance, note FROM acct")).containsExactly(java.util.Arrays.asList(100, null));
    }

    @Test
    void constraintViolationsHaveTheirSqlStatesAndChangeNothing() {
        update("INSERT INTO acct VALUES (1, 'ann', 10, NULL)");
        assertFails("23505", "INSERT INTO acct VALUES (2, 'bob', 1, NULL), (1, 'dup', 1, NULL)").hasMessageContaining("(ID)=(1)");
        assertFails("23505", "INSERT INTO acct VALUES (3, 'x', 1, NULL), (3, 'y', 1, NULL)");
        assertFails("23502", "INSERT INTO acct VALUES (4, NULL, 1, NULL)").hasMessageContaining("OWNER");
        assertFails("22001", "INSERT INTO acct VALUES (5, 'way too long', 1, NULL)");
        assertFails("22003", "INSERT INTO acct VALUES (6, 'big', 9999999999, NULL)");
        assertFails("22018", "INSERT INTO acct VALUES (?, 'nan', 1, NULL)", "not a number");
        assertFails("42S22", "INSERT INTO acct (id, nope) VALUES (7, 1)");
        assertFails("42000", "INSERT INTO acct VALUES (8, 'short')");
        // none of the failing statements left a row behind
        assertThat(rows("SELECT id FROM acct")).containsExactly(List.of(1));
    }

    @Test
    void assignmentsMayNameTheirTableAsH2AndJooqDo() {
        update("INSERT INTO acct VALUES (1, 'ann', 10, NULL)");
        update("UPDATE acct SET acct.balance = acct.balance * 2, \"ACCT\".note = 'x' WHERE acct.id = 1");
        update("UPDATE acct a SET a.balance = a.balance + 1");
        assertThat(rows("SELECT balance, note FROM acct")).containsExactly(List.of(21, "x"));
        assertFails("42S22", "UPDATE acct SET other.balance = 0");
        assertFails("42S22", "UPDATE acct a SET acct.balance = 0"); // once aliased, the table goes by its alias
        update("INSERT INTO acct VALUES (1, 'bob', 0, NULL) ON CONFLICT (id) DO UPDATE SET acct.owner = 'bob'");
        assertThat(rows("SELECT owner, balance FROM acct")).containsExactly(List.of("bob", 21));
    }

    @Test
    void theAverageOfDecimalsKeepsItsFraction() {
        update("CREATE TABLE price (id INT PRIMARY KEY, amount DECIMAL(8,2))");
        update("INSERT INTO price VALUES (1, 11.00), (2, 10.25)");
        assertThat(((java.math.BigDecimal) single("SELECT AVG(amount) FROM price")).compareTo(new java.math.BigDecimal("10.625"))).isZero();
        assertThat(single("SELECT ROUND(AVG(amount), 2) FROM price").toString()).isEqualTo("10.63");
    }

    @Test
    void updateCanMoveThePrimaryKeyAndChecksUniqueness() {
        update("INSERT INTO acct VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL), (3, 'c', 3, NULL)");
        assertThat(update("UPDATE acct SET id = id + 10 WHERE id >= 2")).isEqualTo(2);
        assertThat(rows("SELECT id, owner FROM acct ORDER BY id"))
                .containsExactly(List.of(1, "a"), List.of(12, "b"), List.of(13, "c"));
        // shifting every key by one is legal because the old keys are vacated in the same statement
        assertThat(update("UPDATE acct SET id = id + 1")).isEqualTo(3);
        assertThat(rows("SELECT id FROM acct ORDER BY id")).containsExactly(List.of(2), List.of(13), List.of(14));
        assertFails("23505", "UPDATE acct SET id = 2 WHERE id = 13");
        assertFails("23502", "UPDATE acct SET owner = NULL");
        assertThat(rows("SELECT id, owner FROM acct ORDER BY id"))
                .containsExactly(List.of(2, "a"), List.of(13, "b"), List.of(14, "c"));
    }

    @Test
    void deleteWithAndWithoutWhere() {
        update("INSERT INTO acct VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL), (3, 'c', 3, NULL)");
        assertThat(update("DELETE FROM acct WHERE balance >= ?", 2)).isEqualTo(2);
        assertThat(update("DELETE FROM acct")).isEqualTo(1);
        assertThat(single("SELECT COUNT(*) FROM acct")).isEqualTo(0L);
    }

    @Test
    void manualTransactionsCommitAndRollBack() {
        session.setAutoCommit(false);
        update("INSERT INTO acct VALUES (1, 'a', 1, NULL)");
        assertThat(single("SELECT COUNT(*) FROM acct")).isEqualTo(1L); // own writes are visible
        try (Session other = db.newSession()) {
            try (QueryResult r = (QueryResult) other.execute("SELECT COUNT(*) FROM acct")) {
                r.next();
                assertThat(r.get(0)).isEqualTo(0L); // not committed yet
            }
        }
        session.rollback();
        assertThat(single("SELECT COUNT(*) FROM acct")).isEqualTo(0L);
        update("INSERT INTO acct VALUES (2, 'b', 2, NULL)");
        session.commit();
        try (Session other = db.newSession()) {
            try (QueryResult r = (QueryResult) other.execute("SELECT owner FROM acct")) {
                assertThat(r.next()).isTrue();
                assertThat(r.get(0)).isEqualTo("b");
            }
        }
    }

    @Test
    void ddlIsTransactional() {
        session.setAutoCommit(false);
        update("CREATE TABLE temp (k INT PRIMARY KEY)");
        update("INSERT INTO temp VALUES (1)");
        assertThat(single("SELECT COUNT(*) FROM temp")).isEqualTo(1L);
        try (Session other = db.newSession()) { // uncommitted DDL is invisible to others
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.execute("SELECT * FROM temp"))
                    .hasFieldOrPropertyWithValue("sqlState", "42S02");
        }
        session.rollback();
        assertFails("42S02", "SELECT * FROM temp");
        update("DROP TABLE acct");
        session.rollback();
        assertThat(single("SELECT COUNT(*) FROM acct")).isEqualTo(0L);
    }

    @Test
    void dropTableRemovesItsRowsAndIfExistsForms() {
        update("INSERT INTO acct VALUES (1, 'a', 1, NULL)");
        update("DROP TABLE acct");
        assertFails("42S02", "DROP TABLE acct");
        assertThat(update("DROP TABLE IF EXISTS acct")).isZero();
        update("CREATE TABLE acct (id INT PRIMARY KEY)");
        assertThat(single("SELECT COUNT(*) FROM acct")).isEqualTo(0L);
        assertFails("42S01", "CREATE TABLE acct (id INT PRIMARY KEY)");
        assertThat(update("CREATE TABLE IF NOT EXISTS acct (id INT PRIMARY KEY)")).isZero();
    }

    @Test
    void parameterCountIsChecked() {
        assertFails("07001", "SELECT * FROM acct WHERE id = ?");
        assertFails("07001", "SELECT * FROM acct", 1);
    }
}
