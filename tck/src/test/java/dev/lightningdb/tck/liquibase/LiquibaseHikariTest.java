package dev.lightningdb.tck.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase on a pooled connection, as Spring Boot runs it at start-up: it borrows a connection
 * from HikariCP, finds the database implementation for it and updates. Nothing Liquibase asks of the
 * driver may fail in a way that makes the pool throw the connection away (HikariCP evicts on SQLState
 * 0A000 and on 08xxx): the pool still has the one connection it opened, and the application's next
 * borrow works and sees the migrated schema.
 */
class LiquibaseHikariTest {
    @TempDir
    Path dir;

    @Test
    void updatesThroughAPooledConnectionWithoutLosingIt() throws Exception {
        JdbcRecorder driver = new JdbcRecorder();
        HikariConfig config = new HikariConfig();
        config.setDataSource(driver.dataSource("jdbc:lightning:" + dir.resolve("pooled")));
        config.setMaximumPoolSize(1);
        config.setPoolName("lightning-liquibase");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Connection physical;
            try (Connection c = pool.getConnection()) {
                physical = c.unwrap(Connection.class);
            }
            try (LiquibaseSession liquibase = LiquibaseSession.on(pool.getConnection())) {
                liquibase.update("liquibase/yaml/v1.yaml");
            }
            try (LiquibaseSession liquibase = LiquibaseSession.on(pool.getConnection())) { // the next start
                liquibase.update("liquibase/yaml/v2.yaml");
            }

            assertThat(driver.evictingFailures).as("errors on which HikariCP evicts the connection").isEmpty();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
                assertThat(c.unwrap(Connection.class)).as("the pool kept its connection").isSameAs(physical);
                assertThat(c.getAutoCommit()).as("Liquibase gave the connection back as it found it").isTrue();
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(11);
            }
            assertThat(driver.opened).as("physical connections opened").hasValue(1);
        }
    }
}
