package dev.lightningdb.tck.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase's createView (plain and replaceIfExists) and its rollback, dropView, run on LightningDB
 * and on H2: the view's rows, columns and listing as a VIEW agree at each step.
 */
class LiquibaseViewTest {
    private static final String CHANGELOG = "liquibase/view/changelog.yaml";

    @TempDir
    Path dir;

    @Test
    void createReplaceAndRollBackAViewAsOnH2() throws Exception {
        List<String> h2 = scenario("jdbc:h2:" + dir.resolve("h2/db"));
        List<String> lightning = scenario("jdbc:lightning:" + dir.resolve("lightning"));
        assertThat(lightning).containsExactlyElementsOf(h2);
        assertThat(lightning).contains("created: VIEW IN_STOCK [ID, ITEM] rows [1 bolt]",
                "replaced: VIEW IN_STOCK [ID, ITEM, QTY] rows [1 bolt 5, 2 nut 0]", "dropped: no view");
    }

    private static List<String> scenario(String url) throws Exception {
        List<String> seen = new ArrayList<>();
        try (LiquibaseSession liquibase = LiquibaseSession.open(url)) {
            liquibase.tag("empty");
            liquibase.update(CHANGELOG);
            seen.add("replaced: " + view(url));
            liquibase.rollback(CHANGELOG, "empty");
            seen.add("dropped: " + view(url));
        }
        try (LiquibaseSession liquibase = LiquibaseSession.open(url)) {
            liquibase.update(CHANGELOG);
            liquibase.rollback(CHANGELOG, "empty");
        }
        // the first release alone: createView without replacing
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE stock (id INT PRIMARY KEY, item VARCHAR(20), qty INT)");
            s.execute("INSERT INTO stock VALUES (1, 'bolt', 5), (2, 'nut', 0)");
            s.execute("CREATE VIEW in_stock AS SELECT id, item FROM stock WHERE qty > 0");
        }
        seen.add("created: " + view(url));
        return seen;
    }

    private static String view(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "IN_STOCK", new String[] {"VIEW"})) {
                if (!rs.next()) {
                    return "no view";
                }
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "IN_STOCK", "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM in_stock ORDER BY id")) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(String.join(" ", row));
                }
            }
            return "VIEW IN_STOCK " + columns + " rows " + rows;
        }
    }
}
