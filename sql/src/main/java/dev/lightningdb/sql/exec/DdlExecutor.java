package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.sql.ast.ColumnSpec;
import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.CatalogCodec;
import dev.lightningdb.sql.catalog.CatalogKeys;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.RowId;
import dev.lightningdb.sql.catalog.SequenceDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import dev.lightningdb.sql.storage.TableWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * DDL, written to the catalog key range in the statement's transaction and kept in the session's
 * {@link dev.lightningdb.sql.catalog.CatalogChanges} until commit. Changes that alter stored rows
 * (dropping a column, adding one with a default, building an index) rewrite them in the same
 * transaction, so a rollback undoes everything.
 */
final class DdlExecutor {
    private DdlExecutor() {
    }

    static long execute(StatementContext cx, Transaction txn, Statement.Ddl ddl) {
        if (!(ddl instanceof Statement.Analyze)) {
            SchemaLocks.forChange(cx, txn, ddl); // ANALYZE changes no schema: it only reads rows
        }
        TemporaryTableRules.checkChange(cx, ddl);
        return ddl.accept(new Statement.DdlVisitor<Long>() {
            @Override
            public Long createTable(Statement.CreateTable s) {
                return DdlExecutor.createTable(cx, txn, s);
            }

            @Override
            public Long alterTable(Statement.AlterTable s) {
                return AlterTableExecutor.execute(cx, txn, s);
            }

            @Override
            public Long createIndex(Statement.CreateIndex s) {
                return DdlExecutor.createIndex(cx, txn, s);
            }

            @Override
            public Long dropIndex(Statement.DropIndex s) {
                return DdlExecutor.dropIndex(cx, txn, s);
            }

            @Override
            public Long createSequence(Statement.CreateSequence s) {
                return DdlExecutor.createSequence(cx, txn, s);
            }

            @Override
            public Long dropSequence(Statement.DropSequence s) {
                return DdlExecutor.dropSequence(cx, txn, s);
            }

            @Override
            public Long createSchema(Statement.CreateSchema s) {
                return DdlExecutor.createSchema(cx, txn, s);
            }

            @Override
            public Long dropSchema(Statement.DropSchema s) {
                return DdlExecutor.dropSchema(cx, txn, s);
            }

            @Override
            public Long truncate(Statement.Truncate s) {
                TableDef table = cx.catalog().require(s.table());
                ForeignKeyDdl.beforeTruncate(cx, txn, table);
                deleteRows(txn, table);
                return 0L;
            }

            @Override
            public Long analyze(Statement.Analyze s) {
                return Analyzer.analyze(cx, txn, s.table());
            }

            @Override
            public Long dropTable(Statement.DropTable s) {
                return DdlExecutor.dropTable(cx, txn, s);
            }

            @Override
            public Long createView(Statement.CreateView s) {
                return ViewExecutor.create(cx, txn, s);
            }

            @Override
            public Long dropView(Statement.DropView s) {
                return ViewExecutor.drop(cx, txn, s);
            }
        });
    }

    private static void requireSchema(CatalogView catalog, String schema) {
        if (!catalog.schemas().contains(schema)) {
            throw new SqlError("3F000", "Schema " + schema + " does not exist");
        }
    }

    static long createTable(StatementContext cx, Transaction txn, Statement.CreateTable create) {
        CatalogView catalog = cx.catalog();
        if (catalog.table(create.name()) != null) {
            if (create.ifNotExists()) {
                return 0;
            }
            throw new SqlError(SqlError.TABLE_EXISTS, "Table " + create.name().name() + " already exists");
        }
        if (catalog.view(create.name()) != null) {
            throw new SqlError(SqlError.TABLE_EXISTS, "View " + create.name().name() + " already exists (a table cannot have its name)");
        }
        requireSchema(catalog, create.name().schema());
        if (create.temporary() != null) {
            TemporaryTableRules.prepareCreate(cx, txn, create);
        }
        boolean rowId = create.primaryKey().isEmpty(); // a table without a primary key is keyed by a hidden row id
        List<ColumnDef> columns = new ArrayList<>(rowId ? RowId.withId(List.of()) : List.of());
        TableDef.Identity identity = null;
        for (ColumnSpec c : create.columns()) {
            RowId.checkDeclaredName(c.name());
            boolean inKey = create.primaryKey().contains(c.name());
            columns.add(ColumnDef.of(c, inKey));
            if (c.identity()) {
                if (identity != null) {
                    throw new SqlError(SqlError.SYNTAX, "Table " + create.name().name() + " has more than one identity column");
                }
                identity = identity(c, columns.size() - 1);
            }
        }
        int[] pk = rowId ? RowId.key() : new int[create.primaryKey().size()];
        for (int i = 0; !rowId && i < pk.length; i++) {
            pk[i] = position(columns, create.primaryKey().get(i), create.name());
            if (!KeyCodec.supports(columns.get(pk[i]).type())) {
                throw SqlError.unsupported("A primary key column of type " + columns.get(pk[i]).type().sqlName() + " (column "
                        + create.primaryKey().get(i) + ")");
            }
        }
        for (ColumnDef c : columns) {
            if (c.defaultSql() != null) {
                TableExpressions.checkDefault(cx, txn, c);
            }
        }
        TableDef table = new TableDef(cx.services().catalog().allocateTableId(), create.name(), columns, pk, identity,
                List.of(), List.of(), create.temporary());
        for (var constraint : create.constraints()) {
            if (constraint.kind() != ConstraintSpec.Kind.FOREIGN_KEY) {
                table = Constraints.add(cx, txn, table, constraint, false);
            }
        }
        for (var constraint : create.constraints()) { // last: a self-reference may name a UNIQUE constraint declared after it
            if (constraint.kind() == ConstraintSpec.Kind.FOREIGN_KEY) {
                table = Constraints.add(cx, txn, table, constraint, false);
            }
        }
        TableExpressions.of(cx, table); // a bad generation expression fails here, not at the first INSERT
        cx.saveTable(txn, table);
        return 0;
    }

    static TableDef.Identity identity(ColumnSpec c, int position) {
        switch (c.type().kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> { }
            default -> throw new SqlError(SqlError.SYNTAX, "Identity column " + c.name() + " must have a numeric type, not " + c.type().sqlName());
        }
        return new TableDef.Identity(position, c.identityStart(), c.identityIncrement());
    }

    static int position(List<ColumnDef> columns, String name, QualifiedName table) {
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).name().equals(name)) {
                return j;
            }
        }
        throw new SqlError(SqlError.UNKNOWN_COLUMN, "Column '" + name + "' is not a column of " + table.name());
    }

    static long dropTable(StatementContext cx, Transaction txn, Statement.DropTable drop) {
        TableDef table = cx.catalog().table(drop.name());
        if (table == null && cx.catalog().view(drop.name()) != null) {
            throw new SqlError("42809", drop.name().name() + " is a view, not a table: use DROP VIEW");
        }
        if (table == null) {
            if (drop.ifExists()) {
                return 0;
            }
            throw SqlError.unknownTable(drop.name().name());
        }
        SchemaLocks.exclusive(txn, table); // taken already, unless a DROP SCHEMA ... CASCADE drops it
        ViewDependents.release(cx, txn, v -> v.dependsOn(table.name()), drop.cascade(), "drop table " + table.name().name());
        ForeignKeyDdl.beforeDrop(cx, txn, table, drop.cascade());
        deleteRows(txn, table);
        cx.changes().drop(table.name());
        if (!table.isLocalTemporary()) { // a local temporary table has nothing in the shared database
            txn.delete(CatalogKeys.table(table.name()));
            txn.delete(CatalogKeys.identityCounter(table.id()));
            cx.services().sequences().forget(CatalogKeys.identityCounter(table.id()));
        }
        if (table.hasRowId()) {
            if (table.temporary() == null) { // a temporary table's row ids are counted in memory only
                txn.delete(CatalogKeys.rowIdCounter(table.id()));
            }
            cx.services().sequences().rowIds().forget(table.id());
        }
        return 0;
    }

    /** Deletes every row and index entry of {@code table}. */
    static void deleteRows(Transaction txn, TableDef table) {
        TableWriter writer = new TableWriter(table, txn);
        for (IndexDef i : table.indexes()) {
            writer.dropEntries(i);
        }
        List<byte[]> keys = new ArrayList<>();
        try (Cursor c = txn.scan(new TableRows(table).all())) {
            while (c.next()) {
                keys.add(c.key());
            }
        }
        byte[] tableLock = CatalogKeys.tableLock(table.id()); // held exclusively by this schema change: it covers every row
        for (byte[] key : keys) {
            txn.putCovered(tableLock, key, null);
        }
    }

    private static long createIndex(StatementContext cx, Transaction txn, Statement.CreateIndex create) {
        TableDef table = cx.catalog().require(create.table());
        if (cx.catalog().tableOfIndex(table.name().schema(), create.name()) != null) {
            if (create.ifNotExists()) {
                return 0;
            }
            throw new SqlError(SqlError.TABLE_EXISTS, "Index " + create.name() + " already exists");
        }
        int[] columns = new int[create.columns().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = table.requireColumn(create.columns().get(i));
        }
        IndexDef index = new IndexDef(cx.services().catalog().allocateTableId(), create.name(), create.unique(), columns, false);
        List<IndexDef> indexes = new ArrayList<>(table.indexes());
        indexes.add(index);
        TableDef changed = table.withIndexes(indexes);
        new TableWriter(changed, txn).backfill(index);
        cx.saveTable(txn, changed);
        return 0;
    }

    private static long dropIndex(StatementContext cx, Transaction txn, Statement.DropIndex drop) {
        TableDef table = cx.catalog().tableOfIndex(drop.name().schema(), drop.name().name());
        if (table == null) {
            if (drop.ifExists()) {
                return 0;
            }
            throw new SqlError(SqlError.UNKNOWN_TABLE, "Index " + drop.name().name() + " not found");
        }
        IndexDef index = table.index(drop.name().name());
        if (index.constraint()) {
            throw new SqlError("2BP01", "Index " + index.name() + " belongs to a UNIQUE constraint: drop the constraint instead");
        }
        new TableWriter(table, txn).dropEntries(index);
        List<IndexDef> indexes = new ArrayList<>(table.indexes());
        indexes.remove(index);
        cx.saveTable(txn, table.withIndexes(indexes));
        return 0;
    }

    private static long createSequence(StatementContext cx, Transaction txn, Statement.CreateSequence create) {
        CatalogView catalog = cx.catalog();
        if (catalog.sequence(create.name()) != null) {
            if (create.ifNotExists()) {
                return 0;
            }
            throw new SqlError(SqlError.TABLE_EXISTS, "Sequence " + create.name().name() + " already exists");
        }
        requireSchema(catalog, create.name().schema());
        long increment = create.increment() == null ? 1 : create.increment();
        long min = create.min() != null ? create.min() : increment > 0 ? 1 : Long.MIN_VALUE;
        long max = create.max() != null ? create.max() : increment > 0 ? Long.MAX_VALUE : -1;
        long start = create.start() != null ? create.start() : increment > 0 ? min : max;
        if (min > max || start < min || start > max) {
            throw new SqlError(SqlError.SYNTAX, "Sequence " + create.name().name() + ": START " + start + " must lie in [MINVALUE "
                    + min + ", MAXVALUE " + max + "]");
        }
        SequenceDef def = new SequenceDef(create.name(), start, increment, min, max, create.cycle());
        txn.put(CatalogKeys.sequence(def.name()), CatalogCodec.encode(def));
        // DROP SEQUENCE deletes the counter, so a new sequence finds none; deleting it anyway would lock the key
        // that NEXT VALUE FOR reserves values under in a transaction of its own, and a NEXT VALUE FOR in this
        // transaction would wait for this very transaction.
        byte[] counter = CatalogKeys.sequenceCounter(def.name());
        if (txn.get(counter) != null) {
            txn.delete(counter);
        }
        cx.changes().put(def);
        return 0;
    }

    private static long dropSequence(StatementContext cx, Transaction txn, Statement.DropSequence drop) {
        if (cx.catalog().sequence(drop.name()) == null) {
            if (drop.ifExists()) {
                return 0;
            }
            throw new SqlError(SqlError.UNKNOWN_TABLE, "Sequence " + drop.name().name() + " not found");
        }
        txn.delete(CatalogKeys.sequence(drop.name()));
        txn.delete(CatalogKeys.sequenceCounter(drop.name()));
        cx.changes().dropSequence(drop.name());
        cx.services().sequences().forget(CatalogKeys.sequenceCounter(drop.name()));
        return 0;
    }

    private static long createSchema(StatementContext cx, Transaction txn, Statement.CreateSchema create) {
        if (cx.catalog().schemas().contains(create.name())) {
            if (create.ifNotExists()) {
                return 0;
            }
            throw new SqlError("42P06", "Schema " + create.name() + " already exists");
        }
        txn.put(CatalogKeys.schema(create.name()), new byte[0]);
        cx.changes().schema(create.name(), true);
        return 0;
    }

    private static long dropSchema(StatementContext cx, Transaction txn, Statement.DropSchema drop) {
        CatalogView catalog = cx.catalog();
        if (!catalog.schemas().contains(drop.name())) {
            if (drop.ifExists()) {
                return 0;
            }
            throw new SqlError("3F000", "Schema " + drop.name() + " does not exist");
        }
        if (drop.name().equals(QualifiedName.DEFAULT_SCHEMA)) {
            throw new SqlError("42501", "Schema PUBLIC cannot be dropped");
        }
        List<TableDef> tables = catalog.tables().stream().filter(t -> t.name().schema().equals(drop.name())).toList();
        List<SequenceDef> sequences = catalog.sequences().stream().filter(s -> s.name().schema().equals(drop.name())).toList();
        boolean hasViews = catalog.views().stream().anyMatch(v -> v.name().schema().equals(drop.name()));
        if ((!tables.isEmpty() || !sequences.isEmpty() || hasViews) && !drop.cascade()) {
            throw new SqlError("2BP01", "Schema " + drop.name() + " is not empty (use DROP SCHEMA ... CASCADE)");
        }
        ViewDependents.release(cx, txn, v -> v.name().schema().equals(drop.name()), true, "drop schema " + drop.name());
        for (TableDef t : tables) {
            dropTable(cx, txn, new Statement.DropTable(t.name(), false, true));
        }
        for (SequenceDef s : sequences) {
            dropSequence(cx, txn, new Statement.DropSequence(s.name(), false));
        }
        txn.delete(CatalogKeys.schema(drop.name()));
        cx.changes().schema(drop.name(), false);
        return 0;
    }
}
