package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.result.ColumnType;
import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Builds the queries through which DML uses Calcite: UPDATE and DELETE find their rows with
 * {@code SELECT ... WHERE}, INSERT evaluates non-constant values with {@code VALUES}.
 */
final class DmlQueries {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private DmlQueries() {
    }

    /** {@code SELECT <every column>, <each new value> FROM t WHERE p}. */
    static SqlSelect updateSource(TableDef table, String alias, List<Integer> targets, List<SqlNode> values, SqlNode where) {
        String qualifier = alias != null ? alias : table.name().name();
        SqlNodeList select = new SqlNodeList(POS);
        for (ColumnDef c : table.columns()) {
            select.add(new SqlIdentifier(List.of(qualifier, c.name()), POS));
        }
        for (int i = 0; i < targets.size(); i++) {
            select.add(typed(values.get(i), table.types()[targets.get(i)]));
        }
        return new SqlSelect(POS, null, select, from(table.name(), alias), where, null, null, null, null, null, null, null, null);
    }

    /**
     * {@code SELECT <each new value>, TRUE FROM (VALUES (?, ...)) AS t(<every column>) WHERE p}: an
     * UPDATE's (no values: a DELETE's) condition and new values evaluated once more on one row, the
     * newest version of a row the statement found changed once it held its lock. The row's columns
     * are parameters numbered from {@code firstParam}, after the statement's own.
     */
    static SqlSelect recheck(TableDef table, String alias, List<Integer> targets, List<SqlNode> values, SqlNode where, int firstParam) {
        String qualifier = alias != null ? alias : table.name().name();
        SqlNodeList select = new SqlNodeList(POS);
        for (int i = 0; i < targets.size(); i++) {
            select.add(typed(values.get(i), table.types()[targets.get(i)]));
        }
        select.add(org.apache.calcite.sql.SqlLiteral.createBoolean(true, POS));
        SqlNode[] cells = new SqlNode[table.columns().size()];
        SqlNode[] as = new SqlNode[cells.length + 2];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = typed(new SqlDynamicParam(firstParam + c, POS), table.types()[c]);
            as[c + 2] = new SqlIdentifier(table.column(c).name(), POS);
        }
        as[0] = SqlStdOperatorTable.VALUES.createCall(POS, SqlStdOperatorTable.ROW.createCall(POS, cells));
        as[1] = new SqlIdentifier(qualifier, POS);
        SqlNode from = SqlStdOperatorTable.AS.createCall(POS, as);
        return new SqlSelect(POS, null, select, from, where, null, null, null, null, null, null, null, null);
    }

    /** {@code SELECT <primary key columns> FROM t WHERE p}. */
    static SqlSelect deleteSource(TableDef table, String alias, SqlNode where) {
        String qualifier = alias != null ? alias : table.name().name();
        SqlNodeList select = new SqlNodeList(POS);
        for (int k : table.primaryKey()) {
            select.add(new SqlIdentifier(List.of(qualifier, table.column(k).name()), POS));
        }
        return new SqlSelect(POS, null, select, from(table.name(), alias), where, null, null, null, null, null, null, null, null);
    }

    /** The types of an INSERT's target columns, in the order it lists them. */
    static ColumnType[] targetTypes(TableDef table, int[] targets) {
        ColumnType[] types = new ColumnType[targets.length];
        for (int i = 0; i < targets.length; i++) {
            types[i] = table.types()[targets[i]];
        }
        return types;
    }

    /**
     * The query an INSERT takes its rows from: its VALUES, or its query with each bare {@code ?} of a
     * plain SELECT's list typed for its target column ({@code INSERT INTO t (id) SELECT ?}).
     */
    static SqlNode insertSource(Statement.Insert insert, ColumnType[] targetTypes) {
        if (insert.query() == null) {
            return values(insert.rows(), targetTypes);
        }
        if (insert.query() instanceof SqlSelect select && select.getSelectList().size() == targetTypes.length) {
            SqlNodeList list = select.getSelectList();
            for (int i = 0; i < targetTypes.length; i++) {
                list.set(i, typed(list.get(i), targetTypes[i]));
            }
        }
        return insert.query();
    }

    /** {@code VALUES (...), ...} with each value typed for its target column. */
    private static SqlNode values(List<List<SqlNode>> rows, ColumnType[] targetTypes) {
        SqlNode[] rowNodes = new SqlNode[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            List<SqlNode> row = rows.get(r);
            SqlNode[] cells = new SqlNode[row.size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = typed(row.get(c), targetTypes[c]);
            }
            rowNodes[r] = SqlStdOperatorTable.ROW.createCall(POS, cells);
        }
        return SqlStdOperatorTable.VALUES.createCall(POS, rowNodes);
    }

    private static SqlNode from(QualifiedName name, String alias) {
        SqlNode table = new SqlIdentifier(List.of(name.schema(), name.name()), POS);
        return alias == null ? table : SqlStdOperatorTable.AS.createCall(POS, table, new SqlIdentifier(alias, POS));
    }

    /**
     * A bare {@code ?} gets the target column's type so Calcite can type it; any other
     * expression is left alone so that the final coercion, not a CAST, checks length and range.
     */
    static SqlNode typed(SqlNode value, ColumnType type) {
        if (!(value instanceof SqlDynamicParam)) {
            return value;
        }
        return cast(value, type);
    }

    /** {@code CAST(value AS type)}, in the column type's full precision. */
    static SqlNode cast(SqlNode value, ColumnType type) {
        SqlBasicTypeNameSpec name;
        if (type.kind() == ColumnType.Kind.DECIMAL) {
            name = new SqlBasicTypeNameSpec(type.sqlTypeName(), type.precisionOrDefault(), type.scale(), POS);
        } else if (type.isBounded()) {
            name = new SqlBasicTypeNameSpec(type.sqlTypeName(), type.precision(), POS);
        } else {
            name = new SqlBasicTypeNameSpec(type.sqlTypeName(), POS);
        }
        return SqlStdOperatorTable.CAST.createCall(POS, value, new SqlDataTypeSpec(name, POS));
    }
}
