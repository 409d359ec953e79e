package dev.lightningdb.sql.session;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.SequenceDef;
import dev.lightningdb.sql.exec.StatementContext;
import dev.lightningdb.sql.exec.StatementQueries;
import dev.lightningdb.sql.exec.StatementRunner;
import dev.lightningdb.sql.exec.StatementRunners;
import dev.lightningdb.sql.parser.SequenceParam;
import dev.lightningdb.sql.parser.SqlParser;
import dev.lightningdb.sql.plan.CompiledQuery;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.KeyRequest;
import dev.lightningdb.sql.result.Result;
import dev.lightningdb.sql.result.ResultColumn;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.result.UpdateCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.calcite.sql.SqlNode;

/**
 * A parsed statement bound to a session, runnable many times. Queries (and the helper queries of
 * DML) are compiled on first use and kept, here and in the database's {@link StatementCache}, while
 * the catalog version they were planned against is current. Calcite validation rewrites SqlNodes in
 * place, so compilation always works on a fresh parse; {@link #statement} itself is never validated.
 * A SELECT of one row by its full primary key runs as a key lookup without Calcite.
 *
 * <p>The statement is parsed and planned for the session's current schema ({@link #schema}); when the
 * session moves to another one, it is parsed again for it before it next runs (as PostgreSQL plans a
 * prepared statement again after a change of search_path).
 */
public final class Prepared {
    private static final ColumnType TEXT = ColumnType.of(ColumnType.Kind.VARCHAR);

    private final Session session;
    private final String sql;
    /** The current schema {@link #statement} was parsed for. */
    private String schema;
    private Statement statement;
    /** How this kind of statement describes and runs itself; chosen once per parse. */
    private StatementRunner runner;
    /** NEXT VALUE FOR occurrences by parameter index; the application's parameters fill the other slots. */
    private Map<Integer, QualifiedName> sequenceParams;
    private CompiledQuery compiled;
    /** DML's re-evaluation of one changed row; compiled when first needed. */
    private CompiledQuery recheck;
    /** Whether {@link #lifted} has been looked for; the literals this query shares a plan without, or null. */
    private boolean liftingChecked;
    private LiteralLifting.Lifted lifted;
    private CompiledQuery liftedCompiled;
    private final StatementQueries queries = new StatementQueries() {
        @Override
        public String sql() {
            return sql;
        }

        @Override
        public int textParameterCount() {
            return statement.parameterCount();
        }

        @Override
        public CompiledQuery compile(Function<Statement, SqlNode> build) {
            return Prepared.this.compile(build);
        }

        @Override
        public CompiledQuery compileRecheck(Function<Statement, SqlNode> build) {
            return Prepared.this.compileRecheck(build);
        }

        @Override
        public SharedPlan sharedPlan() {
            return Prepared.this.sharedPlan();
        }
    };

    Prepared(Session session, String sql, String schema, Statement statement) {
        this.session = session;
        this.sql = sql;
        bind(schema, statement);
    }

    private void bind(String schema, Statement parsed) {
        this.schema = schema;
        this.statement = parsed;
        this.sequenceParams = SequenceParam.find(parsed.nodes());
        this.runner = parsed instanceof Statement.SetOption set ? settingRunner(session, set) : StatementRunners.of(parsed);
        this.compiled = null;
        this.recheck = null;
        this.liftingChecked = false;
        this.lifted = null;
        this.liftedCompiled = null;
    }

    /** Parses the statement again if the session's current schema is no longer the one it was parsed for. */
    private void followSchema() {
        String current = session.schema();
        if (!current.equals(schema)) {
            bind(current, session.database().statements().parse(current, sql));
        }
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
        return runner.returnsRows();
    }

    /** The result columns of a statement that returns rows (compiles a query if needed); else empty. */
    public synchronized List<ResultColumn> columns() {
        followSchema();
        return runner.columns(context(new Object[0], new AtomicBoolean()));
    }

    /**
     * The type of each parameter where known: inferred for queries and for the conditions and
     * expressions of DML, the target column's for a bare {@code ?} in INSERT VALUES; VARCHAR otherwise.
     */
    public synchronized List<ColumnType> parameterTypes() {
        followSchema();
        List<ColumnType> known = runner.parameterTypes(context(new Object[0], new AtomicBoolean()));
        List<ColumnType> types = new ArrayList<>();
        for (int i = 0; i < statement.parameterCount(); i++) {
            if (!sequenceParams.containsKey(i)) {
                ColumnType t = i < known.size() ? known.get(i) : null;
                types.add(t != null ? t : TEXT);
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
        followSchema();
        return runner.execute(context(withSequenceValues(given), cancel), keys);
    }

    /** What this statement's executors work with for one run. */
    private StatementContext context(Object[] params, AtomicBoolean cancel) {
        return new StatementContext(session.database().services(), session.catalogChanges(), session.scopes(), queries, schema, params,
                cancel, session.referentialIntegrity());
    }

    /** {@code SET}: the one statement that changes the session rather than data. */
    private static StatementRunner settingRunner(Session session, Statement.SetOption set) {
        return (cx, keys) -> {
            SessionSettings.apply(session, set);
            return new UpdateCount(0);
        };
    }

    /** The plan this query shares with the texts that differ from it only in literals ({@link LiteralLifting}), or null. */
    private StatementQueries.SharedPlan sharedPlan() {
        if (!liftingChecked) {
            liftingChecked = true;
            lifted = statement instanceof Statement.Query q ? LiteralLifting.find(sql, q.node(), statement.parameterCount()) : null;
        }
        CompiledQuery q = lifted == null ? null : liftedPlan();
        Object[] literals = q == null ? null : lifted.values(q.parameterTypes());
        return literals == null ? null : new StatementQueries.SharedPlan(q, literals);
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
        StatementCache.LiftedPlan cached = cache.liftedPlan(schema, lifted.key(), version);
        if (cached == null) {
            CompiledQuery q = null;
            try {
                SqlNode fresh = ((Statement.Query) SqlParser.parse(sql, schema)).node();
                q = session.database().planner().compile(LiteralLifting.lift(fresh, lifted), view, schema);
            } catch (SqlError e) {
                // the lifted form failed to plan: the text as written reports its own errors
            }
            cached = cache.storeLiftedPlan(schema, lifted.key(), version, q);
        }
        liftedCompiled = cached.plan();
        return liftedCompiled;
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
                all[i] = session.database().services().sequences().next(def);
            }
        }
        return all;
    }

    /** The compiled form of the query {@code build} makes from the statement, reusing a current one. */
    CompiledQuery compile(Function<Statement, SqlNode> build) {
        CatalogView view = session.catalog();
        long version = view.version();
        if (compiled != null && compiled.catalogVersion() == version && version >= 0) {
            return compiled;
        }
        StatementCache cache = session.database().statements();
        CompiledQuery cached = cache.plan(schema, sql, version);
        if (cached != null) {
            compiled = cached;
            return compiled;
        }
        compiled = session.database().planner().compile(build.apply(SqlParser.parse(sql, schema)), view, schema);
        cache.storePlan(schema, sql, statement, compiled);
        return compiled;
    }

    /** The compiled form of the re-evaluation query {@code build} makes; kept here only (rarely needed). */
    CompiledQuery compileRecheck(Function<Statement, SqlNode> build) {
        CatalogView view = session.catalog();
        if (recheck == null || recheck.catalogVersion() != view.version() || view.version() < 0) {
            recheck = session.database().planner().compile(build.apply(SqlParser.parse(sql, schema)), view, schema);
        }
        return recheck;
    }
}
