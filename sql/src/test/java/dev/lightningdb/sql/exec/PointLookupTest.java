package dev.lightningdb.sql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.SequenceDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.TableStats;
import dev.lightningdb.sql.parser.SqlParser;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

/** The adapter from the parse tree: which WHEREs run as one key lookup without the planner. */
class PointLookupTest {
    private static final TableDef KV = new TableDef(1, new QualifiedName(null, "KV"), List.of(
            new ColumnDef("REGION", ColumnType.sized(Kind.VARCHAR, 4), false, null),
            new ColumnDef("ID", ColumnType.of(Kind.INTEGER), false, null),
            new ColumnDef("V", ColumnType.sized(Kind.VARCHAR, 10), true, null),
            new ColumnDef("N", ColumnType.of(Kind.INTEGER), true, null)), new int[] {0, 1});
    private static final TableDef CH = new TableDef(2, new QualifiedName(null, "CH"), List.of(
            new ColumnDef("CODE", ColumnType.sized(Kind.CHAR, 3), false, null),
            new ColumnDef("V", ColumnType.of(Kind.INTEGER), true, null)), new int[] {0});

    private static final CatalogView CATALOG = new CatalogView() {
        @Override
        public TableDef table(QualifiedName name) {
            return !name.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? null
                    : name.name().equals("KV") ? KV : name.name().equals("CH") ? CH : null;
        }

        @Override
        public Collection<TableDef> tables() {
            return List.of(KV, CH);
        }

        @Override
        public SequenceDef sequence(QualifiedName name) {
            return null;
        }

        @Override
        public Collection<SequenceDef> sequences() {
            return List.of();
        }

        @Override
        public Set<String> schemas() {
            return Set.of(QualifiedName.DEFAULT_SCHEMA);
        }

        @Override
        public long version() {
            return 1;
        }

        @Override
        public TableStats statistics(int tableId) {
            return null;
        }
    };

    private static PointLookup select(String sql) {
        return PointLookup.select(((Statement.Query) SqlParser.parse(sql)).node(), CATALOG, "PUBLIC");
    }

    /** The key values of the point SELECT {@code where}, as text, or null when it is none. */
    private static List<String> key(String where) {
        PointLookup p = select("SELECT * FROM kv WHERE " + where);
        return p == null ? null : Arrays.stream(p.keyValues()).map(SqlNode::toString).toList();
    }

    @Test
    void equalitiesOnTheWholeKeyWithConstantsOrParameters() {
        assertThat(key("region = 'eu' AND id = 2")).containsExactly("'eu'", "2");
        assertThat(key("id = 2 AND region = 'eu'")).containsExactly("'eu'", "2");
        assertThat(key("2 = id AND 'eu' = region")).containsExactly("'eu'", "2");
        assertThat(key("region = ? AND id = ?")).containsExactly("?", "?");
        assertThat(key("(region = 'eu') AND ((id = 2))")).containsExactly("'eu'", "2");
        assertThat(key("kv.region = 'eu' AND id = -2.5")).containsExactly("'eu'", "-2.5"); // no row: the lookup finds no key
        assertThat(key("region = NULL AND id = 1")).containsExactly("NULL", "1"); // equals nothing: no row
        assertThat(key("region = 'eu' AND id = 'x'")).containsExactly("'eu'", "'x'"); // converted (or refused) per run
        assertThat(key("region = 'eu' AND id = TRUE")).isNotNull();
    }

    @Test
    void anythingElseIsLeftToThePlanner() {
        for (String where : List.of("region = 'eu'", "id = 2", "TRUE", "region = 'eu' AND id = 2 AND n > 0",
                "region = 'eu' AND id = 2 AND v = 'a'", "region = 'eu' OR id = 2", "region = 'eu' AND (id = 2 OR id = 3)",
                "NOT (region = 'eu' AND id = 2)", "region = 'eu' AND NOT id = 2", "region = 'eu' AND id <> 2",
                "region = 'eu' AND id > 2", "region = 'eu' AND id >= 2 AND id <= 2", "region = 'eu' AND id = 2 AND id = 3",
                "region = 'eu' AND id = 2 AND id = 2", "region = 'eu' AND id = n", "region = 'eu' AND id = id",
                "region = 'eu' AND id = 1 + 1", "region = 'eu' AND id = ABS(-2)", "region = 'eu' AND id IN (1, 2)",
                "region = 'eu' AND id BETWEEN 1 AND 2", "region = 'eu' AND id IS NULL", "region = 'eu' AND 2 = 2",
                "region LIKE 'eu' AND id = 2", "region = 'eu' AND nosuch = 2", "other.region = 'eu' AND id = 2",
                "region = 'eu' AND id = (SELECT 2)", "region = 'eu' AND id = CAST(? AS INT)")) {
            assertThat(key(where)).as(where).isNull();
        }
    }

    @Test
    void theSelectItselfMustBeSimple() {
        assertThat(select("SELECT v, n AS num FROM kv k WHERE k.region = 'eu' AND k.id = 2").labels()).containsExactly("V", "NUM");
        assertThat(select("SELECT k.* FROM kv k WHERE k.region = 'eu' AND k.id = 2").projection()).containsExactly(0, 1, 2, 3);
        assertThat(select("SELECT * FROM kv")).isNull();
        assertThat(select("SELECT DISTINCT v FROM kv WHERE region = 'eu' AND id = 2")).isNull();
        assertThat(select("SELECT v FROM kv WHERE region = 'eu' AND id = 2 ORDER BY v")).isNull();
        assertThat(select("SELECT v + 1 FROM kv WHERE region = 'eu' AND id = 2")).isNull();
        assertThat(select("SELECT v FROM nosuch WHERE region = 'eu' AND id = 2")).isNull();
        assertThat(select("SELECT v FROM kv k WHERE kv.region = 'eu' AND kv.id = 2")).isNull(); // the alias hides the name
    }

    @Test
    void aCharKeyIsLeftToThePlanner() {
        assertThat(select("SELECT * FROM ch WHERE code = 'abc'")).isNull(); // padding: Calcite's rules compare
    }

    @Test
    void updatesAndDeletesByTheirWhere() {
        Statement.Update u = (Statement.Update) SqlParser.parse("UPDATE kv SET v = 'x' WHERE id = ? AND region = ?");
        PointLookup p = PointLookup.where(u.table(), u.alias(), u.where(), CATALOG);
        assertThat(Arrays.stream(p.keyValues()).map(v -> ((SqlDynamicParam) v).getIndex())).containsExactly(1, 0);
        Statement.Delete d = (Statement.Delete) SqlParser.parse("DELETE FROM kv k WHERE k.region = 'eu' AND k.id = 1");
        assertThat(PointLookup.where(d.table(), d.alias(), d.where(), CATALOG)).isNotNull();
        Statement.Delete all = (Statement.Delete) SqlParser.parse("DELETE FROM kv");
        assertThat(PointLookup.where(all.table(), all.alias(), all.where(), CATALOG)).isNull();
        Statement.Delete some = (Statement.Delete) SqlParser.parse("DELETE FROM kv WHERE region = 'eu' AND id < 3");
        assertThat(PointLookup.where(some.table(), some.alias(), some.where(), CATALOG)).isNull();
    }
}
