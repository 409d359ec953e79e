package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.LightningDb;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Foreign keys enforced: checks, actions, chains, keys of several columns, UNIQUE references, DDL rules. */
class ForeignKeyTest extends SqlTestSupport {

    private void parentAndChild(String actions) {
        update("CREATE TABLE parent (id INT PRIMARY KEY, code VARCHAR(5) UNIQUE)");
        update("CREATE TABLE child (id INT PRIMARY KEY, pid INT DEFAULT 0, CONSTRAINT fk_child FOREIGN KEY (pid) REFERENCES parent (id) "
                + actions + ")");
        update("INSERT INTO parent VALUES (0, 'zero'), (1, 'one'), (2, 'two')");
        update("INSERT INTO child VALUES (10, 1), (11, 1), (12, 2), (13, NULL)");
    }

    @Test
    void childRowsMustReferenceAnExistingParent() {
        parentAndChild("");
        assertFails("23503", "INSERT INTO child VALUES (20, 9)").hasMessageContaining("FK_CHILD").hasMessageContaining("(PID)=(9)");
        assertFails("23503", "UPDATE child SET pid = 9 WHERE id = 10");
        assertFails("23503", "UPDATE child SET pid = 9");
        assertFails("23503", "INSERT INTO child VALUES (20, 2), (21, 9)");
        assertThat(single("SELECT COUNT(*) FROM child")).isEqualTo(4L);
        update("INSERT INTO child VALUES (20, NULL)"); // MATCH SIMPLE: NULL references nothing
        update("INSERT INTO child SELECT id + 100, id FROM parent");
        assertThat(single("SELECT COUNT(*) FROM child")).isEqualTo(8L);
    }

    @Test
    void noActionAndRestrictRefuseToRemoveAReferencedKey() {
        parentAndChild("ON DELETE NO ACTION ON UPDATE RESTRICT");
        assertFails("23503", "DELETE FROM parent WHERE id = 1").hasMessageContaining("still referenced from table CHILD");
        assertFails("23503", "DELETE FROM parent");
        assertFails("23503", "UPDATE parent SET id = 5 WHERE id = 2");
        assertThat(single("SELECT COUNT(*) FROM parent")).isEqualTo(3L);
        update("DELETE FROM parent WHERE id = 0");
        update("UPDATE parent SET code = 'uno' WHERE id = 1"); // the key stays: nothing to check
        update("DELETE FROM child WHERE pid = 1");
        update("DELETE FROM parent WHERE id = 1");
        assertThat(rows("SELECT id FROM parent")).containsExactly(List.of(2));
    }

    @Test
    void noActionPassesWhenTheStatementGivesTheKeyBackRestrictDoesNot() {
        update("CREATE TABLE p (id INT PRIMARY KEY, n INT)");
        update("CREATE TABLE c1 (id INT PRIMARY KEY, pid INT REFERENCES p (id))");
        update("INSERT INTO p VALUES (1, 1), (2, 2)");
        update("INSERT INTO c1 VALUES (1, 1), (2, 2)");
        update("UPDATE p SET id = 3 - id"); // 1 ↔ 2: every referenced key exists again at the end
        assertThat(rows("SELECT id, n FROM p ORDER BY id")).containsExactly(List.of(1, 2), List.of(2, 1));
        update("CREATE TABLE c2 (id INT PRIMARY KEY, pid INT REFERENCES p (id) ON UPDATE RESTRICT)");
        update("INSERT INTO c2 VALUES (1, 1)");
        assertFails("23503", "UPDATE p SET id = 3 - id");
    }

    @Test
    void cascadeDeletesAndCarriesNewKeys() {
        parentAndChild("ON DELETE CASCADE ON UPDATE CASCADE");
        update("DELETE FROM parent WHERE id = 1");
        assertThat(rows("SELECT id, pid FROM child ORDER BY id")).containsExactly(List.of(12, 2), Arrays.asList(13, null));
        update("UPDATE parent SET id = 7 WHERE id = 2");
        assertThat(rows("SELECT id, pid FROM child ORDER BY id")).containsExactly(List.of(12, 7), Arrays.asList(13, null));
    }

    @Test
    void setNullAndSetDefault() {
        parentAndChild("ON DELETE SET NULL ON UPDATE SET DEFAULT");
        update("DELETE FROM parent WHERE id = 1");
        assertThat(rows("SELECT id, pid FROM child ORDER BY id")).containsExactly(Arrays.asList(10, null), Arrays.asList(11, null),
                List.of(12, 2), Arrays.asList(13, null));
        update("UPDATE parent SET id = 5 WHERE id = 2");
        assertThat(rows("SELECT pid FROM child WHERE id = 12")).containsExactly(List.of(0));
        // SET DEFAULT to a key that is gone: the default must reference a parent too
        update("UPDATE child SET pid = 5 WHERE id = 12");
        update("DELETE FROM parent WHERE id = 0");
        assertFails("23503", "UPDATE parent SET id = 6 WHERE id = 5");
    }

    @Test
    void cascadesChainOverTablesAndStopInCycles() {
        update("CREATE TABLE a (id INT PRIMARY KEY)");
        update("CREATE TABLE b (id INT PRIMARY KEY, aid INT REFERENCES a ON DELETE CASCADE)");
        update("CREATE TABLE c (id INT PRIMARY KEY, bid INT REFERENCES b ON DELETE CASCADE)");
        update("INSERT INTO a VALUES (1), (2)");
        update("INSERT INTO b VALUES (1, 1), (2, 2)");
        update("INSERT INTO c VALUES (1, 1), (2, 1), (3, 2)");
        update("DELETE FROM a WHERE id = 1");
        assertThat(rows("SELECT id FROM c ORDER BY id")).containsExactly(List.of(3));
        // a self-referencing tree: deleting the root deletes every descendant
        update("CREATE TABLE node (id INT PRIMARY KEY, up INT REFERENCES node ON DELETE CASCADE)");
        update("INSERT INTO node VALUES (1, NULL), (2, 1), (3, 2), (4, 3), (5, NULL)");
        update("DELETE FROM node WHERE id = 1");
        assertThat(rows("SELECT id FROM node")).containsExactly(List.of(5));
        // a cycle of rows: each references the next
        update("INSERT INTO node VALUES (6, NULL), (7, 6)");
        update("UPDATE node SET up = 7 WHERE id = 6");
        update("DELETE FROM node WHERE id = 7");
        assertThat(rows("SELECT id FROM node")).containsExactly(List.of(5));
    }

    @Test
    void selfReferencesInOneStatement() {
        update("CREATE TABLE emp (id INT PRIMARY KEY, boss INT REFERENCES emp (id))");
        update("INSERT INTO emp VALUES (1, NULL), (2, 1), (3, 2)"); // parents come in the same statement
        update("INSERT INTO emp VALUES (5, 4), (4, 1)"); // even after their children
        assertFails("23503", "INSERT INTO emp VALUES (6, 8)");
        assertFails("23503", "DELETE FROM emp WHERE id = 2");
        update("DELETE FROM emp"); // the children go in the same statement
        assertThat(single("SELECT COUNT(*) FROM emp")).isEqualTo(0L);
    }

    @Test
    void keysOfSeveralColumnsAndUniqueReferences() {
        update("CREATE TABLE stock (wh VARCHAR(4), sku INT, code VARCHAR(8) UNIQUE, PRIMARY KEY (sku, wh))");
        update("CREATE TABLE line (id INT PRIMARY KEY, wh VARCHAR(4), sku INT, code VARCHAR(8), "
                + "FOREIGN KEY (wh, sku) REFERENCES stock (wh, sku) ON DELETE CASCADE, "
                + "FOREIGN KEY (code) REFERENCES stock (code) ON UPDATE CASCADE)");
        update("INSERT INTO stock VALUES ('n', 1, 'a'), ('s', 1, 'b')");
        update("INSERT INTO line VALUES (1, 'n', 1, 'a'), (2, 's', 1, NULL), (3, NULL, 7, 'b')");
        assertFails("23503", "INSERT INTO line VALUES (4, 'x', 1, NULL)");
        assertFails("23503", "INSERT INTO line VALUES (4, NULL, NULL, 'zz')");
        update("UPDATE stock SET code = 'bb' WHERE code = 'b'");
        assertThat(single("SELECT code FROM line WHERE id = 3")).isEqualTo("bb");
        update("DELETE FROM stock WHERE wh = 'n'");
        assertThat(rows("SELECT id FROM line ORDER BY id")).containsExactly(List.of(2), List.of(3));
        assertFails("42830", "CREATE TABLE bad (id INT PRIMARY KEY, wh VARCHAR(4) REFERENCES stock (wh))");
        assertFails("2BP01", "ALTER TABLE stock DROP COLUMN code"); // line's foreign key references it
        update("ALTER TABLE line DROP COLUMN code");
        update("ALTER TABLE stock DROP COLUMN code");
    }

    @Test
    void failingStatementChangesNothing() {
        update("CREATE TABLE p (id INT PRIMARY KEY)");
        update("CREATE TABLE casc (id INT PRIMARY KEY, pid INT REFERENCES p ON DELETE CASCADE)");
        update("CREATE TABLE keep (id INT PRIMARY KEY, cid INT REFERENCES casc)");
        update("INSERT INTO p VALUES (1), (2)");
        update("INSERT INTO casc VALUES (1, 1), (2, 2)");
        update("INSERT INTO keep VALUES (1, 2)");
        session.setAutoCommit(false);
        assertFails("23503", "DELETE FROM p"); // cascades into casc, whose row 2 keep references
        assertThat(single("SELECT COUNT(*) FROM p")).isEqualTo(2L);
        assertThat(single("SELECT COUNT(*) FROM casc")).isEqualTo(2L);
        update("DELETE FROM p WHERE id = 1");
        session.commit();
        assertThat(rows("SELECT id FROM casc")).containsExactly(List.of(2));
    }

    @Test
    void schemaChanges() {
        parentAndChild("");
        update("CREATE TABLE other (id INT PRIMARY KEY, x INT)");
        update("INSERT INTO other VALUES (1, 1), (2, 99)");
        assertFails("23503", "ALTER TABLE other ADD CONSTRAINT fk_other FOREIGN KEY (x) REFERENCES parent");
        update("DELETE FROM other WHERE id = 2");
        update("ALTER TABLE other ADD CONSTRAINT fk_other FOREIGN KEY (x) REFERENCES parent");
        assertFails("2BP01", "DROP TABLE parent");
        assertFails("23503", "TRUNCATE TABLE parent");
        update("ALTER TABLE parent RENAME TO mother");
        assertFails("23503", "INSERT INTO child VALUES (30, 9)");
        update("ALTER TABLE mother RENAME COLUMN id TO mid");
        assertFails("23503", "DELETE FROM mother WHERE mid = 1");
        update("DROP TABLE mother CASCADE");
        update("INSERT INTO child VALUES (30, 9)");
        assertThat(db.catalog().table(new dev.lightningdb.sql.ast.QualifiedName(null, "CHILD")).constraints()).isEmpty();
    }

    @Test
    void enforcementCanBeTurnedOffPerSession() {
        parentAndChild("ON DELETE CASCADE");
        update("SET REFERENTIAL_INTEGRITY FALSE");
        update("INSERT INTO child VALUES (20, 9)");
        update("DELETE FROM parent WHERE id = 1"); // no cascade either
        assertThat(single("SELECT COUNT(*) FROM child")).isEqualTo(5L);
        update("SET REFERENTIAL_INTEGRITY TRUE");
        assertFails("23503", "INSERT INTO child VALUES (21, 9)");
        assertFails("22023", "SET REFERENTIAL_INTEGRITY maybe");
    }

    @Test
    void actionsSurviveReopening(@TempDir Path dir) {
        session.close();
        db.close();
        db = Database.open(LightningDb.open(dir));
        session = db.newSession();
        parentAndChild("ON DELETE CASCADE ON UPDATE SET NULL");
        session.close();
        db.close();
        db = Database.open(LightningDb.open(dir));
        session = db.newSession();
        update("DELETE FROM parent WHERE id = 1");
        update("UPDATE parent SET id = 9 WHERE id = 2");
        assertThat(rows("SELECT id, pid FROM child ORDER BY id")).containsExactly(Arrays.asList(12, null), Arrays.asList(13, null));
    }
}
