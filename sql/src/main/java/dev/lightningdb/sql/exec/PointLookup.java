package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.plan.KeyComparisons;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.plan.KeyPrefix;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * Recognises statements that address exactly one row by its full primary key with constants or
 * parameters ({@code SELECT cols FROM t WHERE pk = ?}, and the WHERE of UPDATE/DELETE), so they
 * can run as one key lookup without Calcite. Anything else is left to the planner. The WHERE is
 * judged by {@link KeyPrefix}, the recogniser the planner's key ranges use too; this class only reads
 * the parse tree (before validation: names are resolved here, values are nodes evaluated per run).
 *
 * @param table the table
 * @param keyValues the value node of each primary key column, in key order
 * @param projection for a SELECT, the column positions returned, else null
 * @param labels for a SELECT, the result labels, else null
 */
record PointLookup(TableDef table, SqlNode[] keyValues, int[] projection, List<String> labels) {

    /** A point SELECT, or null when {@code node} is anything more. */
    static PointLookup select(SqlNode node, CatalogView catalog, String schema) {
        if (!(node instanceof SqlSelect s) || s.isDistinct() || s.getGroup() != null || s.getHaving() != null
                || s.getOrderList() != null || s.getOffset() != null || s.getFetch() != null || s.getWhere() == null
                || (s.getWindowList() != null && !s.getWindowList().isEmpty()) || s.getQualify() != null) {
            return null;
        }
        SqlNode from = s.getFrom();
        String alias = null;
        if (from instanceof SqlBasicCall as && as.getKind() == SqlKind.AS && as.operandCount() == 2
                && as.operand(1) instanceof SqlIdentifier a) {
            alias = a.getSimple();
            from = as.operand(0);
        }
        TableDef table = from instanceof SqlIdentifier id ? LockingReads.table(id, catalog, schema) : null;
        if (table == null) {
            return null;
        }
        String qualifier = alias != null ? alias : table.name().name();
        SqlNode[] keys = keyValues(table, qualifier, s.getWhere());
        if (keys == null) {
            return null;
        }
        List<Integer> projection = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (SqlNode item : s.getSelectList()) {
            String label = null;
            if (item instanceof SqlBasicCall as && as.getKind() == SqlKind.AS && as.operandCount() == 2
                    && as.operand(1) instanceof SqlIdentifier a) {
                label = a.getSimple();
                item = as.operand(0);
            }
            if (!(item instanceof SqlIdentifier id)) {
                return null;
            }
            if (id.isStar()) {
                if (label != null || (id.names.size() == 2 && !id.names.get(0).equals(qualifier)) || id.names.size() > 2) {
                    return null;
                }
                for (int i = table.firstDeclaredColumn(); i < table.columns().size(); i++) {
                    projection.add(i);
                    labels.add(table.column(i).name());
                }
                continue;
            }
            int column = column(table, qualifier, id);
            if (column < 0) {
                return null;
            }
            projection.add(column);
            labels.add(label != null ? label : table.column(column).name());
        }
        return new PointLookup(table, keys, projection.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(labels));
    }

    /** The key of a WHERE that is exactly one equality per primary key column, or null. */
    static PointLookup where(QualifiedName name, String alias, SqlNode where, CatalogView catalog) {
        TableDef table = catalog.table(name);
        if (table == null || where == null) {
            return null;
        }
        SqlNode[] keys = keyValues(table, alias != null ? alias : table.name().name(), where);
        return keys == null ? null : new PointLookup(table, keys, null, null);
    }

    private static int column(TableDef table, String qualifier, SqlIdentifier id) {
        if (id.names.size() == 2 && !id.names.get(0).equals(qualifier)) {
            return -1;
        }
        if (id.names.size() > 2) {
            return -1;
        }
        return table.columnIndex(id.names.get(id.names.size() - 1));
    }

    /**
     * The value node of each primary key column when {@code where} is a point on the whole key, else
     * null: the adapter from the parse tree to {@link KeyComparisons}, which {@link KeyPrefix} judges.
     */
    private static SqlNode[] keyValues(TableDef table, String qualifier, SqlNode where) {
        KeyComparisons comparisons = new KeyComparisons(table.types());
        offer(table, qualifier, where, comparisons);
        KeyPrefix key = KeyPrefix.of(table.primaryKey(), comparisons);
        if (!key.isPoint()) {
            return null;
        }
        SqlNode[] values = new SqlNode[key.equalities()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (SqlNode) key.equality(i).value();
        }
        return values;
    }

    /** Offers each conjunct of {@code node}: {@code column op value} when it compares a column with a constant or ?. */
    private static void offer(TableDef table, String qualifier, SqlNode node, KeyComparisons out) {
        if (node instanceof SqlCall call && call.getKind() == SqlKind.AND) {
            for (SqlNode operand : call.getOperandList()) {
                offer(table, qualifier, operand, out);
            }
            return;
        }
        if (node instanceof SqlCall call && call.operandCount() == 2) {
            SqlKind op = call.getKind();
            SqlNode left = call.operand(0);
            SqlNode right = call.operand(1);
            if (!(left instanceof SqlIdentifier) && right instanceof SqlIdentifier) {
                SqlNode t = left;
                left = right;
                right = t;
                op = op.reverse();
            }
            if (left instanceof SqlIdentifier id && Literals.isSimple(right)) {
                int column = column(table, qualifier, id);
                // a CHAR column's literal need not have its length ('ab   '): the planner's path pads or trims it
                if (column >= 0 && table.types()[column].kind() != ColumnType.Kind.CHAR) {
                    out.add(column, op, right, node, true);
                    return;
                }
            }
        }
        out.addOther();
    }
}
