package dev.lightningdb.tck.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway 11 with the LightningDB plugin (found through its service file, not configured), checked
 * against the same scenario on H2: migrate (versioned and repeatable, DDL and data), migrate again,
 * validate, a changed repeatable, a changed versioned script with validate and repair, clean, and
 * baseline of an existing database. Both databases must report the same migrations, tables and rows.
 */
class FlywayMigrationTest {
    private static final String SCHEMA = "classpath:flyway/schema";
    private static final String DATA = "classpath:flyway/data";
    private static final String VIP = "classpath:flyway/vip";
    private static final String SUMMARY = "classpath:flyway/summary1";

    @TempDir
    Path dir;

    private static Flyway flyway(String url, String... locations) {
        return Flyway.configure().dataSource(url, "sa", "").locations(locations).cleanDisabled(false).load();
    }

    @Test
    void theDatabaseTypeIsChosenFromTheUrl() {
        Flyway flyway = flyway(lightningUrl(), SCHEMA);
        flyway.migrate();
        assertThat(flyway.getConfiguration().getDatabaseType().getName()).isEqualTo("LightningDB");
    }

    @Test
    void migrateValidateRepairCleanAndBaselineBehaveAsOnH2() throws SQLException {
        List<String> h2 = scenario("jdbc:h2:" + dir.resolve("h2/db"));
        List<String> lightning = scenario(lightningUrl());
        assertThat(lightning).containsExactlyElementsOf(h2);
    }

    @Test
    void migratesIntoANamedSchemaAsOnH2() throws SQLException {
        assertThat(namedSchema(lightningUrl())).containsExactlyElementsOf(namedSchema("jdbc:h2:" + dir.resolve("h2/named")));
    }

    /** Flyway with {@code schemas("APP")}: it creates APP, makes it the current schema and migrates there. */
    private static List<String> namedSchema(String url) throws SQLException {
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").schemas("APP").locations(SCHEMA, DATA).load();
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(2);
        List<String> seen = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (!rs.getString("TABLE_SCHEM").equals("INFORMATION_SCHEMA")) {
                        seen.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM APP.customer")) {
                rs.next();
                seen.add("customers " + rs.getLong(1));
            }
        }
        seen.sort(null);
        return seen;
    }

    private String lightningUrl() {
        return "jdbc:lightning:" + dir.resolve("lightning");
    }

    private static List<String> scenario(String url) throws SQLException {
        FlywayObservations seen = new FlywayObservations(url);
        String customers = "SELECT id, name, city FROM customer ORDER BY id";
        String summary = "SELECT customer_id, order_count, total FROM customer_summary ORDER BY customer_id";

        Flyway first = flyway(url, SCHEMA, DATA, VIP, SUMMARY);
        seen.info("before", first);
        MigrateResult migrated = first.migrate();
        assertThat(migrated.success).isTrue();
        assertThat(migrated.migrationsExecuted).isEqualTo(4);
        seen.info("migrated", first);
        seen.tables("migrated");
        seen.rows("migrated", customers);
        seen.rows("migrated", "SELECT id, vip FROM customer ORDER BY id");
        seen.rows("migrated", "SELECT id, customer_id, amount, placed FROM orders ORDER BY id");
        seen.rows("migrated", summary);

        // Running migrate again changes nothing.
        assertThat(first.migrate().migrationsExecuted).isZero();
        seen.info("again", first);
        seen.rows("again", customers);
        assertThat(first.validateWithResult().validationSuccessful).isTrue();

        // A changed repeatable migration runs again.
        Flyway changedRepeatable = flyway(url, SCHEMA, DATA, VIP, "classpath:flyway/summary2");
        assertThat(changedRepeatable.migrate().migrationsExecuted).isEqualTo(1);
        seen.info("repeatable", changedRepeatable);
        seen.rows("repeatable", summary);

        // An applied versioned script that changed fails validation until repair realigns its checksum.
        Flyway edited = flyway(url, SCHEMA, "classpath:flyway/editeddata", VIP, "classpath:flyway/summary2");
        assertThat(edited.validateWithResult().validationSuccessful).isFalse();
        assertThatThrownBy(edited::migrate).isInstanceOf(FlywayException.class);
        seen.note("repair aligned " + edited.repair().migrationsAligned.size());
        assertThat(edited.validateWithResult().validationSuccessful).isTrue();
        seen.info("repaired", edited);

        // Clean empties the schema; everything is pending again.
        assertThat(edited.clean().schemasCleaned).containsExactly("PUBLIC");
        seen.tables("cleaned");
        seen.info("cleaned", edited);

        // An existing database without history: baseline at version 2, then migrate the rest.
        Flyway existing = flyway(url, SCHEMA, DATA);
        existing.migrate();
        try (Connection c = seen.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("DROP TABLE \"flyway_schema_history\"");
        }
        Flyway baselined = Flyway.configure().dataSource(url, "sa", "").locations(SCHEMA, DATA, VIP, SUMMARY)
                .baselineVersion("2").baselineDescription("existing").cleanDisabled(false).load();
        assertThat(baselined.baseline().successfullyBaselined).isTrue();
        seen.info("baselined", baselined);
        assertThat(baselined.migrate().migrationsExecuted).isEqualTo(2);
        seen.info("after baseline", baselined);
        seen.rows("after baseline", "SELECT id, vip FROM customer ORDER BY id");
        seen.rows("after baseline", summary);
        return seen.lines();
    }

    @Test
    void aFailingMigrationLeavesTheSchemaAsItWas() throws SQLException {
        String url = lightningUrl();
        FlywayObservations seen = new FlywayObservations(url);
        flyway(url, SCHEMA, DATA, VIP, SUMMARY).migrate();
        seen.rows("before", "SELECT id, name, city, vip FROM customer ORDER BY id");
        seen.tables("before");
        List<String> before = List.copyOf(seen.lines());

        Flyway broken = flyway(url, SCHEMA, DATA, VIP, SUMMARY, "classpath:flyway/broken");
        assertThatThrownBy(broken::migrate).isInstanceOf(FlywayException.class).hasMessageContaining("V4__broken.sql");

        // DDL is transactional: the new table, its row, the update and the index are all gone, and
        // the history has no failed row to repair (H2, whose DDL commits at once, keeps the table and
        // records a failure).
        FlywayObservations after = new FlywayObservations(url);
        after.rows("before", "SELECT id, name, city, vip FROM customer ORDER BY id");
        after.tables("before");
        assertThat(after.lines()).containsExactlyElementsOf(before);
        assertThat(after.tableExists("AUDIT_LOG")).isFalse();
        MigrationInfo v4 = broken.info().pending()[0];
        assertThat(v4.getVersion().getVersion()).isEqualTo("4");
        assertThat(v4.getState()).isEqualTo(MigrationState.PENDING);
        assertThat(broken.info().applied()).hasSize(4).allMatch(m -> m.getState().isApplied() && !m.getState().isFailed());
        assertThat(flyway(url, SCHEMA, DATA, VIP, SUMMARY).validateWithResult().validationSuccessful).isTrue();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM customer")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
        // the index name is free again: the failed migration's CREATE INDEX was rolled back
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE INDEX customer_city ON customer (city)");
        }

        // Without the broken script, migrate finds nothing to do.
        assertThat(flyway(url, SCHEMA, DATA, VIP, SUMMARY).migrate().migrationsExecuted).isZero();
    }

    /**
     * Two Flyway runs at once on one database: the history lock makes the second wait for the first
     * and then find nothing to do, so every migration is applied exactly once.
     */
    @Test
    void concurrentMigrateRunsApplyEachMigrationOnce() throws Exception {
        String url = lightningUrl();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(threads.submit(() -> flyway(url, SCHEMA, DATA, VIP, SUMMARY).migrate().migrationsExecuted));
            }
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(4);
        } finally {
            threads.shutdownNow();
        }
        FlywayObservations seen = new FlywayObservations(url);
        seen.rows("history", "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"");
        seen.rows("customers", "SELECT COUNT(*) FROM customer");
        assertThat(seen.lines()).containsExactly("history row: 1 true", "history row: 2 true", "history row: 3 true",
                "history row: null true", "customers row: 3");
    }

    /** Clean must drop sequences too; it finds them through {@code DatabaseMetaData.getTables} with type SEQUENCE. */
    @Test
    void cleanDropsSequences() throws SQLException {
        String url = lightningUrl();
        Flyway flyway = flyway(url, "classpath:flyway/sequence");
        flyway.migrate();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "TICKET_SEQ", new String[] {"SEQUENCE"})) {
            assertThat(rs.next()).as("the driver lists the sequence in getTables(type SEQUENCE)").isTrue();
        }
        flyway.clean();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT NEXT VALUE FOR ticket_seq")).isInstanceOf(SQLException.class);
        }
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
    }
}
