package dev.lightningdb.tck.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;

/**
 * Hibernate 7 (Boot's) runs bulk UPDATE and DELETE of a joined hierarchy through the dialect's
 * GLOBAL TEMPORARY id tables, as Hibernate 6.6 does in the main tck. Its entities stay out of the
 * Spring application's package, whose entity scan (with schema validation) would otherwise find them.
 */
class BulkMutationIdTablesTest {
    /** The root of a joined hierarchy. */
    @Entity(name = "Parcel")
    @Inheritance(strategy = InheritanceType.JOINED)
    public static class Parcel {
        @Id
        Long id;
        String sender;
        int grams;

        protected Parcel() {
        }

        Parcel(Long id, String sender, int grams) {
            this.id = id;
            this.sender = sender;
            this.grams = grams;
        }
    }

    /** A parcel with a table of its own. */
    @Entity(name = "Express")
    public static class Express extends Parcel {
        int hours;

        protected Express() {
        }

        Express(Long id, String sender, int grams, int hours) {
            super(id, sender, grams);
            this.hours = hours;
        }
    }

    @Test
    void bulkUpdateAndDeleteGoThroughGlobalTemporaryIdTables() throws SQLException {
        String url = "jdbc:lightning:mem:bulk-" + UUID.randomUUID();
        Configuration configuration = new Configuration().addAnnotatedClass(Parcel.class).addAnnotatedClass(Express.class);
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, url);
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "create");
        try (Connection keepAlive = DriverManager.getConnection(url);
             SessionFactory sf = configuration.buildSessionFactory()) {
            sf.inTransaction(s -> {
                for (long i = 1; i <= 6; i++) {
                    s.persist(i % 2 == 0 ? new Express(i, "s" + (i % 3), (int) i * 10, (int) i) : new Parcel(i, "s" + (i % 3), (int) i * 10));
                }
            });
            int updated = sf.fromTransaction(s -> s.createMutationQuery("update Parcel p set p.sender = 'bulk' where p.grams > 30")
                    .executeUpdate());
            int expressUpdated = sf.fromTransaction(s -> s.createMutationQuery("update Express e set e.hours = e.hours + 1, "
                    + "e.sender = 'fast' where e.hours < 5").executeUpdate());
            int deleted = sf.fromTransaction(s -> s.createMutationQuery("delete from Parcel p where p.sender = 's1'").executeUpdate());
            assertThat(updated).isEqualTo(3);
            assertThat(expressUpdated).isEqualTo(2);
            assertThat(deleted).isEqualTo(1);
            Long left = sf.fromSession(s -> s.createSelectionQuery("select count(p) from Parcel p", Long.class).getSingleResult());
            assertThat(left).isEqualTo(5L);
            try (ResultSet rs = keepAlive.getMetaData().getTables(null, null, "HT_PARCEL", null)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("TABLE_TYPE")).isEqualTo("GLOBAL TEMPORARY");
            }
        }
    }
}
