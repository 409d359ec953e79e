package dev.lightningdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.sql.exec.Database;
import dev.lightningdb.sql.exec.QueryResult;
import dev.lightningdb.sql.exec.Session;
import dev.lightningdb.sql.exec.UpdateCount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSmokeTest {
    @Test
    void createInsertSelect() {
        try (Database db = Database.open(LightningDb.inMemory()); Session s = db.newSession()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20), score DOUBLE)");
            assertThat(((UpdateCount) s.execute("INSERT INTO t VALUES (1, 'a', 1.5), (2, 'b', 2.5), (3, NULL, 3.5)")).count()).isEqualTo(3);
            assertThat(((UpdateCount) s.execute("INSERT INTO t VALUES (?, ?, ?)", 4, "d", 4.5)).count()).isEqualTo(1);
            List<String> out = new ArrayList<>();
            try (QueryResult r = (QueryResult) s.execute("SELECT id, name FROM t WHERE id >= ? ORDER BY id DESC", 2)) {
                while (r.next()) {
                    out.add(r.get(0) + ":" + r.get(1));
                }
            }
            assertThat(out).containsExactly("4:d", "3:null", "2:b");
            s.execute("UPDATE t SET score = score * 2 WHERE id = 1");
            s.execute("DELETE FROM t WHERE id = 2");
            try (QueryResult r = (QueryResult) s.execute("SELECT COUNT(*), SUM(score) FROM t")) {
                assertThat(r.next()).isTrue();
                assertThat(r.get(0)).isEqualTo(3L);
                assertThat(r.get(1)).isEqualTo(11.0);
            }
        }
    }
}
