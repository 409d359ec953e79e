package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.KeyRequest;
import dev.lightningdb.sql.result.Result;
import dev.lightningdb.sql.result.ResultColumn;
import java.util.List;

/**
 * How one kind of statement describes and runs itself. A prepared statement holds one, chosen once
 * by {@link StatementRunners#of}; a runner may keep plans for the current catalog version, and is
 * used by one thread at a time (its prepared statement synchronizes).
 */
public interface StatementRunner {
    /** Whether running returns rows rather than a count. */
    default boolean returnsRows() {
        return false;
    }

    /** The result columns of a statement that returns rows; else empty. */
    default List<ResultColumn> columns(StatementContext cx) {
        return List.of();
    }

    /**
     * The type of each parameter of the text ({@code NEXT VALUE FOR} slots included) where it is
     * known, null where it is not; the list may be shorter than the parameter count.
     */
    default List<ColumnType> parameterTypes(StatementContext cx) {
        return List.of();
    }

    /** Runs the statement; an INSERT hands back what {@code keys} asks for. */
    Result execute(StatementContext cx, KeyRequest keys);
}
