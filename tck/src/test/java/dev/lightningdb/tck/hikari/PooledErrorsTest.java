package dev.lightningdb.tck.hikari;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lightningdb.jdbc.LightningConnection;
import dev.lightningdb.tck.errors.RealErrors;
import dev.lightningdb.tck.errors.RealErrors.Kind;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of ordinary error through a real HikariCP pool of one connection, configured as Spring
 * Boot leaves it (nothing about exceptions): the pool must keep the connection, i.e. hand out the
 * same physical connection again, and never a new one. HikariCP closes ("evicts") a connection
 * whose error it reads as a broken connection: SQLState class 08, 0A000, 57P01-57P03, 01002, or any
 * {@code SQLTimeoutException}. The transaction the error happened in goes on, except after a
 * serialization failure (40001) or as a deadlock's victim (40P01), which roll it back.
 */
class PooledErrorsTest {
    @TempDir
    Path dir;

    private String url;
    private HikariDataSource pool;
    private LightningConnection physical;

    @BeforeEach
    void open() throws SQLException {
        url = "jdbc:lightning:" + dir.resolve("db");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(1);
        config.setPoolName("pooled-errors");
        pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection()) {
            physical = c.unwrap(LightningConnection.class);
            RealErrors.createSchema(c);
        }
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @Timeout(120) // a guard against a hang, not an assertion about speed
    void theConnectionSurvivesAndItsTransactionAsDocumented(Kind kind) throws Exception {
        int mark = kind.ordinal();
        try (Connection c = pool.getConnection()) {
            assertThat(c.unwrap(LightningConnection.class)).isSameAs(physical);
            SQLException e = RealErrors.provoke(kind, c, url, mark);
            assertThat(e.getSQLState()).as(kind + ": " + e).startsWith(kind.state);
            assertThat(c.isClosed()).as("HikariCP evicted the connection after " + kind + ": " + e).isFalse();
            assertThat(RealErrors.markSurvived(c, mark)).as(kind + " rolls back its transaction").isEqualTo(!kind.rollsBack);
            c.commit();
        }
        try (Connection c = pool.getConnection()) {
            assertThat(c.unwrap(LightningConnection.class)).as("the physical connection after " + kind).isSameAs(physical);
            assertThat(RealErrors.markSurvived(c, mark)).as(kind + ": the mark committed").isEqualTo(!kind.rollsBack);
        }
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(1);
    }

    /** A working call through the pool: Liquibase's way of asking a value, {@code prepareCall("call ...")}. */
    @Test
    void callsWorkThroughThePool() throws SQLException {
        try (Connection c = pool.getConnection(); CallableStatement call = c.prepareCall("{? = call MOD(CAST(? AS INTEGER), 7)}")) {
            call.registerOutParameter(1, java.sql.Types.INTEGER);
            call.setInt(2, 23);
            call.execute();
            assertThat(call.getInt(1)).isEqualTo(2);
            try (CallableStatement plain = c.prepareCall("call 1 + 1"); var rs = plain.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
        try (Connection c = pool.getConnection()) {
            assertThat(c.unwrap(LightningConnection.class)).isSameAs(physical);
        }
    }
}
