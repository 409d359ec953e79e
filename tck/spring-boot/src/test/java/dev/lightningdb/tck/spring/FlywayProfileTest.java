package dev.lightningdb.tck.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same application with the schema made by Flyway (profile {@code flyway}, migrations in
 * {@code db/migration}) and validated by Hibernate. V3 adds a column to a table with rows, fills it
 * and puts a unique index on it, all in Flyway's one transaction.
 */
@SpringBootTest
@ActiveProfiles("flyway")
class FlywayProfileTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BookRepository books;
    @Autowired
    LibraryService service;
    @Autowired
    LibraryFixture fixture;

    @Test
    void flywayMigratedAndHibernateAcceptedTheSchema() {
        assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" ORDER BY \"installed_rank\"",
                String.class)).containsExactly("1", "2", "3");
        Boolean uniqueIsbn = jdbc.execute((ConnectionCallback<Boolean>) c -> {
            try (ResultSet indexes = c.getMetaData().getIndexInfo(null, null, "BOOK", true, false)) {
                while (indexes.next()) {
                    if ("UQ_BOOK_ISBN".equals(indexes.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
                return false;
            }
        });
        assertThat(uniqueIsbn).as("V3's unique index").isTrue();
        Boolean liquibaseTable = jdbc.execute((ConnectionCallback<Boolean>) c -> {
            try (ResultSet tables = c.getMetaData().getTables(null, null, "DATABASECHANGELOG", null)) {
                return tables.next();
            }
        });
        assertThat(liquibaseTable).as("Liquibase is off under this profile").isFalse();
    }

    @Test
    void theApplicationWorksOnTheMigratedSchema() {
        fixture.reset();
        assertThat(books.findByTitleContainingIgnoreCase("gods")).extracting(Book::getTitle).containsExactly("Small Gods");
        assertThatThrownBy(() -> service.publish("Someone", "Copy", "978-0-001")).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(books.count()).isEqualTo(LibraryFixture.BOOKS.size());
    }
}
