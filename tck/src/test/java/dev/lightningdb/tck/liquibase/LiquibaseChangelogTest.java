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
import liquibase.database.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Liquibase 4 with the LightningDB extension (found through its service file, never configured)
 * runs the same two releases written as YAML, XML and formatted SQL: update to the first release,
 * tag it, check {@code status}, update to the second, roll back to the tag, update again. At each
 * step the schema (through JDBC metadata), the rows and DATABASECHANGELOG must be what H2 shows for
 * the same change logs, and after the rollback exactly what the first release left.
 */
class LiquibaseChangelogTest {
    @TempDir
    Path dir;

    @Test
    void liquibaseFindsTheLightningDatabaseByItself() throws Exception {
        try (LiquibaseSession session = LiquibaseSession.open(lightningUrl("found"))) {
            Database database = session.database();
            assertThat(database.getShortName()).isEqualTo("lightning");
            assertThat(database.getClass().getName()).isEqualTo("dev.lightningdb.liquibase.LightningDatabase");
            assertThat(database.getDefaultSchemaName()).isEqualTo("PUBLIC");
            assertThat(database.getDefaultCatalogName()).isNull();
            assertThat(database.supportsSequences()).isTrue();
            assertThat(database.supportsTablespaces()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml/v1.yaml|yaml/v2.yaml", "xml/v1.xml|xml/v2.xml", "sql/v1.sql|sql/v2.sql"})
    void updateTagStatusRollbackAndUpdateAgainBehaveAsOnH2(String changelogs) throws Exception {
        String[] files = changelogs.split("\\|");
        String v1 = "liquibase/" + files[0];
        String v2 = "liquibase/" + files[1];
        DatabaseObservations h2 = scenario("jdbc:h2:" + dir.resolve("h2/db"), v1, v2);
        DatabaseObservations lightning = scenario(lightningUrl("db"), v1, v2);
        assertThat(lightning.lines()).containsExactlyElementsOf(h2.lines());

        // What the change logs say, spelled out (H2 agreeing is not enough on its own).
        assertThat(lightning.lines()).contains("pending before: 5", "pending after v1: 0", "pending of v2: 6",
                "pending after v2: 0", "pending after rollback: 6");
        assertThat(lightning.linesOf("v1 tagged")).contains(
                "AUTHOR column ID BIGINT not null identity",
                "AUTHOR column ACTIVE BOOLEAN not null default TRUE",
                "AUTHOR unique [EMAIL]",
                "BOOK index IX_BOOK_TITLE [TITLE]",
                "BOOK foreign key FK_BOOK_AUTHOR (AUTHOR_ID) references AUTHOR (ID)",
                "AUTHOR row {ACTIVE=false, CREATED=<a time>, EMAIL=grace@example.com, ID=3, NAME=Grace Hopper, NICKNAME=null, RATING=5}",
                "sequence SEQ_REVIEW increment 10");
        assertThat(lightning.linesOf("v1 tagged").get(lightning.linesOf("v1 tagged").size() - 1)).endsWith("tag v1");
        assertThat(lightning.linesOf("v2")).contains(
                "AUTHOR column SCORE INTEGER default 3",
                "BOOK unique [ISBN]",
                "REVIEW foreign key FK_REVIEW_BOOK (BOOK_ID) references BOOK (ID)",
                "REVIEW row {BOOK_ID=4, ID=100, STARS=5}")
                .noneMatch(line -> line.contains("NICKNAME"));

        // Rolling back to the tag restores the first release exactly: schema, rows and history.
        assertThat(lightning.linesOf("rolled back")).isNotEmpty().containsExactlyElementsOf(lightning.linesOf("v1 tagged"));
    }

    /** Tables, indexes, sequences and rows in a schema made by the change log, then rolled back with it. */
    @Test
    void changesInAnotherSchemaStayThereAndRollBack() throws Exception {
        String url = lightningUrl("schemas");
        String changelog = "liquibase/schema/changelog.yaml";
        try (LiquibaseSession liquibase = LiquibaseSession.open(url)) {
            liquibase.tag("empty");
            liquibase.update(changelog);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                assertThat(names(c.getMetaData().getTables(null, "INVENTORY", "%", null), "TABLE_NAME"))
                        .containsExactly("SEQ_PART", "PART");
                assertThat(names(c.getMetaData().getTables(null, "PUBLIC", "PART", null), "TABLE_NAME")).isEmpty();
                assertThat(names(c.getMetaData().getIndexInfo(null, "INVENTORY", "PART", false, false), "INDEX_NAME"))
                        .contains("IX_PART_NAME");
                try (ResultSet rs = s.executeQuery("SELECT id, name, qty FROM inventory.part")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getInt(3)).isEqualTo("1 bolt 0");
                }
            }
            liquibase.rollback(changelog, "empty");
            try (Connection c = DriverManager.getConnection(url)) {
                assertThat(names(c.getMetaData().getSchemas(), "TABLE_SCHEM")).doesNotContain("INVENTORY");
            }
        }
    }

    private static List<String> names(ResultSet rs, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }

    private String lightningUrl(String name) {
        return "jdbc:lightning:" + dir.resolve("lightning-" + name);
    }

    private static DatabaseObservations scenario(String url, String v1, String v2) throws Exception {
        DatabaseObservations seen = new DatabaseObservations(url);
        try (LiquibaseSession liquibase = LiquibaseSession.open(url)) {
            seen.note("pending before: " + liquibase.pending(v1));
            liquibase.update(v1);
            seen.note("pending after v1: " + liquibase.pending(v1));
            liquibase.tag("v1");
            seen.everything("v1 tagged");

            seen.note("pending of v2: " + liquibase.pending(v2));
            liquibase.update(v2);
            seen.note("pending after v2: " + liquibase.pending(v2));
            seen.everything("v2");
            liquibase.update(v2); // nothing left to do
            seen.everything("v2 again");

            liquibase.rollback(v2, "v1");
            seen.note("pending after rollback: " + liquibase.pending(v2));
            seen.everything("rolled back");

            liquibase.update(v2);
            seen.everything("updated again");
        }
        return seen;
    }
}
