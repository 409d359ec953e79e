package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.catalog.CatalogView;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One read-only view of {@code INFORMATION_SCHEMA}: its columns, each text ({@code "NAME"}), INTEGER
 * ({@code "NAME:I"}) or BIGINT ({@code "NAME:L"}), all nullable, and the rows it computes from the
 * catalog each time it is read.
 */
final class InfoTable extends AbstractTable implements ScannableTable {
    private final CatalogView catalog;
    private final List<String> columns;
    private final Function<CatalogView, List<Object[]>> rows;

    InfoTable(CatalogView catalog, List<String> columns, Function<CatalogView, List<Object[]>> rows) {
        this.catalog = catalog;
        this.columns = columns;
        this.rows = rows;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (String c : columns) {
            SqlTypeName type = c.endsWith(":I") ? SqlTypeName.INTEGER : c.endsWith(":L") ? SqlTypeName.BIGINT : SqlTypeName.VARCHAR;
            RelDataType t = type == SqlTypeName.VARCHAR ? f.createSqlType(type, 1024) : f.createSqlType(type);
            b.add(InformationSchema.columnName(c), f.createTypeWithNullability(t, true));
        }
        return b.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        return Linq4j.asEnumerable(rows.apply(catalog));
    }
}
