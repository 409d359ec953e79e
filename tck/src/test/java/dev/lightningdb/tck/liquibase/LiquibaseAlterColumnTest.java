package dev.lightningdb.tck.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change types that Liquibase turns into {@code ALTER TABLE ... ALTER COLUMN}: modifyDataType,
 * addNotNullConstraint (with a value for the rows that hold NULL), dropNotNullConstraint,
 * addDefaultValue and dropDefaultValue, and addColumn with a default (whose rollback drops the
 * default first), each rolled back to the tag before them. Metadata, rows and
 * history must match H2's for the same change logs; the new constraints and defaults must act on
 * the next INSERT; the rollback must restore the table as it was.
 */
class LiquibaseAlterColumnTest {
    private static final String V1 = "liquibase/alter/v1.yaml";
    private static final String V2 = "liquibase/alter/v2.yaml";

    @TempDir
    Path dir;

    @Test
    void alterColumnChangesAndTheirRollbackBehaveAsOnH2() throws Exception {
        DatabaseObservations h2 = scenario("jdbc:h2:" + dir.resolve("h2/db"));
        DatabaseObservations lightning = scenario("jdbc:lightning:" + dir.resolve("lightning"));
        assertThat(lightning.lines()).containsExactlyElementsOf(h2.lines());

        assertThat(lightning.linesOf("altered")).contains(
                "ITEM column CODE VARCHAR(40)",
                "ITEM column QTY BIGINT not null",
                "ITEM column NOTE VARCHAR(20) default 'n/a'",
                "ITEM column LABEL VARCHAR(30)",
                "ITEM column STATUS VARCHAR(10) default 'new'",
                "ITEM row {CODE=b, ID=2, LABEL=none, NOTE=x, QTY=0, STATUS=new}");
        assertThat(lightning.linesOf("rolled back")).isNotEmpty().containsExactlyElementsOf(lightning.linesOf("before"));
    }

    private static DatabaseObservations scenario(String url) throws Exception {
        DatabaseObservations seen = new DatabaseObservations(url);
        try (LiquibaseSession liquibase = LiquibaseSession.open(url)) {
            liquibase.update(V1);
            liquibase.tag("before");
            seen.everything("before");
            liquibase.update(V2);
            seen.everything("altered");
            try (Connection c = seen.connect()) {
                c.setAutoCommit(false);
                // QTY is NOT NULL now; NOTE has a default, LABEL none any more.
                assertThatThrownBy(() -> execute(c, "INSERT INTO item (id, code) VALUES (3, 'c')"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23502"));
                c.rollback();
                execute(c, "INSERT INTO item (id, qty) VALUES (3, 1)"); // CODE may be NULL now
                seen.note("inserted: " + row(c, "SELECT code, note, label FROM item WHERE id = 3"));
                c.rollback();
            }
            liquibase.rollback(V2, "before");
            seen.everything("rolled back");
        }
        return seen;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static String row(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
        }
    }
}
