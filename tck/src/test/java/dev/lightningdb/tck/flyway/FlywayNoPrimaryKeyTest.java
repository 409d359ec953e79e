package dev.lightningdb.tck.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Flyway migration that creates tables without a primary key and fills them ends as on H2. */
class FlywayNoPrimaryKeyTest {
    @TempDir
    Path dir;

    @Test
    void keylessTablesMigrateAndFillAsOnH2() throws SQLException {
        List<String> h2 = migrate("jdbc:h2:" + dir.resolve("h2/db"));
        List<String> lightning = migrate("jdbc:lightning:" + dir.resolve("lightning/db"));
        assertThat(lightning).containsExactlyElementsOf(h2);
        assertThat(lightning).contains("audit_log: 2|ann|login|0", "tag_link: 13|cron");
    }

    private static List<String> migrate(String url) throws SQLException {
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:flyway/nopk").load();
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(2);
        List<String> seen = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            seen.addAll(rows(c, "audit_log", "SELECT * FROM audit_log ORDER BY at_step, actor"));
            seen.addAll(rows(c, "tag_link", "SELECT * FROM tag_link ORDER BY item_id, tag"));
            try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, null, "AUDIT_LOG")) {
                seen.add("audit_log has a primary key: " + rs.next());
            }
        }
        return seen;
    }

    private static List<String> rows(Connection c, String label, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            out.add(label + " columns: " + md.getColumnCount());
            while (rs.next()) {
                StringBuilder row = new StringBuilder(label).append(": ");
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
