package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.SequenceDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code INFORMATION_SCHEMA}: read-only views of the catalog for tools that ask in SQL rather than
 * through {@code DatabaseMetaData} (SchemaCrawler reads sequences this way). Today one view,
 * {@code SEQUENCES}, with the standard's column names (as H2 and PostgreSQL have them).
 */
final class InformationSchema extends AbstractSchema {
    static final String NAME = "INFORMATION_SCHEMA";

    private final CatalogView catalog;

    InformationSchema(CatalogView catalog) {
        this.catalog = catalog;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return Map.of("SEQUENCES", new Sequences(catalog));
    }

    /** One row per sequence, ordered by schema and name. */
    private static final class Sequences extends AbstractTable implements ScannableTable {
        private final CatalogView catalog;

        Sequences(CatalogView catalog) {
            this.catalog = catalog;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory f) {
            RelDataType text = f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR, 256), true);
            RelDataType number = f.createSqlType(SqlTypeName.BIGINT);
            return f.builder()
                    .add("SEQUENCE_CATALOG", text)
                    .add("SEQUENCE_SCHEMA", text)
                    .add("SEQUENCE_NAME", text)
                    .add("DATA_TYPE", text)
                    .add("START_VALUE", number)
                    .add("MINIMUM_VALUE", number)
                    .add("MAXIMUM_VALUE", number)
                    .add("INCREMENT", number)
                    .add("CYCLE_OPTION", text)
                    .build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            List<SequenceDef> sequences = new ArrayList<>(catalog.sequences());
            sequences.sort(Comparator.comparing((SequenceDef s) -> s.name().schema()).thenComparing(s -> s.name().name()));
            List<Object[]> rows = new ArrayList<>(sequences.size());
            for (SequenceDef s : sequences) {
                rows.add(new Object[] {null, s.name().schema(), s.name().name(), "BIGINT", s.start(), s.min(), s.max(), s.increment(),
                        s.cycle() ? "YES" : "NO"});
            }
            return Linq4j.asEnumerable(rows);
        }
    }
}
