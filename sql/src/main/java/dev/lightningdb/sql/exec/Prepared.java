package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.IntegrityReport;
import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.SqlError;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.SequenceDef;
import dev.lightningdb.sql.parser.SequenceParam;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.parser.SqlParser;
import dev.lightningdb.sql.plan.CompiledQuery;
import dev.lightningdb.sql.plan.ExecutionContext;
import dev.lightningdb.sql.plan.ResultColumn;
import dev.lightningdb.sql.plan.RowIterator;
import dev.lightningdb.sql.types.ColumnType;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;

/**
 * A parsed statement bound to a session, runnable many times. Queries (and the helper queries of
 * DML) are compiled on first use and kept, here and in the database's {@link StatementCache}, while
 * the catalog version they were planned against is current. Calcite validation rewrites SqlNodes in
 * place, so compilation always works on a fresh parse; {@link #statement} itself is never validated.
 * A SELECT of one row by its full primary key runs as a key lookup without Calcite.
 */
public final class Prepared {
    private static final ColumnType TEXT = ColumnType.of(ColumnType.Kind.VARCHAR);

    private final Session session;
    private final String sql;
    private final Statement statement;
    /** NEXT VALUE FOR occurrences by parameter index; the application's parameters fill the other slots. */
    private final Map<Integer, QualifiedName> sequenceParams;
    private CompiledQuery compiled;
    /** DML's re-evaluation of one changed row ({@link DmlQueries#recheck}); compiled when first needed. */
    private CompiledQuery recheck;
    private LockingReads.Plan locking;
    /** Whether {@link #lifted} has been looked for; the literals this query shares a plan without, or null. */
    private boolean liftingChecked;
    private LiteralLifting.Lifted lifted;
    private CompiledQuery liftedCompiled;
    private PointLookup point;
    private long pointVersion = Long.MIN_VALUE;

    Prepared(Session session, String sql, Statement statement) {
        this.session = session;
        this.sql = sql;
        this.statement = statement;
        this.sequenceParams = SequenceParam.find(statement.nodes());
    }

    public String sql() {
        return sql;
    }

    /** The number of parameters the application sets. */
    public int parameterCount() {
        return statement.parameterCount() - sequenceParams.size();
    }

    /** Whether executing returns rows rather than a count. */
    public boolean returnsRows() {
        return statement instanceof Statement.Query || statement instanceof Statement.LockingQuery || statement instanceof Statement.Explain
                || statement instanceof Statement.VerifyIntegrity || statement instanceof Statement.Get
                || statement instanceof Statement.Scan;
    }

    /** The result columns of a statement that returns rows (compiles a query if needed); else empty. */
    public synchronized List<ResultColumn> columns() {
        if (statement instanceof Statement.Query) {
            PointLookup p = pointLookup();
            return p != null ? KeyAccess.columns(p) : compile(s -> ((Statement.Query) s).node()).columns();
        }
        if (statement instanceof Statement.LockingQuery) {
            return lockingPlan().columns();
        }
        if (statement instanceof Statement.Get || statement instanceof Statement.Scan) {
            return KeyAccess.allColumns(DdlExecutor.requireTable(session.catalog(), KeyAccess.table(statement)));
        }
        if (statement instanceof Statement.Explain) {
            return List.of(textColumn("PLAN"));
        }
        if (statement instanceof Statement.VerifyIntegrity) {
            return List.of(textColumn("RESULT"));
        }
        return List.of();
    }

    /**
     * The type of each parameter where known: inferred for queries and for the conditions and
     * expressions of DML, the target column's for a bare {@code ?} in INSERT VALUES; VARCHAR otherwise.
     */
    public synchronized List<ColumnType> parameterTypes() {
        List<ColumnType> types = new ArrayList<>();
        for (int i = 0; i < parameterCount(); i++) {
            types.add(TEXT);
        }
        if (statement instanceof Statement.Insert || statement instanceof Statement.Update || statement instanceof Statement.Delete) {
            return dmlParameterTypes(types);
        }
        if (statement instanceof Statement.LockingQuery) {
            List<ColumnType> all = lockingPlan().query().parameterTypes();
            for (int i = 0; i < all.size(); i++) {
                if (!sequenceParams.containsKey(i) && all.get(i) != null) {
                    types.set(applicationIndex(i), all.get(i));
                }
            }
            return types;
        }
        if (statement instanceof Statement.Query) {
            PointLookup p = pointLookup();
            if (p == null) {
                List<ColumnType> all = compile(s -> ((Statement.Query) s).node()).parameterTypes();
                List<ColumnType> mine = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if (!sequenceParams.containsKey(i)) {
                        mine.add(all.get(i));
                    }
                }
                return mine;
            }
            for (int i = 0; i < p.keyValues().length; i++) {
                if (p.keyValues()[i] instanceof org.apache.calcite.sql.SqlDynamicParam param && !sequenceParams.containsKey(param.getIndex())) {
                    types.set(applicationIndex(param.getIndex()), p.table().types()[p.table().primaryKey()[i]]);
                }
            }
        }
        return types;
    }

    private List<ColumnType> dmlParameterTypes(List<ColumnType> types) {
        CatalogView view = session.catalog();
        CompiledQuery q;
        if (statement instanceof Statement.Insert insert) {
            TableDef table = DdlExecutor.requireTable(view, insert.table());
            int[] targets = DmlExecutor.targetColumns(table, insert.columns());
            if (insert.query() != null) {
                q = compile(st -> ((Statement.Insert) st).query());
            } else {
                for (List<SqlNode> row : insert.rows()) {
                    for (int c = 0; c < row.size() && c < targets.length; c++) {
                        if (row.get(c) instanceof SqlDynamicParam p && !sequenceParams.containsKey(p.getIndex())) {
                            types.set(applicationIndex(p.getIndex()), table.types()[targets[c]]);
                        }
                    }
                }
                return types;
            }
        } else if (statement instanceof Statement.Update update) {
            TableDef table = DdlExecutor.requireTable(view, update.table());
            List<Integer> targets = new ArrayList<>();
            for (String name : update.columns()) {
                targets.add(DmlExecutor.column(table, name));
            }
            q = compile(st -> {
                Statement.Update u = (Statement.Update) st;
                return DmlQueries.updateSource(table, u.alias(), targets, u.values(), u.where());
            });
        } else {
            Statement.Delete delete = (Statement.Delete) statement;
            if (delete.where() == null) {
                return types;
            }
            TableDef table = DdlExecutor.requireTable(view, delete.table());
            q = compile(st -> {
                Statement.Delete d = (Statement.Delete) st;
                return DmlQueries.deleteSource(table, d.alias(), d.where());
            });
        }
        List<ColumnType> all = q.parameterTypes();
        for (int i = 0; i < all.size(); i++) {
            if (!sequenceParams.containsKey(i) && all.get(i) != null) {
                types.set(applicationIndex(i), all.get(i));
            }
        }
        return types;
    }

    /**
     * Runs the statement with external parameter values.
     *
     * @param cancel set by another thread to stop a running query
     */
    public Result execute(Object[] parameters, AtomicBoolean cancel) {
        return execute(parameters, cancel, KeyRequest.NONE);
    }

    /**
     * Runs the statement with external parameter values; an INSERT hands back what {@code keys}
     * asks for in {@link UpdateCount#generatedKeys()}.
     *
     * @param cancel set by another thread to stop a running query
     */
    public synchronized Result execute(Object[] parameters, AtomicBoolean cancel, KeyRequest keys) {
        Object[] given = parameters == null ? new Object[0] : parameters;
        if (given.length != parameterCount()) {
            throw new SqlError(SqlError.WRONG_PARAMETER_COUNT, "The statement has " + parameterCount() + " parameter(s) but "
                    + given.length + " value(s) were given");
        }
        Object[] params = withSequenceValues(given);
        Statement s = statement;
        if (s instanceof Statement.Query) {
            PointLookup p = pointLookup();
            if (p != null) {
                return KeyAccess.lookup(session, p, params);
            }
            QueryResult shared = liftedQuery(params, cancel);
            if (shared != null) {
                return shared;
            }
            return query(compile(st -> ((Statement.Query) st).node()), params, cancel);
        }
        if (s instanceof Statement.LockingQuery lq) {
            return LockingReads.run(this, lockingPlan(), lq, params, cancel);
        }
        if (s instanceof Statement.Get get) {
            return KeyAccess.get(session, get, params);
        }
        if (s instanceof Statement.Scan scan) {
            return KeyAccess.scan(session, scan, params);
        }
        if (s instanceof Statement.Insert insert) {
            DmlExecutor[] ran = new DmlExecutor[1];
            long count = session.write(t -> {
                ran[0] = new DmlExecutor(this, t, cancel, keys);
                return ran[0].insert(insert, params);
            });
            return new UpdateCount(count, ran[0].generatedKeys());
        }
        if (s instanceof Statement.Update update) {
            return new UpdateCount(session.write(t -> new DmlExecutor(this, t, cancel, keys).update(update, params)));
        }
        if (s instanceof Statement.Delete delete) {
            return new UpdateCount(session.write(t -> new DmlExecutor(this, t, cancel, keys).delete(delete, params)));
        }
        if (s instanceof Statement.Explain) {
            CompiledQuery q = compile(st -> ((Statement.Explain) st).query());
            List<Object[]> rows = new ArrayList<>();
            for (String line : q.plan().split("\n")) {
                rows.add(new Object[] {line});
            }
            return QueryResult.of(columns(), rows);
        }
        if (s instanceof Statement.SetOption set) {
            SessionSettings.apply(session, set);
            return new UpdateCount(0);
        }
        if (s instanceof Statement.Checkpoint) {
            session.database().engine().checkpoint();
            return new UpdateCount(0);
        }
        if (s instanceof Statement.Ddl ddl) {
            return new UpdateCount(session.write(t -> DdlExecutor.execute(session, t, ddl)));
        }
        IntegrityReport report = session.database().engine().verifyIntegrity();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {report.isClean() ? "OK" : "DAMAGED"});
        for (String p : report.problems()) {
            rows.add(new Object[] {p});
        }
        return QueryResult.of(columns(), rows);
    }

    private QueryResult query(CompiledQuery q, Object[] params, AtomicBoolean cancel) {
        return queryInternal(q, internal(params, q.parameterTypes()), cancel);
    }

    /**
     * The query run through the plan it shares with the texts that differ from it only in literals
     * ({@link LiteralLifting}), or null when it has no such plan or its literals do not fit it exactly.
     */
    private QueryResult liftedQuery(Object[] params, AtomicBoolean cancel) {
        if (!liftingChecked) {
            liftingChecked = true;
            lifted = LiteralLifting.find(sql, ((Statement.Query) statement).node(), statement.parameterCount());
        }
        CompiledQuery q = lifted == null ? null : liftedPlan();
        Object[] literals = q == null ? null : lifted.values(q.parameterTypes());
        if (literals == null) {
            return null;
        }
        Object[] own = internal(params, q.parameterTypes());
        Object[] all = new Object[own.length + literals.length];
        System.arraycopy(own, 0, all, 0, own.length);
        System.arraycopy(literals, 0, all, own.length, literals.length);
        return queryInternal(q, all, cancel);
    }

    private CompiledQuery liftedPlan() {
        CatalogView view = session.catalog();
        long version = view.version();
        if (version < 0) {
            return null; // against uncommitted DDL: planned as written
        }
        if (liftedCompiled != null && liftedCompiled.catalogVersion() == version) {
            return liftedCompiled;
        }
        StatementCache cache = session.database().statements();
        StatementCache.LiftedPlan cached = cache.liftedPlan(lifted.key(), version);
        if (cached == null) {
            CompiledQuery q = null;
            try {
                SqlNode fresh = ((Statement.Query) SqlParser.parse(sql)).node();
                q = session.database().planner().compile(LiteralLifting.lift(fresh, lifted), view);
            } catch (SqlError e) {
                // e.g. a parameter whose type Calcite cannot infer: the text as written reports its own errors
            }
            cached = cache.storeLiftedPlan(lifted.key(), version, q);
        }
        liftedCompiled = cached.plan();
        return liftedCompiled;
    }

    private QueryResult queryInternal(CompiledQuery q, Object[] internalParams, AtomicBoolean cancel) {
        Session.ReadScope scope = session.read();
        try {
            RowIterator rows = q.execute(context(scope.transaction(), internalParams, cancel));
            return QueryResult.of(q.columns(), rows, scope.onClose());
        } catch (RuntimeException e) {
            scope.onClose().run();
            throw e;
        }
    }

    /** The application's number for the statement's parameter {@code index}. */
    private int applicationIndex(int index) {
        int before = 0;
        for (int s : sequenceParams.keySet()) {
            if (s < index) {
                before++;
            }
        }
        return index - before;
    }

    /** The application's parameters with the next value of each NEXT VALUE FOR inserted at its index. */
    private Object[] withSequenceValues(Object[] given) {
        if (sequenceParams.isEmpty()) {
            return given;
        }
        Object[] all = new Object[statement.parameterCount()];
        for (int i = 0, g = 0; i < all.length; i++) {
            QualifiedName sequence = sequenceParams.get(i);
            if (sequence == null) {
                all[i] = given[g++];
            } else {
                SequenceDef def = session.catalog().sequence(sequence);
                if (def == null) {
                    throw new SqlError(SqlError.UNKNOWN_TABLE, "Sequence " + sequence.name() + " not found");
                }
                all[i] = session.database().sequences().next(def);
            }
        }
        return all;
    }

    // ---- shared with the DML executor ----

    Session session() {
        return session;
    }

    /** The compiled form of the query {@code build} makes from the statement, reusing a current one. */
    CompiledQuery compile(Function<Statement, SqlNode> build) {
        CatalogView view = session.catalog();
        long version = view.version();
        if (compiled != null && compiled.catalogVersion() == version && version >= 0) {
            return compiled;
        }
        StatementCache cache = session.database().statements();
        CompiledQuery cached = cache.plan(sql, version);
        if (cached != null) {
            compiled = cached;
            return compiled;
        }
        compiled = session.database().planner().compile(build.apply(SqlParser.parse(sql)), view);
        cache.storePlan(sql, statement, compiled);
        return compiled;
    }

    /** The compiled form of the re-evaluation query {@code build} makes; kept here only (rarely needed). */
    CompiledQuery compileRecheck(Function<Statement, SqlNode> build) {
        CatalogView view = session.catalog();
        if (recheck == null || recheck.catalogVersion() != view.version() || view.version() < 0) {
            recheck = session.database().planner().compile(build.apply(SqlParser.parse(sql)), view);
        }
        return recheck;
    }

    /** The plan of this SELECT ... FOR UPDATE, for the current catalog. */
    private LockingReads.Plan lockingPlan() {
        if (locking == null || locking.query().catalogVersion() != session.catalog().version() || session.catalog().version() < 0) {
            locking = LockingReads.plan(this);
        }
        return locking;
    }

    /** The number of parameters in the statement text, NEXT VALUE FOR slots included. */
    int textParameterCount() {
        return statement.parameterCount();
    }

    /** The point lookup this SELECT is, for the current catalog, or null. */
    private PointLookup pointLookup() {
        CatalogView view = session.catalog();
        if (view.version() != pointVersion || view.version() < 0) {
            point = PointLookup.select(((Statement.Query) statement).node(), view);
            pointVersion = view.version();
        }
        return point;
    }

    ExecutionContext context(Transaction transaction, Object[] internalParams, AtomicBoolean cancel) {
        var planner = session.database().planner();
        CatalogView catalog = session.catalog();
        return new ExecutionContext(() -> planner.rootSchema(catalog).plus(), planner.typeFactory(), transaction,
                internalParams, cancel);
    }

    static Object[] internal(Object[] external, List<ColumnType> types) {
        Object[] out = new Object[external.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = i < types.size() ? ValueCoercion.toInternal(external[i], types.get(i)) : external[i];
        }
        return out;
    }

    private static ResultColumn textColumn(String name) {
        return new ResultColumn(name, name, "", "", TEXT, false);
    }
}
