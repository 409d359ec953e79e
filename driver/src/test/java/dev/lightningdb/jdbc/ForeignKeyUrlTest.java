package dev.lightningdb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code referentialIntegrity=false} in the URL: that connection's statements leave foreign keys unchecked; others still check. */
class ForeignKeyUrlTest {
    @Test
    void aUrlPropertyTurnsEnforcementOffForItsConnectionsOnly() throws SQLException {
        String url = "jdbc:lightning:mem:fk_url";
        try (Connection checked = DriverManager.getConnection(url);
                Connection unchecked = DriverManager.getConnection(url + "?referentialIntegrity=false");
                Statement s = checked.createStatement(); Statement u = unchecked.createStatement()) {
            s.executeUpdate("CREATE TABLE parent (id INT PRIMARY KEY)");
            s.executeUpdate("CREATE TABLE child (id INT PRIMARY KEY, pid INT REFERENCES parent ON DELETE CASCADE ON UPDATE SET NULL)");
            assertThat(u.executeUpdate("INSERT INTO child VALUES (1, 7)")).isEqualTo(1);
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO child VALUES (2, 7)")).isInstanceOf(SQLException.class)
                    .hasFieldOrPropertyWithValue("SQLState", "23503").hasMessageContaining("FK_CHILD_1");
            DatabaseMetaData md = checked.getMetaData();
            try (ResultSet r = md.getImportedKeys(null, null, "CHILD")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getShort("DELETE_RULE")).isEqualTo((short) DatabaseMetaData.importedKeyCascade);
                assertThat(r.getShort("UPDATE_RULE")).isEqualTo((short) DatabaseMetaData.importedKeySetNull);
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:lightning:mem:fk_url2?referentialIntegrity=maybe"))
                .isInstanceOf(SQLException.class).hasFieldOrPropertyWithValue("SQLState", "08001");
    }
}
