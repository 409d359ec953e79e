package dev.lightningdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A JSON column: text validated when stored (22032 when it is not JSON), bound with setString or
 * setObject (a Map or List is written as JSON), read with getString, reported as OTHER/JSON, and
 * taken by Calcite's JSON functions (JSON_VALUE, IS JSON, JSON_OBJECT, JSON_ARRAY). Not compared with H2: H2 2.3 turns a character string stored
 * into a JSON column into a JSON string value (unless written {@code FORMAT JSON}) and has no
 * JSON_VALUE, JSON_QUERY or JSON_EXISTS; PostgreSQL's {@code json} keeps the text, as here.
 */
class JsonColumnTest {
    @Test
    void storesValidatedTextAndAnswersJsonFunctions() throws SQLException {
        try (Connection c = Jdbc.open(Jdbc.freshUrl())) {
            Jdbc.update(c, "CREATE TABLE DOC (ID INT PRIMARY KEY, BODY JSON)",
                    "INSERT INTO DOC VALUES (1, '{\"a\": 1, \"tags\": [\"x\", \"y\"]}'), (2, '[1, 2, 3]'), (3, NULL)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO DOC VALUES (?, ?)")) {
                p.setInt(1, 4);
                p.setString(2, "{\"a\": 4}");
                p.executeUpdate();
                p.setInt(1, 5);
                p.setObject(2, Map.of("a", 5));
                p.executeUpdate();
                p.setInt(1, 6);
                p.setObject(2, List.of("p", "q"));
                p.executeUpdate();
            }
            assertThat(Jdbc.rows(c, "SELECT ID, BODY FROM DOC ORDER BY ID")).containsExactly(
                    "1|{\"a\": 1, \"tags\": [\"x\", \"y\"]}", "2|[1, 2, 3]", "3|null", "4|{\"a\": 4}", "5|{\"a\":5}", "6|[\"p\",\"q\"]");
            assertThat(Jdbc.rows(c, "SELECT ID, JSON_VALUE(BODY, '$.a') FROM DOC WHERE BODY IS JSON OBJECT ORDER BY ID"))
                    .containsExactly("1|1", "4|4", "5|5");
            assertThat(Jdbc.rows(c, "SELECT JSON_QUERY(BODY, '$.tags'), JSON_EXISTS(BODY, '$.tags') FROM DOC WHERE ID IN (1, 4) ORDER BY ID"))
                    .containsExactly("[\"x\",\"y\"]|true", "null|false");
            assertThat(Jdbc.rows(c, "SELECT ID FROM DOC WHERE BODY IS JSON ARRAY ORDER BY ID")).containsExactly("2", "6");
            assertThat(Jdbc.rows(c, "SELECT JSON_OBJECT('k' VALUE ID), JSON_ARRAY(ID, 'x') FROM DOC WHERE ID = 1"))
                    .containsExactly("{\"k\":1}|[1,\"x\"]");
            Jdbc.update(c, "UPDATE DOC SET BODY = JSON_OBJECT('id' VALUE ID) WHERE ID = 2");
            assertThat(Jdbc.rows(c, "SELECT BODY FROM DOC WHERE ID = 2")).containsExactly("{\"id\":2}");
            try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "DOC", "BODY")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.OTHER);
                assertThat(rs.getString("TYPE_NAME")).isEqualTo("JSON");
            }
        }
    }

    @Test
    void textThatIsNotJsonIsADataError() throws SQLException {
        try (Connection c = Jdbc.open(Jdbc.freshUrl())) {
            Jdbc.update(c, "CREATE TABLE DOC (ID INT PRIMARY KEY, BODY JSON)");
            for (String bad : List.of("{", "{\"a\": }", "not json", "[1, 2", "")) {
                assertThatThrownBy(() -> Jdbc.update(c, "INSERT INTO DOC VALUES (1, '" + bad + "')")).as(bad)
                        .satisfies(e -> assertThat(Jdbc.state(e)).isEqualTo("22032"));
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE DOC SET BODY = ? WHERE ID = 1")) {
                Jdbc.update(c, "INSERT INTO DOC VALUES (1, '{}')");
                p.setString(1, "{oops");
                assertThatThrownBy(p::executeUpdate).satisfies(e -> assertThat(Jdbc.state(e)).isEqualTo("22032"));
            }
            assertThat(Jdbc.rows(c, "SELECT BODY FROM DOC")).containsExactly("{}");
        }
    }
}
