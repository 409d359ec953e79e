package dev.lightningdb.tck.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's bulk UPDATE and DELETE of a joined-inheritance entity go through id tables, which the
 * dialect makes GLOBAL TEMPORARY: the same answers as on H2, the id tables reported as such, and
 * none of their rows in the database's files.
 */
class HibernateTemporaryTablesTest {
    @TempDir
    Path dir;

    private static List<String> scenario(String url) {
        List<String> seen = new ArrayList<>();
        try (SessionFactory sf = HibernateDialectTest.sessionFactory(url, Vehicle.class, Truck.class)) {
            sf.inTransaction(s -> {
                for (long i = 1; i <= 6; i++) {
                    s.persist(i % 2 == 0 ? new Truck(i, "owner" + (i % 3), 4 + (int) i, (int) i * 100) : new Vehicle(i, "owner" + (i % 3), 2));
                }
            });
            seen.add("updated " + sf.fromTransaction(s -> s.createMutationQuery("update Vehicle v set v.owner = 'fleet' where v.wheels > 6")
                    .executeUpdate()));
            seen.add("updated trucks " + sf.fromTransaction(s -> s.createMutationQuery("update Truck t set t.payload = t.payload + 1, "
                    + "t.owner = 'hauler' where t.owner <> 'fleet'").executeUpdate()));
            seen.add("deleted " + sf.fromTransaction(s -> s.createMutationQuery("delete from Vehicle v where v.owner = 'owner1'")
                    .executeUpdate()));
            sf.inTransaction(s -> {
                seen.add("deleted trucks " + s.createMutationQuery("delete from Truck t where t.payload > 500").executeUpdate());
                seen.add("updated again " + s.createMutationQuery("update Vehicle v set v.wheels = v.wheels + 1").executeUpdate());
            });
            sf.inSession(s -> {
                for (Vehicle v : s.createSelectionQuery("from Vehicle v order by v.id", Vehicle.class).getResultList()) {
                    seen.add(v.getId() + " " + v.getClass().getSimpleName() + " " + v.getOwner() + " " + v.getWheels()
                            + (v instanceof Truck t ? " " + t.getPayload() : ""));
                }
            });
        }
        return seen;
    }

    @Test
    void bulkMutationsOfAJoinedHierarchyBehaveAsOnH2() {
        List<String> h2 = scenario("jdbc:h2:" + dir.resolve("h2/db"));
        List<String> lightning = scenario("jdbc:lightning:" + dir.resolve("lightning"));
        assertThat(lightning).containsExactlyElementsOf(h2);
        assertThat(lightning).contains("deleted trucks 1");
    }

    @Test
    void theIdTablesAreGlobalTemporaryAndTheirRowsNeverReachTheDatabase() throws SQLException {
        String url = "jdbc:lightning:" + dir.resolve("lightning");
        scenario(url);
        Map<String, String> types = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", null)) {
            while (rs.next()) {
                types.put(rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"));
            }
        }
        assertThat(types).containsEntry("TRUCK", "TABLE").containsEntry("VEHICLE", "TABLE").containsEntry("HT_VEHICLE", "GLOBAL TEMPORARY");
        try (LightningDb engine = LightningDb.open(dir.resolve("lightning")); Cursor all = engine.scan(KeyRange.all())) {
            while (all.next()) {
                assertThat(all.key()[0] & 0xFF).as("a key of the shared database").isLessThan(0x80);
            }
        }
    }
}
