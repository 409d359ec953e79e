package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.plan.CompiledQuery;
import java.util.function.Function;
import org.apache.calcite.sql.SqlNode;

/**
 * The compiled queries of one prepared statement: DML runs its WHERE and its new values as a
 * query, a locking read its SELECT. The prepared statement keeps them while the catalog version
 * they were planned against is current, so executors never plan twice.
 */
public interface StatementQueries {
    /** The statement's text. */
    String sql();

    /** The number of parameters in the text, NEXT VALUE FOR slots included. */
    int textParameterCount();

    /** The compiled form of the query {@code build} makes from a fresh parse of the statement. */
    CompiledQuery compile(Function<Statement, SqlNode> build);

    /** As {@link #compile} for DML's re-evaluation of one changed row, kept apart (rarely needed). */
    CompiledQuery compileRecheck(Function<Statement, SqlNode> build);

    /**
     * The plan this query shares with the texts that differ from it only in literals, and the
     * internal values of its own literals (appended to its parameters); null when it has none or its
     * literals do not fit that plan exactly.
     */
    SharedPlan sharedPlan();

    /** A plan shared by literal-lifted query texts, and this text's literal values. */
    record SharedPlan(CompiledQuery query, Object[] literals) {
    }
}
