package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.ast.SqlTrees;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import java.util.List;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The query a MERGE runs: its source LEFT JOIN its target on its condition, one row per source row
 * and target row it matches (or per unmatched source row). Each row holds
 * <ol>
 *   <li>the target row's columns (NULL when unmatched),
 *   <li>the action: the 1-based number of the WHEN clause that applies, 0 for none,
 *   <li>each clause's new values in turn, evaluated only on the rows that clause applies to (so that
 *       {@code WHEN MATCHED AND t.n <> 0 THEN UPDATE SET x = 1 / t.n} never divides by zero).
 * </ol>
 * A row is matched when the target's first primary key column (never NULL) is not NULL.
 */
final class MergeQueries {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private MergeQueries() {
    }

    /** The target columns each clause writes, in the order of its values; every column for an INSERT without a list. */
    static int[] targets(TableDef table, Statement.MergeClause clause) {
        if (clause.action() == Statement.MergeAction.DELETE) {
            return new int[0];
        }
        int[] targets = DmlExecutor.targetColumns(table, clause.columns());
        if (targets.length != clause.values().size()) {
            throw new SqlError(SqlError.SYNTAX, "MERGE INSERT has " + targets.length + " target column(s) but "
                    + clause.values().size() + " value(s)");
        }
        return targets;
    }

    static SqlSelect source(Statement.Merge merge, TableDef table) {
        if (table.primaryKey().length == 0) {
            throw SqlError.unsupported("MERGE into a table without a primary key");
        }
        String qualifier = merge.alias() != null ? merge.alias() : table.name().name();
        SqlNodeList select = new SqlNodeList(POS);
        for (ColumnDef c : table.columns()) {
            select.add(new SqlIdentifier(List.of(qualifier, c.name()), POS));
        }
        String firstKey = table.column(table.primaryKey()[0]).name();
        SqlNode action = action(merge, new SqlIdentifier(List.of(qualifier, firstKey), POS));
        select.add(action);
        for (int i = 0; i < merge.clauses().size(); i++) {
            Statement.MergeClause clause = merge.clauses().get(i);
            int[] targets = targets(table, clause);
            for (int j = 0; j < targets.length; j++) {
                SqlNode applies = SqlStdOperatorTable.EQUALS.createCall(POS, SqlTrees.copy(action),
                        SqlLiteral.createExactNumeric(Integer.toString(i + 1), POS));
                SqlNode value = typed(clause.values().get(j), table.types()[targets[j]]);
                select.add(new SqlCase(POS, null, SqlNodeList.of(applies), SqlNodeList.of(value), SqlLiteral.createNull(POS)));
            }
        }
        SqlNode target = SqlStdOperatorTable.AS.createCall(POS,
                new SqlIdentifier(List.of(table.name().schema(), table.name().name()), POS), new SqlIdentifier(qualifier, POS));
        SqlNode from = new SqlJoin(POS, merge.source(), SqlLiteral.createBoolean(false, POS), JoinType.LEFT.symbol(POS), target,
                JoinConditionType.ON.symbol(POS), merge.condition());
        return new SqlSelect(POS, null, select, from, null, null, null, null, null, null, null, null, null);
    }

    /** {@code CASE WHEN <matched> AND c1 THEN 1 WHEN <not matched> AND c2 THEN 2 ... ELSE 0 END}. */
    private static SqlNode action(Statement.Merge merge, SqlIdentifier targetKey) {
        SqlNodeList whens = new SqlNodeList(POS);
        SqlNodeList thens = new SqlNodeList(POS);
        for (int i = 0; i < merge.clauses().size(); i++) {
            Statement.MergeClause clause = merge.clauses().get(i);
            SqlNode kind = (clause.matched() ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL)
                    .createCall(POS, SqlTrees.copy(targetKey));
            whens.add(clause.condition() == null ? kind : SqlStdOperatorTable.AND.createCall(POS, kind, clause.condition()));
            thens.add(SqlLiteral.createExactNumeric(Integer.toString(i + 1), POS));
        }
        return new SqlCase(POS, null, whens, thens, SqlLiteral.createExactNumeric("0", POS));
    }

    /** A bare {@code ?} or NULL gets its target column's type (a CASE cannot type them alone). */
    private static SqlNode typed(SqlNode value, ColumnType type) {
        if (value instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.NULL) {
            return DmlQueries.cast(value, type);
        }
        return DmlQueries.typed(value, type);
    }
}
