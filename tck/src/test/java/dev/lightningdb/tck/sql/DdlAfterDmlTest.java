package dev.lightningdb.tck.sql;

import static dev.lightningdb.tck.sql.SqlRows.execute;
import static dev.lightningdb.tck.sql.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema change after every kind of write to the same table in one transaction (as Flyway
 * runs a migration with auto-commit off), then COMMIT or ROLLBACK. Committed: the state equals
 * H2's after the same statements, the indexes answer as a full scan does, a unique index refuses
 * a duplicate, later writes keep them right. Rolled back: the state is exactly what it was before
 * the transaction, and the same change then succeeds on its own (so it was undone), again equal to H2.
 * H2 commits at each DDL, so it serves as the oracle of the end state, not of the rollback.
 */
class DdlAfterDmlTest {
    /** The writes made before the schema change; each keeps column V unique and non-negative. */
    enum Dml {
        INSERT("INSERT INTO t VALUES (11, 110, 'n11', 'x')"),
        UPDATE_VALUE("UPDATE t SET v = v + 1, name = 'u' || name WHERE id IN (2, 6, 8)"),
        UPDATE_KEY("UPDATE t SET id = id + 100 WHERE id <= 3"),
        DELETE("DELETE FROM t WHERE id = 4", "DELETE FROM t WHERE v > 80"),
        INSERT_THEN_DELETE("INSERT INTO t VALUES (12, 120, 'n12', 'x')", "DELETE FROM t WHERE id = 12"),
        BATCH_OF_INSERTS();

        final List<String> sql;

        Dml(String... sql) {
            this.sql = List.of(sql);
        }

        void run(Connection c) throws SQLException {
            if (this == BATCH_OF_INSERTS) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, 'b')")) {
                    for (int id = 20; id < 40; id++) {
                        ps.setInt(1, id);
                        ps.setInt(2, id * 10);
                        ps.setString(3, "n" + (id % 7));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return;
            }
            execute(c, sql);
        }
    }

    /**
     * A schema change: its SQL (and H2's where it differs), the table and the V column afterwards
     * (null: gone), and the columns that then have an index (probed) and a unique one.
     */
    enum Ddl {
        CREATE_INDEX("CREATE INDEX t_v_ix ON t (v)", "T", "V", "NAME,V", null),
        CREATE_UNIQUE_INDEX("CREATE UNIQUE INDEX t_v_ux ON t (v)", "T", "V", "NAME,V", "V"),
        DROP_INDEX("DROP INDEX t_name_ix", "T", "V", "", null),
        ADD_COLUMN("ALTER TABLE t ADD COLUMN extra INT", "T", "V", "NAME", null),
        ADD_COLUMN_DEFAULT("ALTER TABLE t ADD COLUMN extra INT DEFAULT 7", "T", "V", "NAME", null),
        ADD_COLUMN_NOT_NULL_DEFAULT("ALTER TABLE t ADD COLUMN extra INT NOT NULL DEFAULT 7", "T", "V", "NAME", null),
        DROP_COLUMN("ALTER TABLE t DROP COLUMN note", "T", "V", "NAME", null),
        DROP_INDEXED_COLUMN("ALTER TABLE t DROP COLUMN name", "T", "V", "", null),
        RENAME_COLUMN("ALTER TABLE t RENAME COLUMN v TO w", "T", "W", "NAME", null),
        RENAME_TABLE("ALTER TABLE t RENAME TO t2", "T2", "V", "NAME", null),
        ALTER_COLUMN_TYPE("ALTER TABLE t ALTER COLUMN v SET DATA TYPE BIGINT", "T", "V", "NAME", null),
        ALTER_INDEXED_COLUMN_TYPE("ALTER TABLE t ALTER COLUMN name SET DATA TYPE VARCHAR(40)", "T", "V", "NAME", null),
        ALTER_COLUMN_NOT_NULL("ALTER TABLE t ALTER COLUMN v SET NOT NULL", "T", "V", "NAME", null),
        ALTER_COLUMN_DEFAULT("ALTER TABLE t ALTER COLUMN note SET DEFAULT 'd'", "T", "V", "NAME", null),
        ADD_UNIQUE_CONSTRAINT("ALTER TABLE t ADD CONSTRAINT t_v_uq UNIQUE (v)", "T", "V", "NAME,V", "V"),
        ADD_CHECK_CONSTRAINT("ALTER TABLE t ADD CONSTRAINT t_v_ck CHECK (v < 100000)", "T", "V", "NAME", null),
        DROP_CONSTRAINT("ALTER TABLE t DROP CONSTRAINT t_v_pos", "T", "V", "NAME", null),
        CREATE_TABLE("CREATE TABLE other (id INT PRIMARY KEY, t_id INT)", "T", "V", "NAME", null),
        DROP_TABLE("DROP TABLE t", null, null, "", null),
        TRUNCATE("TRUNCATE TABLE t", "T", "V", "NAME", null),
        CREATE_SEQUENCE("CREATE SEQUENCE s START WITH 5", "T", "V", "NAME", null),
        DROP_SEQUENCE("DROP SEQUENCE s0", "T", "V", "NAME", null);

        final String sql;
        final String table;
        final String v;
        final List<String> indexed;
        final String unique;

        Ddl(String sql, String table, String v, String indexed, String unique) {
            this.sql = sql;
            this.table = table;
            this.v = v;
            this.indexed = indexed.isEmpty() ? List.of() : List.of(indexed.split(","));
            this.unique = unique;
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Ddl ddl : Ddl.values()) {
            for (Dml dml : Dml.values()) {
                for (boolean commit : new boolean[] {true, false}) {
                    out.add(Arguments.of(ddl, dml, commit));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} then {0}, commit={2}")
    @MethodSource("matrix")
    void schemaChangeAfterWritesInOneTransaction(Ddl ddl, Dml dml, boolean commit) throws SQLException {
        try (SqlRows.Pair pair = SqlRows.Pair.fresh("ddl")) {
            Connection lightning = pair.lightning();
            Connection h2 = pair.h2();
            setUp(lightning);
            setUp(h2);
            List<String> before = state(lightning);
            lightning.setAutoCommit(false);
            dml.run(lightning);
            execute(lightning, List.of(ddl.sql));
            if (ddl.table != null) {
                execute(lightning, List.of("INSERT INTO " + ddl.table + " (id, " + ddl.v + ") VALUES (500, 5000)")); // written with the new schema
            }
            if (commit) {
                lightning.commit();
                h2.setAutoCommit(false);
                dml.run(h2);
                execute(h2, List.of(ddl.sql));
                if (ddl.table != null) {
                    execute(h2, List.of("INSERT INTO " + ddl.table + " (id, " + ddl.v + ") VALUES (500, 5000)"));
                }
                h2.commit();
            } else {
                lightning.rollback();
                assertThat(state(lightning)).as("rolled back: as before the transaction").isEqualTo(before);
                lightning.setAutoCommit(true);
                execute(lightning, List.of(ddl.sql)); // the change was undone, so it applies again
                execute(h2, List.of(ddl.sql));
            }
            lightning.setAutoCommit(true);
            assertThat(state(lightning)).as("the end state, as H2 has it").isEqualTo(state(h2));
            checkIndexes(lightning, ddl);
            if (ddl == Ddl.CREATE_SEQUENCE) {
                assertThat(rows(lightning, "VALUES (NEXT VALUE FOR s)")).containsExactly("[5]");
            }
        }
    }

    @Test
    void theFlywayMigrationOfTheIssue() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:mem:ddl-" + UUID.randomUUID())) {
            execute(c, List.of("CREATE TABLE book (id INT PRIMARY KEY, title VARCHAR(50))"));
            for (int i = 1; i <= 50; i++) {
                execute(c, List.of("INSERT INTO book VALUES (" + i + ", 'title " + i + "')"));
            }
            c.setAutoCommit(false);
            execute(c, List.of("ALTER TABLE book ADD COLUMN isbn VARCHAR(20)",
                    "UPDATE book SET isbn = 'isbn-' || CAST(id AS VARCHAR(10))",
                    "CREATE UNIQUE INDEX uq_book_isbn ON book (isbn)"));
            c.commit();
            c.setAutoCommit(true);
            assertThat(rows(c, "SELECT id FROM book WHERE isbn = 'isbn-17'")).containsExactly("[17]");
            assertThatThrownBy(() -> execute(c, List.of("INSERT INTO book VALUES (99, 'copy', 'isbn-17')")))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        }
    }

    private static void setUp(Connection c) throws SQLException {
        execute(c, List.of(
                "CREATE TABLE t (id INT PRIMARY KEY, v INT, name VARCHAR(20), note VARCHAR(20), CONSTRAINT t_v_pos CHECK (v >= 0))",
                "CREATE INDEX t_name_ix ON t (name)",
                "CREATE SEQUENCE s0",
                "INSERT INTO t VALUES (1, 10, 'n1', 'x'), (2, 20, 'n2', 'x'), (3, 30, 'n1', NULL), (4, 40, 'n4', 'x'), "
                        + "(5, 50, NULL, 'x'), (6, 60, 'n2', 'x'), (7, 70, 'n7', 'x'), (8, 80, 'n8', 'x'), (9, 90, 'n1', 'x'), "
                        + "(10, 100, 'n10', 'x')"));
    }

    /** What a client can see of the schema and data this test changes, table by table and sequence by sequence. */
    private static List<String> state(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String table : List.of("T", "T2", "OTHER")) {
            out.add(table + ": " + rowsOrError(c, "SELECT * FROM " + table + " ORDER BY id"));
        }
        out.add("sequences: " + rowsOrError(c, "SELECT sequence_name FROM information_schema.sequences WHERE sequence_name IN ('S', 'S0') "
                + "ORDER BY sequence_name"));
        return out;
    }

    private static String rowsOrError(Connection c, String sql) {
        try {
            return rows(c, sql, true).toString();
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as(sql + ": " + e).isNotEqualTo("XX000");
            return "fails";
        }
    }

    /** Each indexed column answers an equality as a full scan does, and a unique one refuses a duplicate. */
    private static void checkIndexes(Connection c, Ddl ddl) throws SQLException {
        if (ddl.table == null) {
            return;
        }
        for (String column : ddl.indexed) {
            String col = column.equals("V") ? ddl.v : column;
            Map<String, List<String>> idsByValue = new TreeMap<>();
            for (String row : rows(c, "SELECT id, " + col + " FROM " + ddl.table + " ORDER BY id")) {
                String[] idAndValue = row.substring(1, row.length() - 1).split(", ", 2);
                if (!idAndValue[1].equals("null")) {
                    idsByValue.computeIfAbsent(idAndValue[1], v -> new ArrayList<>()).add("[" + idAndValue[0] + "]");
                }
            }
            try (PreparedStatement viaIndex = c.prepareStatement("SELECT id FROM " + ddl.table + " WHERE " + col + " = ? ORDER BY id")) {
                for (Map.Entry<String, List<String>> e : idsByValue.entrySet()) {
                    Object value = column.equals("V") ? (Object) Integer.valueOf(e.getKey()) : e.getKey();
                    assertThat(rows(viaIndex, value)).as(col + " = " + value).isEqualTo(e.getValue());
                }
            }
        }
        if (ddl.unique != null) {
            String taken = rows(c, "SELECT id, " + ddl.v + " FROM " + ddl.table + " ORDER BY id").get(0).split(", ")[1].replace("]", "");
            assertThatThrownBy(() -> execute(c, List.of("INSERT INTO " + ddl.table + " (id, " + ddl.v + ") VALUES (999, " + taken + ")")))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        }
    }

    @Test
    void aUniqueIndexThatFindsADuplicateFailsAloneAndTheTransactionGoesOn() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:mem:ddl-" + UUID.randomUUID())) {
            setUp(c);
            c.setAutoCommit(false);
            execute(c, List.of("UPDATE t SET v = 10 WHERE id = 9"));
            assertThatThrownBy(() -> execute(c, List.of("CREATE UNIQUE INDEX t_v_ux ON t (v)")))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
            execute(c, List.of("UPDATE t SET v = 95 WHERE id = 9", "CREATE UNIQUE INDEX t_v_ux ON t (v)"));
            c.commit();
            assertThat(rows(c, "SELECT id FROM t WHERE v = 95")).containsExactly("[9]");
            assertThat(rows(c, "SELECT id FROM t WHERE v = 10")).containsExactly("[1]");
        }
    }

    @Test
    void aCheckFollowsARenamedColumnAndGoesWithADroppedOne() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:mem:ddl-" + UUID.randomUUID())) {
            setUp(c);
            c.setAutoCommit(false);
            execute(c, List.of("UPDATE t SET v = v + 1 WHERE id < 5", "ALTER TABLE t RENAME COLUMN v TO \"w x\""));
            assertThatThrownBy(() -> execute(c, List.of("INSERT INTO t (id, \"w x\") VALUES (50, -1)")))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
            execute(c, List.of("ALTER TABLE t DROP COLUMN \"w x\"", "INSERT INTO t (id, name) VALUES (51, 'ok')")); // as PostgreSQL: the check goes too
            c.commit();
            assertThat(rows(c, "SELECT id, name FROM t WHERE id > 9 ORDER BY id")).containsExactly("[10, n10]", "[51, ok]");
        }
    }
}
