package dev.lightningdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Schemas as JDBC clients use them: {@code Connection.setSchema}/{@code getSchema}, {@code SET SCHEMA},
 * {@code CURRENT_SCHEMA}, two connections in different schemas running the same statement texts (the
 * statement and plan caches must keep them apart), metadata, and a HikariCP pool restoring a
 * connection's schema. The scenario runs on H2 too, and both must observe the same.
 */
class SchemaTest {
    /** What one run of the scenario saw, in order. */
    private static List<String> scenario(String url) throws SQLException {
        List<String> seen = new ArrayList<>();
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
            Jdbc.update(a, "CREATE SCHEMA SA", "CREATE SCHEMA SB", "CREATE TABLE T (ID INT PRIMARY KEY, V VARCHAR(10))",
                    "INSERT INTO T VALUES (1, 'public')");
            seen.add("initial " + a.getSchema());
            a.setSchema("SA");
            Jdbc.update(b, "SET SCHEMA SB");
            seen.add("schemas " + a.getSchema() + " " + b.getSchema());
            Jdbc.update(a, "CREATE TABLE T (ID INT PRIMARY KEY, V VARCHAR(10), A_ONLY INT)", "INSERT INTO T VALUES (1, 'a', 1)");
            Jdbc.update(b, "CREATE TABLE T (ID INT PRIMARY KEY, V VARCHAR(10))", "INSERT INTO T VALUES (1, 'b'), (2, 'b2')");
            for (int round = 0; round < 3; round++) { // the same texts again: cached statements and plans
                for (Connection c : List.of(a, b)) {
                    seen.add(c.getSchema() + " all " + Jdbc.rows(c, "SELECT * FROM T ORDER BY ID"));
                    seen.add(c.getSchema() + " point " + Jdbc.rows(c, "SELECT V FROM T WHERE ID = 1"));
                    seen.add(c.getSchema() + " range " + Jdbc.rows(c, "SELECT V FROM T WHERE ID >= 1 ORDER BY ID"));
                    seen.add(c.getSchema() + " current " + Jdbc.rows(c, "SELECT CURRENT_SCHEMA"));
                    try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM T WHERE ID > ?")) {
                        p.setInt(1, 0);
                        seen.add(c.getSchema() + " prepared " + Jdbc.rows(p.executeQuery()));
                    }
                }
            }
            seen.add("qualified " + Jdbc.rows(a, "SELECT V FROM PUBLIC.T") + Jdbc.rows(a, "SELECT V FROM SB.T ORDER BY ID"));
            Jdbc.update(b, "UPDATE T SET V = 'b-upd' WHERE ID = 2", "DELETE FROM T WHERE ID = 1");
            seen.add("after dml " + Jdbc.rows(a, "SELECT ID, V FROM SB.T"));
            try (PreparedStatement p = a.prepareStatement("SELECT V FROM T WHERE ID = ?")) { // re-resolved in the new schema
                p.setInt(1, 1);
                seen.add("prepared in SA " + Jdbc.rows(p.executeQuery()));
                a.setSchema("PUBLIC");
                seen.add("prepared in PUBLIC " + Jdbc.rows(p.executeQuery()));
            }
            try (ResultSet rs = a.getMetaData().getSchemas()) {
                List<String> schemas = new ArrayList<>();
                while (rs.next()) {
                    if (!rs.getString("TABLE_SCHEM").equals("INFORMATION_SCHEMA")) {
                        schemas.add(rs.getString("TABLE_SCHEM"));
                    }
                }
                seen.add("getSchemas " + schemas);
            }
            try (ResultSet rs = a.getMetaData().getColumns(null, "SA", "T", null)) {
                List<String> columns = new ArrayList<>();
                while (rs.next()) {
                    columns.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("COLUMN_NAME"));
                }
                seen.add("getColumns " + columns);
            }
            SQLException unknown = catchSql(() -> a.setSchema("NOSUCH"));
            seen.add("setSchema(NOSUCH) " + (unknown == null ? "accepted" : unknown.getSQLState()) + " " + a.getSchema());
            SQLException unknownSet = catchSql(() -> Jdbc.update(a, "SET SCHEMA NOSUCH"));
            seen.add("SET SCHEMA NOSUCH " + (unknownSet == null ? "accepted" : unknownSet.getSQLState().substring(0, 2)));
            seen.add("still usable " + Jdbc.rows(a, "SELECT COUNT(*) FROM T"));
        }
        return seen;
    }

    @Test
    void twoConnectionsInTwoSchemasSeeTheirOwnTablesAsH2Does() throws SQLException {
        List<String> lightning = scenario("jdbc:lightning:mem:schema-" + UUID.randomUUID());
        List<String> h2 = scenario("jdbc:h2:mem:schema-" + UUID.randomUUID());
        // H2 reports an unknown schema as 90079, which is not a standard SQLState; LightningDB as PostgreSQL does (3F000)
        assertThat(lightning).contains("setSchema(NOSUCH) 3F000 PUBLIC", "SET SCHEMA NOSUCH 3F");
        assertThat(h2).contains("setSchema(NOSUCH) 90079 PUBLIC", "SET SCHEMA NOSUCH 90");
        // A PreparedStatement made in SA and run after setSchema("PUBLIC"): H2 keeps the table it found at prepare
        // time; LightningDB resolves its names again in the new schema, as PostgreSQL does after a change of search_path
        assertThat(lightning).contains("prepared in PUBLIC [public]");
        assertThat(h2).contains("prepared in PUBLIC [a]");
        assertThat(comparable(lightning)).containsExactlyElementsOf(comparable(h2));
        assertThat(lightning).contains("SA current [SA]", "SB all [1|b, 2|b2]", "SA all [1|a|1]");
    }

    @Test
    void aPooledConnectionGetsItsSchemaBackWhenReturned() throws SQLException {
        String url = "jdbc:lightning:mem:schema-pool-" + UUID.randomUUID();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(1);
        config.setPoolName("lightning-schema");
        config.setSchema("PUBLIC"); // HikariCP puts back the configured schema (only that one) when a connection returns
        try (Connection setup = DriverManager.getConnection(url); HikariDataSource pool = new HikariDataSource(config)) {
            Jdbc.update(setup, "CREATE SCHEMA APP", "CREATE TABLE APP.T (ID INT PRIMARY KEY)", "INSERT INTO APP.T VALUES (7)");
            try (Connection c = pool.getConnection()) {
                assertThat(c.getSchema()).isEqualTo("PUBLIC");
                c.setSchema("APP");
                assertThat(Jdbc.one(c, "SELECT ID FROM T")).isEqualTo(7);
                assertThatThrownBy(() -> c.setSchema("NOSUCH")).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("3F000");
                assertThat(c.isValid(1)).isTrue(); // an unknown schema does not break the connection
            }
            try (Connection c = pool.getConnection()) { // the same physical connection, its schema reset by the pool
                assertThat(c.getSchema()).isEqualTo("PUBLIC");
                assertThat(Jdbc.one(c, "SELECT COUNT(*) FROM APP.T")).isEqualTo(1);
            }
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(1);
            config.setSchema("APP");
            config.setPoolName("lightning-schema-app");
            try (HikariDataSource appPool = new HikariDataSource(config); Connection c = appPool.getConnection()) {
                assertThat(c.getSchema()).isEqualTo("APP"); // set by the pool on each new connection
                assertThat(Jdbc.one(c, "SELECT ID FROM T")).isEqualTo(7);
            }
        }
    }

    @Test
    void theSchemaOfAConnectionFollowsCreateAndDropAsInH2() throws SQLException {
        for (String url : List.of("jdbc:lightning:mem:schema-drop-" + UUID.randomUUID(), "jdbc:h2:mem:schema-drop-" + UUID.randomUUID())) {
            try (Connection c = DriverManager.getConnection(url)) {
                Jdbc.update(c, "CREATE SCHEMA GONE", "SET SCHEMA GONE", "CREATE TABLE T (ID INT PRIMARY KEY)");
                assertThat(c.getSchema()).as(url).isEqualTo("GONE");
                Jdbc.update(c, "DROP SCHEMA GONE CASCADE");
                assertThat(catchSql(() -> Jdbc.rows(c, "SELECT * FROM T")) != null).as(url + ": a name in the dropped schema").isTrue();
                c.setSchema("PUBLIC");
                Jdbc.update(c, "CREATE TABLE T (ID INT PRIMARY KEY)");
                assertThat(Jdbc.one(c, "SELECT COUNT(*) FROM PUBLIC.T")).as(url).isZero();
            }
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static SQLException catchSql(SqlAction action) {
        try {
            action.run();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    /** What both databases must observe alike: all but the SQLStates of unknown schemas and the re-prepared statement. */
    private static List<String> comparable(List<String> seen) {
        return seen.stream().filter(s -> !s.startsWith("setSchema(NOSUCH)") && !s.startsWith("SET SCHEMA NOSUCH")
                && !s.startsWith("prepared in PUBLIC")).toList();
    }
}
