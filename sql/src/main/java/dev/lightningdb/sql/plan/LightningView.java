package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.ViewDef;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A view as Calcite sees it: a table whose row type is the one frozen in the catalog, and which
 * becomes its query, planned in place ({@link ViewExpansion}). The query may now answer more columns
 * (a {@code SELECT *} over a table that gained one): the view keeps its first ones, cast to the
 * frozen types, as PostgreSQL does.
 */
final class LightningView extends AbstractTable implements TranslatableTable {
    private final ViewDef view;

    LightningView(ViewDef view) {
        this.view = view;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder b = factory.builder();
        for (ColumnDef c : view.columns()) {
            b.add(c.name(), c.type().toRelDataType(factory, true));
        }
        return b.build();
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        RelDataType rowType = relOptTable.getRowType();
        RelRoot root = context.expandView(rowType, view.sql(), List.of(view.schema()),
                List.of(view.name().schema(), view.name().name()));
        RelNode rel = root.project();
        int n = rowType.getFieldCount();
        if (rel.getRowType().getFieldCount() < n) {
            throw new SqlError("55000", "View " + view.name().name() + " no longer matches the tables it reads: its query answers "
                    + rel.getRowType().getFieldCount() + " columns, the view has " + n + " (create it again)");
        }
        if (rel.getRowType().getFieldCount() > n) {
            List<Integer> first = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                first.add(i);
            }
            rel = RelOptUtil.createProject(rel, first);
        }
        return RelOptUtil.createCastRel(rel, rowType, true);
    }
}
