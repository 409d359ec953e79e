package dev.lightningdb.tck.sql;

import static dev.lightningdb.tck.sql.SqlRows.execute;
import static dev.lightningdb.tck.sql.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Halloween problem: a statement that writes rows where its own scan has yet to go must not
 * meet them again. The engine's cursors show a transaction's writes ahead of them, so each
 * statement must read what it changes before it writes; checked against H2 on a table with an
 * index on the changed column, alone and after earlier writes to the table in the same transaction.
 */
class OwnWritesHalloweenTest {
    static Stream<Arguments> cases() {
        List<String> statements = List.of(
                "UPDATE t SET id = id + 1",
                "UPDATE t SET id = id - 1",
                "UPDATE t SET id = id + 1000 WHERE v > 30",
                "UPDATE t SET v = v + 1 WHERE v < 100",
                "UPDATE t SET v = v + 10 WHERE v BETWEEN 20 AND 60",
                "UPDATE t SET v = v - 10 WHERE v > 20",
                "INSERT INTO t SELECT id + 100, v + 1 FROM t",
                "INSERT INTO t SELECT id + 1, v + 1000 FROM t WHERE id >= 90",
                "DELETE FROM t WHERE v > 15",
                "DELETE FROM t");
        // earlier writes need a transaction that spans statements: auto-commit off
        return statements.stream().flatMap(sql -> Stream.of(Arguments.of(sql, false, true), Arguments.of(sql, false, false),
                Arguments.of(sql, true, false)));
    }

    @ParameterizedTest(name = "{0} (earlier writes {1}, auto-commit {2})")
    @MethodSource("cases")
    void aStatementNeverMeetsItsOwnWrites(String sql, boolean earlierWrites, boolean autoCommit) throws SQLException {
        try (SqlRows.Pair pair = SqlRows.Pair.fresh("halloween")) {
            for (Connection c : List.of(pair.lightning(), pair.h2())) {
                execute(c, List.of("CREATE TABLE t (id INT PRIMARY KEY, v INT)", "CREATE INDEX t_v_ix ON t (v)"));
                StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
                for (int id = 1; id <= 60; id++) {
                    insert.append(id == 1 ? "" : ", ").append("(").append(id).append(", ").append(id).append(")");
                }
                execute(c, List.of(insert.toString()));
                c.setAutoCommit(autoCommit);
                if (earlierWrites) {
                    execute(c, List.of("INSERT INTO t VALUES (90, 90), (95, 5)", "UPDATE t SET v = v + 2 WHERE id BETWEEN 10 AND 20",
                            "DELETE FROM t WHERE id = 30"));
                }
                execute(c, List.of(sql));
                assertThat(rows(c, "SELECT COUNT(*) FROM t")).isNotEmpty();
                if (!autoCommit) {
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
            assertThat(rows(pair.lightning(), "SELECT id, v FROM t ORDER BY id")).isEqualTo(rows(pair.h2(), "SELECT id, v FROM t ORDER BY id"));
            assertThat(rows(pair.lightning(), "SELECT id FROM t WHERE v > 40 ORDER BY id"))
                    .as("through the index on v")
                    .isEqualTo(rows(pair.lightning(), "SELECT id FROM t WHERE v + 0 > 40 ORDER BY id"));
        }
    }
}
