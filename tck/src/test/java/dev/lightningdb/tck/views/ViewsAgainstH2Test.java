package dev.lightningdb.tck.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Views, INFORMATION_SCHEMA and SHOW, each statement run on LightningDB and on H2 2.x with the same
 * schema: the same rows, or a difference named here and in docs/design.md.
 */
class ViewsAgainstH2Test {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE emp (id INT PRIMARY KEY, dept VARCHAR(10), sal INT, boss INT)",
            "INSERT INTO emp VALUES (1, 'a', 100, NULL), (2, 'a', 50, 1), (3, 'b', 70, 1), (4, 'b', 20, 3)",
            "CREATE TABLE dept (code VARCHAR(10) PRIMARY KEY, title VARCHAR(40) NOT NULL, budget DECIMAL(12, 2),"
                    + " CONSTRAINT dept_title UNIQUE (title))",
            "CREATE TABLE assignment (emp_id INT NOT NULL, dept_code VARCHAR(10) NOT NULL, since DATE,"
                    + " PRIMARY KEY (emp_id, dept_code), CONSTRAINT fk_asg_emp FOREIGN KEY (emp_id) REFERENCES emp (id) ON DELETE CASCADE ON UPDATE RESTRICT,"
                    + " CONSTRAINT fk_asg_dept FOREIGN KEY (dept_code) REFERENCES dept (code)"
                    + " ON DELETE RESTRICT ON UPDATE CASCADE)",
            "CREATE SEQUENCE badge START WITH 10",
            "CREATE VIEW v_emp AS SELECT dept, COUNT(*) AS n FROM emp GROUP BY dept",
            "CREATE VIEW rich (who, pay) AS SELECT id, sal FROM emp WHERE sal >= 50",
            "CREATE VIEW richest AS SELECT who FROM rich WHERE pay > 60");

    private Connection lightning;
    private Connection h2;

    @BeforeEach
    void open() throws SQLException {
        String name = "views" + NAMES.incrementAndGet();
        lightning = DriverManager.getConnection("jdbc:lightning:mem:" + name);
        h2 = DriverManager.getConnection("jdbc:h2:mem:" + name);
        for (String sql : SCHEMA) {
            for (Connection c : List.of(lightning, h2)) {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        lightning.close();
        h2.close();
    }

    private static List<List<String>> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rows(rs);
            }
        }
    }

    static List<List<String>> rows(ResultSet rs) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                row.add(String.valueOf(rs.getObject(i)));
            }
            out.add(row);
        }
        return out;
    }

    private void same(String sql, Object... params) throws SQLException {
        List<List<String>> expected = rows(h2, sql, params);
        assertThat(rows(lightning, sql, params)).as(sql).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void viewsAnswerAsH2s() throws SQLException {
        same("SELECT * FROM v_emp ORDER BY dept");
        same("SELECT who FROM richest ORDER BY who");
        same("SELECT e.dept, r.pay FROM emp e JOIN rich r ON e.id = r.who WHERE r.pay < ? ORDER BY r.pay", 80);
        same("SELECT id FROM emp WHERE id IN (SELECT who FROM richest) AND id > ?", 1);
        same("SELECT v.dept, v.n, (SELECT MAX(pay) FROM rich) AS top FROM v_emp v ORDER BY v.dept");
    }

    @Test
    void showAnswersAsH2s() throws SQLException {
        same("SHOW TABLES");
        same("SHOW SCHEMAS");
        same("SHOW COLUMNS FROM emp");
        same("SHOW COLUMNS FROM dept");
    }

    @Test
    void informationSchemaAnswersAsH2s() throws SQLException {
        same("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " ORDER BY TABLE_NAME");
        same("SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                + " NUMERIC_PRECISION, NUMERIC_PRECISION_RADIX, NUMERIC_SCALE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME IN ('EMP', 'DEPT', 'ASSIGNMENT') ORDER BY TABLE_NAME, ORDINAL_POSITION");
        same("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME IN ('RICH', 'V_EMP')"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION");
        same("SELECT TABLE_SCHEMA, TABLE_NAME, CHECK_OPTION, IS_UPDATABLE FROM INFORMATION_SCHEMA.VIEWS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME");
        // H2 has more INFORMATION_SCHEMA views of its own; those present answer with the same columns
        same("SELECT TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'INFORMATION_SCHEMA'"
                + " AND TABLE_NAME IN ('COLUMNS', 'TABLES', 'VIEWS', 'SCHEMATA', 'SEQUENCES') ORDER BY TABLE_NAME");
        same("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA ORDER BY SCHEMA_NAME");
        same("SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES");
        // H2 names a primary key CONSTRAINT_xx, LightningDB PK_<table>: compare the named constraints, and the kinds
        same("SELECT TABLE_NAME, CONSTRAINT_TYPE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " ORDER BY TABLE_NAME, CONSTRAINT_TYPE");
        same("SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, POSITION_IN_UNIQUE_CONSTRAINT"
                + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE CONSTRAINT_NAME IN ('DEPT_TITLE', 'FK_ASG_EMP', 'FK_ASG_DEPT')"
                + " ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION");
        // actions as declared; an undeclared one is NO ACTION here (PostgreSQL's word), RESTRICT in H2
        same("SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_SCHEMA, MATCH_OPTION, UPDATE_RULE, DELETE_RULE"
                + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS ORDER BY CONSTRAINT_NAME");
    }

    @Test
    void databaseMetaDataListsViewsAsH2Does() throws SQLException {
        for (Connection c : List.of(lightning, h2)) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(null, "PUBLIC", "%", new String[] {"VIEW"})) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    assertThat(rs.getString("TABLE_TYPE")).isEqualTo("VIEW");
                    names.add(rs.getString("TABLE_NAME"));
                }
                assertThat(names).as(c.getMetaData().getDatabaseProductName()).containsExactly("RICH", "RICHEST", "V_EMP");
            }
            try (ResultSet rs = md.getTableTypes()) {
                assertThat(rows(rs)).contains(List.of("VIEW"));
            }
            try (ResultSet rs = md.getColumns(null, "PUBLIC", "RICH", "%")) {
                List<String> columns = new ArrayList<>();
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE") + " " + rs.getInt("ORDINAL_POSITION"));
                }
                assertThat(columns).containsExactly("WHO 4 1", "PAY 4 2");
            }
            try (ResultSet rs = md.getPrimaryKeys(null, "PUBLIC", "RICH")) {
                assertThat(rs.next()).isFalse();
            }
        }
    }

    /** The fixture lines for this area, and the refusals that differ from H2 only in the SQLState (documented). */
    @Test
    void dependentViewsAndReadOnlyViews() throws SQLException {
        for (Connection c : List.of(lightning, h2)) {
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("DROP TABLE emp")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> s.execute("DROP VIEW rich")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> s.execute("INSERT INTO v_emp VALUES ('z', 1)")).isInstanceOf(SQLException.class);
                s.execute("DROP VIEW rich CASCADE");
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM richest")).isInstanceOf(SQLException.class);
                s.execute("DROP TABLE emp CASCADE");
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM v_emp")).isInstanceOf(SQLException.class);
            }
        }
        try (Statement s = lightning.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            s.execute("CREATE VIEW vt AS SELECT id FROM t");
            assertThatThrownBy(() -> s.execute("DROP TABLE t")).isInstanceOf(SQLException.class)
                    .hasFieldOrPropertyWithValue("SQLState", "2BP01");
            assertThatThrownBy(() -> s.execute("DELETE FROM vt")).isInstanceOf(SQLException.class)
                    .hasFieldOrPropertyWithValue("SQLState", "42809");
        }
    }
}
