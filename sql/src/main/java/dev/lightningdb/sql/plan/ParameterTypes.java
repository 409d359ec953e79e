package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.result.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * The one type of each {@code ?} of a validated query. Calcite's rewrites copy a parameter
 * ({@code COALESCE(?, 0)} becomes {@code CASE WHEN ? IS NOT NULL THEN ? ELSE 0 END}) and type each
 * copy on its own; one value is bound to all of them, so they must agree. The copy its context typed
 * wins over one typed by default ({@link LightningValidator#typedByDefault}); every copy is then
 * given that type, before the query becomes a plan.
 */
final class ParameterTypes {
    private ParameterTypes() {
    }

    /**
     * The type of each {@code ?} by its index. Calcite lists them in the order a walk of the tree
     * meets them, which differs from their numbering once literals are lifted into parameters.
     */
    static List<ColumnType> of(SqlNode validated, LightningValidator validator) {
        TreeMap<Integer, List<SqlDynamicParam>> byIndex = new TreeMap<>();
        validated.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                byIndex.computeIfAbsent(param.getIndex(), i -> new ArrayList<>()).add(param);
                return param;
            }
        });
        List<ColumnType> types = new ArrayList<>();
        boolean numbered = byIndex.isEmpty() || byIndex.lastKey() == byIndex.size() - 1;
        for (List<SqlDynamicParam> copies : byIndex.values()) {
            RelDataType agreed = agreed(copies, validator);
            for (SqlDynamicParam copy : copies) {
                validator.setValidatedNodeType(copy, agreed);
            }
            types.add(ColumnType.fromRelDataType(agreed));
        }
        if (numbered) {
            return types;
        }
        List<ColumnType> inWalkOrder = new ArrayList<>();
        for (RelDataTypeField f : validator.getParameterRowType(validated).getFieldList()) {
            inWalkOrder.add(ColumnType.fromRelDataType(f.getType()));
        }
        return inWalkOrder;
    }

    /** The type of the first copy its context typed, else of the first copy. */
    private static RelDataType agreed(List<SqlDynamicParam> copies, LightningValidator validator) {
        for (SqlDynamicParam copy : copies) {
            if (!validator.typedByDefault(copy)) {
                return validator.getValidatedNodeType(copy);
            }
        }
        return validator.getValidatedNodeType(copies.get(0));
    }
}
