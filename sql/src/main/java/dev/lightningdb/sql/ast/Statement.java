package dev.lightningdb.sql.ast;

import dev.lightningdb.sql.result.ColumnType;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * A parsed statement. Queries and expressions are kept as Calcite {@link SqlNode}s so that Calcite
 * validates and plans them; DDL and DML are LightningDB's own commands.
 */
public sealed interface Statement {
    /** Number of parameters: the {@code ?}s of the text plus one per {@code NEXT VALUE FOR}. */
    int parameterCount();

    /** Calls the method of {@code visitor} for this kind of statement. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of statement: how the SQL layer dispatches without a chain of type tests. */
    interface Visitor<R> {
        R query(Query statement);

        R lockingQuery(LockingQuery statement);

        R explain(Explain statement);

        R ddl(Ddl statement);

        R insert(Insert statement);

        R get(Get statement);

        R scan(Scan statement);

        R update(Update statement);

        R delete(Delete statement);

        R setOption(SetOption statement);

        R checkpoint(Checkpoint statement);

        R verifyIntegrity(VerifyIntegrity statement);

        R merge(Merge statement);
    }

    /** One method per kind of schema change. */
    interface DdlVisitor<R> {
        R createTable(CreateTable statement);

        R alterTable(AlterTable statement);

        R createIndex(CreateIndex statement);

        R dropIndex(DropIndex statement);

        R createSequence(CreateSequence statement);

        R dropSequence(DropSequence statement);

        R createSchema(CreateSchema statement);

        R dropSchema(DropSchema statement);

        R truncate(Truncate statement);

        R analyze(Analyze statement);

        R dropTable(DropTable statement);

        R createView(CreateView statement);

        R dropView(DropView statement);
    }

    /** Every SqlNode of the statement (for finding sequence parameters). */
    default List<SqlNode> nodes() {
        List<SqlNode> out = new java.util.ArrayList<>();
        if (this instanceof Query q) {
            out.add(q.node());
        } else if (this instanceof LockingQuery q) {
            out.add(q.node());
            out.add(q.locking().offset());
            out.add(q.locking().fetch());
        } else if (this instanceof Explain e) {
            out.add(e.query());
        } else if (this instanceof Insert i) {
            i.rows().forEach(out::addAll);
            out.add(i.query());
            out.addAll(i.updateValues());
        } else if (this instanceof Update u) {
            out.addAll(u.values());
            out.add(u.where());
        } else if (this instanceof Delete d) {
            out.add(d.where());
        } else if (this instanceof Merge m) {
            out.addAll(m.parts());
        } else if (this instanceof Get g) {
            out.addAll(g.keyValues());
        } else if (this instanceof Scan s) {
            if (s.from() != null) {
                out.addAll(s.from());
            }
            if (s.to() != null) {
                out.addAll(s.to());
            }
            out.add(s.limit());
        }
        return out;
    }

    /** {@code SELECT ...}: planned by Calcite. */
    record Query(SqlNode node, int parameterCount) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.query(this);
        }
    }

    /**
     * {@code SELECT ... FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE [OF t, ...] [NOWAIT | SKIP
     * LOCKED]}: {@code node} is the query without its OFFSET and LIMIT, which are applied to the
     * rows once locked (rows skipped as locked do not count).
     */
    record LockingQuery(SqlNode node, int parameterCount, Locking locking) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.lockingQuery(this);
        }
    }

    /** What a locking query locks and how it waits; {@code of} empty means every table of the FROM clause. */
    record Locking(boolean exclusive, List<QualifiedName> of, Wait waitPolicy, SqlNode offset, SqlNode fetch) {
    }

    /** A locking query's wait policy. */
    enum Wait { WAIT, NOWAIT, SKIP_LOCKED }

    /** {@code EXPLAIN [PLAN FOR] query}. */
    record Explain(SqlNode query, int parameterCount) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.explain(this);
        }
    }

    /** A statement without parameters (DDL and maintenance). */
    sealed interface Ddl extends Statement {
        @Override
        default int parameterCount() {
            return 0;
        }

        @Override
        default <R> R accept(Visitor<R> visitor) {
            return visitor.ddl(this);
        }

        /** Calls the method of {@code visitor} for this kind of schema change. */
        <R> R accept(DdlVisitor<R> visitor);
    }

    /**
     * {@code CREATE TABLE}; column-level UNIQUE/CHECK/REFERENCES are already in {@code constraints}.
     * {@code temporary}: null for a permanent table.
     */
    record CreateTable(QualifiedName name, boolean ifNotExists, List<ColumnSpec> columns, List<String> primaryKey,
                       List<ConstraintSpec> constraints, Temporary temporary) implements Ddl {
        public CreateTable(QualifiedName name, boolean ifNotExists, List<ColumnSpec> columns, List<String> primaryKey,
                           List<ConstraintSpec> constraints) {
            this(name, ifNotExists, columns, primaryKey, constraints, null);
        }

        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.createTable(this);
        }
    }

    /** {@code ALTER TABLE t ...}. */
    record AlterTable(QualifiedName table, boolean ifExists, AlterAction action) implements Ddl {
        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.alterTable(this);
        }
    }

    /** One change of ALTER TABLE. */
    sealed interface AlterAction {
        record AddColumn(ColumnSpec column, boolean ifNotExists, List<ConstraintSpec> constraints) implements AlterAction {
        }

        /** {@code DROP COLUMN c [CASCADE]}: {@code cascade} also drops the views that use the column. */
        record DropColumn(String column, boolean ifExists, boolean cascade) implements AlterAction {
            public DropColumn(String column, boolean ifExists) {
                this(column, ifExists, false);
            }
        }

        record RenameColumn(String from, String to) implements AlterAction {
        }

        record RenameTable(QualifiedName to) implements AlterAction {
        }

        record AddConstraint(ConstraintSpec constraint) implements AlterAction {
        }

        record DropConstraint(String name, boolean ifExists) implements AlterAction {
        }

        /** {@code ADD [CONSTRAINT n] PRIMARY KEY (c, ...)}: only on a table declared without one (its hidden row id goes). */
        record AddPrimaryKey(List<String> columns) implements AlterAction {
        }

        /** {@code ALTER COLUMN c [SET DATA] TYPE t}: existing values are converted. */
        record SetColumnType(String column, ColumnType type) implements AlterAction {
        }

        /** {@code ALTER COLUMN c SET NOT NULL} ({@code notNull}) or {@code DROP NOT NULL}. */
        record SetColumnNotNull(String column, boolean notNull) implements AlterAction {
        }

        /** {@code ALTER COLUMN c SET DEFAULT e}, or {@code DROP DEFAULT} ({@code defaultSql} null). */
        record SetColumnDefault(String column, String defaultSql) implements AlterAction {
        }

        /**
         * H2's {@code ALTER COLUMN c type [DEFAULT e] [NULL | NOT NULL]} and MySQL's {@code MODIFY COLUMN}:
         * the type and the default (null: none) replace the column's, as H2 does; {@code notNull} is null
         * when neither NULL nor NOT NULL is written, which keeps the column's nullability.
         */
        record RedefineColumn(String column, ColumnType type, Boolean notNull, String defaultSql) implements AlterAction {
        }
    }

    /**
     * {@code MERGE INTO t [AS alias] USING source ON condition WHEN ...}: {@code source} is a table
     * reference (a table or a derived table, with its alias); the first clause whose kind (MATCHED or
     * NOT MATCHED) and condition fit a source row applies to it.
     */
    record Merge(QualifiedName table, String alias, SqlNode source, SqlNode condition, List<MergeClause> clauses,
                 int parameterCount) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.merge(this);
        }

        private List<SqlNode> parts() {
            List<SqlNode> out = new java.util.ArrayList<>(List.of(source, condition));
            for (MergeClause c : clauses) {
                out.add(c.condition());
                out.addAll(c.values());
            }
            return out;
        }
    }

    /**
     * One WHEN clause of a MERGE: {@code matched} for WHEN MATCHED; {@code condition} is its AND
     * condition (null: none); UPDATE sets {@code columns} to {@code values}, INSERT inserts {@code values}
     * into {@code columns} (empty: every column).
     */
    record MergeClause(boolean matched, SqlNode condition, MergeAction action, List<String> columns, List<SqlNode> values) {
    }

    enum MergeAction { UPDATE, DELETE, INSERT }

    /** {@code CREATE [UNIQUE] INDEX name ON t (cols)}. */
    record CreateIndex(String name, QualifiedName table, boolean unique, boolean ifNotExists, List<String> columns) implements Ddl {
        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.createIndex(this);
        }
    }

    /** {@code DROP INDEX [schema.]name}. */
    record DropIndex(QualifiedName name, boolean ifExists) implements Ddl {
        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.dropIndex(this);
        }
    }

    /** {@code CREATE SEQUENCE}; unset options are null. */
    record CreateSequence(QualifiedName name, boolean ifNotExists, Long start, Long increment, Long min, Long max, boolean cycle)
            implements Ddl {
        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.createSequence(this);
        }
    }

    record DropSequence(QualifiedName name, boolean ifExists) implements Ddl {
        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.dropSequence(this);
        }
    }

    record CreateSchema(String name, boolean ifNotExists) implements Ddl {
        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.createSchema(this);
        }
    }

    record DropSchema(String name, boolean ifExists, boolean cascade) implements Ddl {
        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.dropSchema(this);
        }
    }

    record Truncate(QualifiedName table) implements Ddl {
        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.truncate(this);
        }
    }

    /** {@code ANALYZE [table]}: null table = every table. */
    record Analyze(QualifiedName table) implements Ddl {
        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.analyze(this);
        }
    }

    /** {@code DROP TABLE}; {@code cascade} also drops the views that read the table. */
    record DropTable(QualifiedName name, boolean ifExists, boolean cascade) implements Ddl {
        /** {@code DROP TABLE} without CASCADE: refused while another table's foreign key or a view references it. */
        public DropTable(QualifiedName name, boolean ifExists) {
            this(name, ifExists, false);
        }

        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.dropTable(this);
        }
    }

    /**
     * {@code CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name [(columns)] AS query}: {@code sql} is the
     * query's text, parsed again (and checked) when the view is created and each time it is planned.
     */
    record CreateView(QualifiedName name, boolean orReplace, boolean ifNotExists, List<String> columns, String sql)
            implements Ddl {
        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.createView(this);
        }
    }

    /** {@code DROP VIEW [IF EXISTS] name, ... [RESTRICT | CASCADE]}. */
    record DropView(List<QualifiedName> names, boolean ifExists, boolean cascade) implements Ddl {
        @Override
        public <R> R accept(DdlVisitor<R> visitor) {
            return visitor.dropView(this);
        }
    }

    /** What an INSERT does with a row whose primary key already exists. */
    enum OnConflict {
        /** Fail with 23505 (plain INSERT). */
        ERROR,
        /** Skip the row ({@code ON CONFLICT DO NOTHING}). */
        NOTHING,
        /** Assign {@code updateColumns} in the existing row ({@code ON CONFLICT DO UPDATE SET}). */
        UPDATE,
        /** Replace the whole row ({@code PUT}). */
        REPLACE
    }

    /**
     * {@code INSERT INTO t [(cols)] VALUES (...), ...} ({@code rows} set) or {@code INSERT ... query}
     * ({@code query} set), and {@code PUT}. An empty column list means all columns in table order.
     * For {@link OnConflict#UPDATE}, {@code updateValues} may refer to {@code EXCLUDED.column}.
     */
    record Insert(QualifiedName table, List<String> columns, List<List<SqlNode>> rows, SqlNode query, OnConflict onConflict,
                  List<String> updateColumns, List<SqlNode> updateValues, int parameterCount) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.insert(this);
        }
    }

    /** {@code GET FROM t WHERE k1 = v1 AND ...}: one row by its full primary key. */
    record Get(QualifiedName table, List<String> keyColumns, List<SqlNode> keyValues, int parameterCount) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.get(this);
        }
        public SqlNode valueAt(int i) {
            return keyValues.get(i);
        }
    }

    /** {@code SCAN t [FROM (..)] [TO (..)] [LIMIT n] [REVERSE]}: bounds are key prefixes; null when absent. */
    record Scan(QualifiedName table, List<SqlNode> from, List<SqlNode> to, SqlNode limit, boolean reverse, int parameterCount)
            implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.scan(this);
        }
    }

    /** {@code UPDATE t SET c = e, ... [WHERE p]}; {@code where} may be null. */
    record Update(QualifiedName table, String alias, List<String> columns, List<SqlNode> values, SqlNode where,
                  int parameterCount) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.update(this);
        }
    }

    /** {@code DELETE FROM t [WHERE p]}; {@code where} may be null. */
    record Delete(QualifiedName table, String alias, SqlNode where, int parameterCount) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.delete(this);
        }
    }

    /**
     * {@code SET name [=|TO] value [, value ...]}: a setting of the session. Values are as written:
     * numbers and strings as their text, names case-folded.
     */
    record SetOption(String name, List<String> values) implements Statement {
        public SetOption {
            values = List.copyOf(values);
        }

        /** The first value. */
        public String value() {
            return values.get(0);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.setOption(this);
        }
        @Override
        public int parameterCount() {
            return 0;
        }
    }

    /** {@code CHECKPOINT}. */
    record Checkpoint() implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.checkpoint(this);
        }
        @Override
        public int parameterCount() {
            return 0;
        }
    }

    /** {@code VERIFY INTEGRITY}. */
    record VerifyIntegrity() implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.verifyIntegrity(this);
        }
        @Override
        public int parameterCount() {
            return 0;
        }
    }
}
