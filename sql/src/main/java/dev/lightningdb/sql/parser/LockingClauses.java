package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.parser.LightningSqlParser.ForLockingContext;
import dev.lightningdb.sql.parser.LightningSqlParser.LockingQueryContext;
import dev.lightningdb.sql.parser.LightningSqlParser.TableNameContext;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;

/**
 * Builds {@code SELECT ... FOR UPDATE} and its kin. Several clauses may be given (PostgreSQL
 * allows one per table); they are merged into one: exclusive if any clause is, the strictest wait
 * policy, the union of the OF lists (or every table when a clause has none).
 */
final class LockingClauses {
    private LockingClauses() {
    }

    static Statement.LockingQuery build(ExpressionBuilder expressions, LockingQueryContext ctx) {
        SqlNode query = expressions.query(ctx.query(), ctx.limitClause());
        boolean exclusive = false;
        boolean everyTable = false;
        List<QualifiedName> of = new ArrayList<>();
        Statement.Wait wait = Statement.Wait.WAIT;
        for (ForLockingContext f : ctx.forLocking()) {
            exclusive |= f.UPDATE() != null;
            if (f.tableName().isEmpty()) {
                everyTable = true;
            }
            for (TableNameContext t : f.tableName()) {
                of.add(expressions.names().table(t));
            }
            if (f.NOWAIT() != null) {
                wait = Statement.Wait.NOWAIT;
            } else if (f.SKIP_() != null && wait != Statement.Wait.NOWAIT) {
                wait = Statement.Wait.SKIP_LOCKED;
            }
        }
        SqlNode[] offsetFetch = new SqlNode[2];
        SqlNode body = withoutOffsetAndFetch(query, offsetFetch);
        return new Statement.LockingQuery(body, expressions.parameterCount(),
                new Statement.Locking(exclusive, everyTable ? List.of() : List.copyOf(of), wait, offsetFetch[0], offsetFetch[1]));
    }

    /** The query without its outermost OFFSET and FETCH, which go into {@code out}. */
    private static SqlNode withoutOffsetAndFetch(SqlNode query, SqlNode[] out) {
        if (query instanceof SqlWith with) {
            return new SqlWith(with.getParserPosition(), with.withList, withoutOffsetAndFetch(with.body, out));
        }
        if (query instanceof SqlSelect select) {
            out[0] = select.getOffset();
            out[1] = select.getFetch();
            select.setOffset(null);
            select.setFetch(null);
            return select;
        }
        if (query instanceof SqlOrderBy orderBy) {
            out[0] = orderBy.offset;
            out[1] = orderBy.fetch;
            SqlNodeList order = orderBy.orderList;
            return order.isEmpty() ? orderBy.query : new SqlOrderBy(orderBy.getParserPosition(), orderBy.query, order, null, null);
        }
        throw new SqlError(SqlError.SYNTAX, "FOR UPDATE or FOR SHARE needs a SELECT");
    }
}
