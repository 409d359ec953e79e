package dev.lightningdb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Moves a subquery out of a join's ON condition, where Calcite cannot remove it once it refers to the
 * joined tables (its plans then fail: "field ordinal out of range", or an EnumerableSort it cannot
 * implement). {@code a [LEFT] JOIN b ON cond} becomes {@code a [LEFT] JOIN LATERAL (SELECT * FROM b
 * WHERE cond) AS b ON TRUE}: the same rows, with the subquery now in a WHERE, which Calcite handles.
 * Only for inner and left joins whose right side is a table, optionally aliased, or an aliased subquery.
 */
final class JoinConditionSubqueries {
    private JoinConditionSubqueries() {
    }

    /** {@code query} (unvalidated) with every rewritable join rewritten;a query without such a join comes back unchanged. */
    static SqlNode rewrite(SqlNode query) {
        return query.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlNode visited = super.visit(call);
                if (visited instanceof SqlJoin join && rewritable(join)) {
                    return lateral(join);
                }
                return visited;
            }
        });
    }

    /**
     * Whether {@code query} still has a join with a subquery in its ON condition (a RIGHT or FULL join, or
     * a right side this class does not move): when planning fails, that is the unsupported part.
     */
    static boolean remain(SqlNode query) {
        boolean[] found = {false};
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlJoin join && hasConditionSubquery(join)) {
                    found[0] = true;
                }
                return super.visit(call);
            }
        });
        return found[0];
    }

    private static boolean hasConditionSubquery(SqlJoin join) {
        return join.getConditionType() == JoinConditionType.ON && join.getCondition() != null
                && containsSubquery(join.getCondition());
    }

    private static boolean rewritable(SqlJoin join) {
        JoinType type = join.getJoinType();
        return (type == JoinType.LEFT || type == JoinType.INNER) && !join.isNatural() && hasConditionSubquery(join)
                && alias(join.getRight()) != null && qualified(join.getCondition());
    }

    /**
     * Whether every column name in {@code condition}, its subqueries' included, names its table (the
     * subqueries' FROM clauses and aliases aside). Inside the LATERAL an unqualified name would resolve
     * to the right side first, where the join would have called it ambiguous if both sides have it.
     */
    private static boolean qualified(SqlNode condition) {
        boolean[] bare = {false};
        condition.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                bare[0] |= id.names.size() < 2 && !id.isStar();
                return null;
            }

            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select) {
                    for (SqlNode part : new SqlNode[] {select.getSelectList(), select.getWhere(), select.getGroup(),
                            select.getHaving()}) {
                        if (part != null) {
                            part.accept(this);
                        }
                    }
                    return null;
                }
                if (call.getKind() == SqlKind.AS) {
                    return call.operand(0).accept(this);
                }
                return super.visit(call);
            }
        });
        return !bare[0];
    }

    /** The name the right side is known by: a table, or a table or subquery with an alias (no column list); else null. */
    private static SqlIdentifier alias(SqlNode right) {
        if (right instanceof SqlIdentifier table) {
            return new SqlIdentifier(table.names.get(table.names.size() - 1), SqlParserPos.ZERO);
        }
        if (right.getKind() == SqlKind.AS && right instanceof SqlCall as && as.operandCount() == 2
                && (as.operand(0) instanceof SqlIdentifier || as.operand(0).isA(SqlKind.QUERY))
                && as.operand(1) instanceof SqlIdentifier name) {
            return name;
        }
        return null;
    }

    private static boolean containsSubquery(SqlNode condition) {
        boolean[] found = {false};
        condition.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.SELECT || SqlKind.SET_QUERY.contains(call.getKind())) {
                    found[0] = true;
                    return null;
                }
                return super.visit(call);
            }
        });
        return found[0];
    }

    private static SqlJoin lateral(SqlJoin join) {
        SqlParserPos pos = join.getParserPosition();
        SqlNode right = join.getRight();
        SqlIdentifier name = alias(right);
        List<SqlNode> star = new ArrayList<>();
        star.add(SqlIdentifier.star(pos));
        SqlSelect filtered = new SqlSelect(pos, new SqlNodeList(pos), new SqlNodeList(star, pos), right, join.getCondition(),
                null, null, null, null, null, null, null, null);
        SqlBasicCall lateral = (SqlBasicCall) SqlStdOperatorTable.LATERAL.createCall(pos, filtered);
        SqlNode aliased = SqlStdOperatorTable.AS.createCall(pos, lateral, name);
        return new SqlJoin(pos, join.getLeft(), SqlLiteral.createBoolean(false, pos), join.getJoinType().symbol(pos), aliased,
                JoinConditionType.ON.symbol(pos), SqlLiteral.createBoolean(true, pos));
    }
}
