package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ResultColumn;
import dev.lightningdb.sql.result.SqlError;
import java.util.List;
import java.util.Map;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.runtime.Bindable;

/**
 * A query validated, optimized and compiled once, runnable many times with different parameter
 * values and transactions. Immutable and thread-safe.
 */
public final class CompiledQuery {
    private final Bindable<?> bindable;
    private final Map<String, Object> internals;
    private final List<ResultColumn> columns;
    private final List<ColumnType> parameterTypes;
    private final String plan;
    private final long catalogVersion;
    /** Set when the generated class failed to compute its constants: every later run fails the same way. */
    private volatile SqlError constantsFailed;

    CompiledQuery(Bindable<?> bindable, Map<String, Object> internals, List<ResultColumn> columns, List<ColumnType> parameterTypes, String plan,
                  long catalogVersion) {
        this.bindable = bindable;
        this.internals = Map.copyOf(internals);
        this.columns = List.copyOf(columns);
        this.parameterTypes = List.copyOf(parameterTypes);
        this.plan = plan;
        this.catalogVersion = catalogVersion;
    }

    public List<ResultColumn> columns() {
        return columns;
    }

    /** The type Calcite inferred for each {@code ?}, in order. */
    public List<ColumnType> parameterTypes() {
        return parameterTypes;
    }

    /** The optimized plan as EXPLAIN prints it. */
    public String plan() {
        return plan;
    }

    /** The catalog version the plan was made against; -1 if against uncommitted DDL. */
    public long catalogVersion() {
        return catalogVersion;
    }

    /**
     * Runs the plan. Rows are arrays of internal values (a single-column result is wrapped too).
     * The caller closes the returned enumerator.
     */
    public RowIterator execute(ExecutionContext context) {
        SqlError failed = constantsFailed;
        if (failed != null) {
            throw new SqlError(failed.sqlState(), failed.getMessage());
        }
        try {
            context.bindInternals(internals);
            Enumerable<?> result = bindable.bind(context);
            return new RowIterator(result.enumerator(), columns.size(), this);
        } catch (RuntimeException e) {
            throw CalciteErrors.translate(e);
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw classInitFailed(e);
        }
    }

    /**
     * Constants of the generated code are computed when its classes load (the plan's own class at bind
     * time, the classes of nested loops while rows are produced): 1/0 or a bad cast fails that
     * initialization, and the JVM answers every later use of the class with NoClassDefFoundError. The
     * first failure is kept and every later run of this plan fails the same way.
     */
    SqlError classInitFailed(LinkageError e) {
        if (e instanceof NoClassDefFoundError && !String.valueOf(e.getMessage()).startsWith("Could not initialize class")) {
            throw e; // a class really missing: not this query's fault
        }
        SqlError failed = constantsFailed;
        if (failed != null) {
            return new SqlError(failed.sqlState(), failed.getMessage());
        }
        if (e instanceof ExceptionInInitializerError && e.getCause() != null) {
            failed = CalciteErrors.translate(e.getCause());
        } else {
            Throwable init = e.getCause(); // newer JVMs chain the original failure
            failed = init instanceof ExceptionInInitializerError && init.getCause() != null ? CalciteErrors.translate(init.getCause())
                    : new SqlError(SqlError.DATA_EXCEPTION, "A constant of the query could not be computed: " + e.getMessage(), e);
        }
        constantsFailed = failed;
        return failed;
    }
}
