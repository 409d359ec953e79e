package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.common.IntegrityReport;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.plan.CompiledQuery;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.KeyRequest;
import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.Result;
import dev.lightningdb.sql.result.ResultColumn;
import dev.lightningdb.sql.result.UpdateCount;
import java.util.ArrayList;
import java.util.List;

/** Chooses the runner of each kind of statement: the SQL layer's one dispatch point. */
public final class StatementRunners implements Statement.Visitor<StatementRunner> {
    private static final StatementRunners INSTANCE = new StatementRunners();
    private static final ColumnType TEXT = ColumnType.of(ColumnType.Kind.VARCHAR);

    private StatementRunners() {
    }

    /**
     * The runner of {@code statement}. {@code SET} changes the session, which executors never see:
     * the session runs it itself.
     */
    public static StatementRunner of(Statement statement) {
        return statement.accept(INSTANCE);
    }

    @Override
    public StatementRunner query(Statement.Query statement) {
        return new QueryRunner(statement);
    }

    @Override
    public StatementRunner lockingQuery(Statement.LockingQuery statement) {
        return new LockingQueryRunner(statement);
    }

    @Override
    public StatementRunner explain(Statement.Explain statement) {
        return new RowsRunner("PLAN") {
            @Override
            public Result execute(StatementContext cx, KeyRequest keys) {
                CompiledQuery q = cx.queries().compile(st -> ((Statement.Explain) st).query());
                List<Object[]> rows = new ArrayList<>();
                for (String line : q.plan().split("\n")) {
                    rows.add(new Object[] {line});
                }
                return QueryResult.of(columns(cx), rows);
            }
        };
    }

    @Override
    public StatementRunner ddl(Statement.Ddl statement) {
        return (cx, keys) -> new UpdateCount(cx.scopes().write(t -> DdlExecutor.execute(cx, t, statement)));
    }

    @Override
    public StatementRunner insert(Statement.Insert statement) {
        return new DmlRunner(statement);
    }

    @Override
    public StatementRunner update(Statement.Update statement) {
        return new DmlRunner(statement);
    }

    @Override
    public StatementRunner delete(Statement.Delete statement) {
        return new DmlRunner(statement);
    }

    @Override
    public StatementRunner merge(Statement.Merge statement) {
        return new MergeRunner(statement);
    }

    @Override
    public StatementRunner get(Statement.Get statement) {
        return new WholeRowsRunner(statement.table()) {
            @Override
            public Result execute(StatementContext cx, KeyRequest keys) {
                return KeyAccess.get(cx, statement, cx.parameters());
            }
        };
    }

    @Override
    public StatementRunner scan(Statement.Scan statement) {
        return new WholeRowsRunner(statement.table()) {
            @Override
            public Result execute(StatementContext cx, KeyRequest keys) {
                return KeyAccess.scan(cx, statement, cx.parameters());
            }
        };
    }

    @Override
    public StatementRunner setOption(Statement.SetOption statement) {
        throw new IllegalArgumentException("SET " + statement.name() + " changes the session: the session runs it");
    }

    @Override
    public StatementRunner checkpoint(Statement.Checkpoint statement) {
        return (cx, keys) -> {
            cx.services().engine().checkpoint();
            return new UpdateCount(0);
        };
    }

    @Override
    public StatementRunner verifyIntegrity(Statement.VerifyIntegrity statement) {
        return new RowsRunner("RESULT") {
            @Override
            public Result execute(StatementContext cx, KeyRequest keys) {
                IntegrityReport report = cx.services().engine().verifyIntegrity();
                List<Object[]> rows = new ArrayList<>();
                rows.add(new Object[] {report.isClean() ? "OK" : "DAMAGED"});
                for (String p : report.problems()) {
                    rows.add(new Object[] {p});
                }
                return QueryResult.of(columns(cx), rows);
            }
        };
    }

    /** A statement that answers with one text column. */
    private abstract static class RowsRunner implements StatementRunner {
        private final List<ResultColumn> columns;

        RowsRunner(String column) {
            columns = List.of(new ResultColumn(column, column, "", "", TEXT, false));
        }

        @Override
        public boolean returnsRows() {
            return true;
        }

        @Override
        public List<ResultColumn> columns(StatementContext cx) {
            return columns;
        }
    }

    /** GET and SCAN: every column of one table's rows. */
    private abstract static class WholeRowsRunner implements StatementRunner {
        private final QualifiedName table;

        WholeRowsRunner(QualifiedName table) {
            this.table = table;
        }

        @Override
        public boolean returnsRows() {
            return true;
        }

        @Override
        public List<ResultColumn> columns(StatementContext cx) {
            return KeyAccess.allColumns(cx.catalog().require(table));
        }
    }
}
