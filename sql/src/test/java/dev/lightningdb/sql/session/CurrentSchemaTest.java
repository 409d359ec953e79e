package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A session's current schema: where names without a schema are, in DDL, DML and queries, and in cached plans. */
class CurrentSchemaTest extends SqlTestSupport {
    private void twoSchemasWithTableT() {
        update("CREATE SCHEMA s");
        update("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
        update("INSERT INTO t VALUES (1, 'public')");
        update("SET SCHEMA s");
        update("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10), extra INT)");
        update("INSERT INTO t VALUES (1, 's', 0)");
    }

    @Test
    void currentSchemaIsPublicUntilSet() {
        assertThat(session.schema()).isEqualTo("PUBLIC");
        assertThat(single("SELECT CURRENT_SCHEMA")).isEqualTo("PUBLIC");
        assertThat(single("SELECT CURRENT_SCHEMA()")).isEqualTo("PUBLIC");
        update("CREATE SCHEMA app");
        update("SET SCHEMA app");
        assertThat(single("SELECT CURRENT_SCHEMA")).isEqualTo("APP");
        update("SET SCHEMA 'PUBLIC'");
        assertThat(session.schema()).isEqualTo("PUBLIC");
        update("SET search_path TO nosuch, app, public");
        assertThat(session.schema()).isEqualTo("APP");
        update("SET search_path = 'public'");
        assertThat(session.schema()).isEqualTo("PUBLIC");
        session.setSchema("APP");
        assertThat(single("SELECT CURRENT_SCHEMA()")).isEqualTo("APP");
    }

    @Test
    void unknownSchemasAreRefused() {
        assertFails("3F000", "SET SCHEMA nosuch");
        assertFails("3F000", "SET search_path TO nosuch");
        assertThatThrownBy(() -> session.setSchema("nosuch")).isInstanceOf(SqlError.class).hasFieldOrPropertyWithValue("sqlState", "3F000");
        assertFails("42000", "SET nosuch_setting TO 1");
        assertThat(session.schema()).isEqualTo("PUBLIC");
    }

    @Test
    void namesWithoutSchemaResolveInTheCurrentSchema() {
        twoSchemasWithTableT();
        assertThat(rows("SELECT * FROM t")).containsExactly(List.of(1, "s", 0));
        assertThat(rows("SELECT v FROM t WHERE id = 1")).containsExactly(List.of("s")); // a point lookup
        assertThat(rows("SELECT v FROM t WHERE id = 1 FOR UPDATE")).containsExactly(List.of("s"));
        assertThat(rows("SELECT v FROM PUBLIC.t")).containsExactly(List.of("public"));
        update("UPDATE t SET v = 's2' WHERE id = 1");
        update("INSERT INTO t (id, v) VALUES (2, 'x')");
        update("DELETE FROM t WHERE id = 2");
        update("CREATE INDEX t_v ON t (v)");
        update("CREATE SEQUENCE seq START WITH 10");
        assertThat(single("SELECT NEXT VALUE FOR seq")).isEqualTo(10L);
        assertThat(single("SELECT NEXT VALUE FOR s.seq")).isEqualTo(11L);
        update("ALTER TABLE t RENAME TO u");
        assertThat(rows("SELECT v FROM s.u")).containsExactly(List.of("s2"));
        update("SET SCHEMA PUBLIC");
        assertThat(rows("SELECT * FROM t")).containsExactly(List.of(1, "public"));
        assertFails("42S02", "SELECT * FROM u");
        assertFails("42S02", "SELECT NEXT VALUE FOR seq");
        assertThat(db.metadata().tables()).extracting(t -> t.schema() + "." + t.name()).containsExactly("PUBLIC.T", "S.U");
    }

    @Test
    void cachedStatementsAndPlansAreNotSharedAcrossSchemas() {
        twoSchemasWithTableT();
        Session other = db.newSession(); // in PUBLIC
        try {
            for (int i = 0; i < 3; i++) { // the same texts, parsed and planned once per schema, answered per schema
                assertThat(rows("SELECT v FROM t WHERE v <> 'zzz'")).containsExactly(List.of("s"));
                assertThat(rows(other, "SELECT v FROM t WHERE v <> 'zzz'")).containsExactly(List.of("public"));
                assertThat(rows("SELECT v FROM t WHERE id = 1")).containsExactly(List.of("s"));
                assertThat(rows(other, "SELECT v FROM t WHERE id = 1")).containsExactly(List.of("public"));
                assertThat(rows("SELECT COUNT(*), CURRENT_SCHEMA FROM t")).containsExactly(List.of(1L, "S"));
                assertThat(rows(other, "SELECT COUNT(*), CURRENT_SCHEMA FROM t")).containsExactly(List.of(1L, "PUBLIC"));
            }
        } finally {
            other.close();
        }
    }

    @Test
    void aPreparedStatementFollowsTheSessionToAnotherSchema() {
        twoSchemasWithTableT();
        Prepared p = session.prepare("SELECT v FROM t WHERE id = ?");
        Prepared insert = session.prepare("INSERT INTO t (id, v) VALUES (?, 'new')");
        assertThat(rows(p, 1)).containsExactly(List.of("s"));
        session.setSchema("PUBLIC");
        assertThat(p.columns()).hasSize(1);
        assertThat(rows(p, 1)).containsExactly(List.of("public"));
        insert.execute(new Object[] {5}, new AtomicBoolean());
        assertThat(rows("SELECT v FROM PUBLIC.t WHERE id = 5")).containsExactly(List.of("new"));
        assertThat(rows("SELECT v FROM s.t WHERE id = 5")).isEmpty();
    }

    @Test
    void droppingTheCurrentSchemaLeavesNamesWithoutSchemaUnresolved() {
        update("CREATE SCHEMA s");
        update("SET SCHEMA s");
        update("CREATE TABLE t (id INT PRIMARY KEY)");
        update("DROP SCHEMA s CASCADE");
        assertThat(session.schema()).isEqualTo("S");
        assertFails("42S02", "SELECT * FROM t");
        assertFails("3F000", "CREATE TABLE t2 (id INT PRIMARY KEY)");
        update("SET SCHEMA PUBLIC");
        update("CREATE TABLE t2 (id INT PRIMARY KEY)");
    }

    @Test
    void aSchemaCreatedInTheOpenTransactionCanBeSet() {
        session.setAutoCommit(false);
        update("CREATE SCHEMA s");
        update("SET SCHEMA s");
        update("CREATE TABLE t (id INT PRIMARY KEY)");
        session.commit();
        assertThat(db.metadata().tables()).extracting(t -> t.schema() + "." + t.name()).containsExactly("S.T");
    }

    private List<List<Object>> rows(Session s, String sql) {
        return rows(s.prepare(sql));
    }

    private static List<List<Object>> rows(Prepared p, Object... params) {
        List<List<Object>> out = new ArrayList<>();
        try (QueryResult r = (QueryResult) p.execute(params, new AtomicBoolean())) {
            while (r.next()) {
                out.add(Arrays.asList(r.row()));
            }
        }
        return out;
    }
}
