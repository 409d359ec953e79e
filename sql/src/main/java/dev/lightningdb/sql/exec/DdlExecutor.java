package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Cursor;
import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.SqlError;
import dev.lightningdb.sql.ast.ColumnSpec;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.CatalogCodec;
import dev.lightningdb.sql.catalog.CatalogKeys;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.SequenceDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.KeyCodec;
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

    static long execute(Session session, Transaction txn, Statement.Ddl ddl) {
        if (!(ddl instanceof Statement.Analyze)) {
            SchemaLocks.forChange(session, txn, ddl);
        }
        if (ddl instanceof Statement.CreateTable c) {
            return createTable(session, txn, c);
        }
        if (ddl instanceof Statement.DropTable d) {
            return dropTable(session, txn, d);
        }
        if (ddl instanceof Statement.AlterTable a) {
            return AlterTableExecutor.execute(session, txn, a);
        }
        if (ddl instanceof Statement.CreateIndex c) {
            return createIndex(session, txn, c);
        }
        if (ddl instanceof Statement.DropIndex d) {
            return dropIndex(session, txn, d);
        }
        if (ddl instanceof Statement.CreateSequence c) {
            return createSequence(session, txn, c);
        }
        if (ddl instanceof Statement.DropSequence d) {
            return dropSequence(session, txn, d);
        }
        if (ddl instanceof Statement.CreateSchema c) {
            return createSchema(session, txn, c);
        }
        if (ddl instanceof Statement.DropSchema d) {
            return dropSchema(session, txn, d);
        }
        if (ddl instanceof Statement.Analyze a) {
            return Analyzer.analyze(session, txn, a.table());
        }
        Statement.Truncate t = (Statement.Truncate) ddl;
        TableDef table = requireTable(session.catalog(), t.table());
        deleteRows(txn, table);
        return 0;
    }

    static TableDef requireTable(CatalogView catalog, QualifiedName name) {
        TableDef t = catalog.table(name);
        if (t == null) {
            throw SqlError.unknownTable(name.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? name.name() : name.toString());
        }
        return t;
    }

    static void save(Session session, Transaction txn, TableDef table) {
        txn.put(CatalogKeys.table(table.name()), CatalogCodec.encode(table));
        session.catalogChanges().put(table);
    }

    private static void requireSchema(CatalogView catalog, String schema) {
        if (!catalog.schemas().contains(schema)) {
            throw new SqlError("3F000", "Schema " + schema + " does not exist");
        }
    }

    static long createTable(Session session, Transaction txn, Statement.CreateTable create) {
        CatalogView catalog = session.catalog();
        if (catalog.table(create.name()) != null) {
            if (create.ifNotExists()) {
                return 0;
            }
            throw new SqlError(SqlError.TABLE_EXISTS, "Table " + create.name().name() + " already exists");
        }
        requireSchema(catalog, create.name().schema());
        if (create.primaryKey().isEmpty()) {
            throw SqlError.unsupported("A table without a PRIMARY KEY (table " + create.name().name() + ")");
        }
        List<ColumnDef> columns = new ArrayList<>();
        TableDef.Identity identity = null;
        for (int i = 0; i < create.columns().size(); i++) {
            ColumnSpec c = create.columns().get(i);
            boolean inKey = create.primaryKey().contains(c.name());
            columns.add(column(c, inKey));
            if (c.identity()) {
                if (identity != null) {
                    throw new SqlError(SqlError.SYNTAX, "Table " + create.name().name() + " has more than one identity column");
                }
                identity = identity(c, i);
            }
        }
        int[] pk = new int[create.primaryKey().size()];
        for (int i = 0; i < pk.length; i++) {
            pk[i] = position(columns, create.primaryKey().get(i), create.name());
            if (!KeyCodec.supports(columns.get(pk[i]).type())) {
                throw SqlError.unsupported("A primary key column of type " + columns.get(pk[i]).type().sqlName() + " (column "
                        + create.primaryKey().get(i) + ")");
            }
        }
        for (ColumnDef c : columns) {
            if (c.defaultSql() != null) {
                Defaults.check(c, session);
            }
        }
        TableDef table = new TableDef(session.database().catalog().allocateTableId(), create.name(), columns, pk, identity,
                List.of(), List.of());
        for (var constraint : create.constraints()) {
            table = Constraints.add(session, txn, table, constraint, false);
        }
        save(session, txn, table);
        return 0;
    }

    static ColumnDef column(ColumnSpec c, boolean inKey) {
        return new ColumnDef(c.name(), c.type(), !(c.notNull() || inKey), c.defaultSql());
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

    static long dropTable(Session session, Transaction txn, Statement.DropTable drop) {
        TableDef table = session.catalog().table(drop.name());
        if (table == null) {
            if (drop.ifExists()) {
                return 0;
            }
            throw SqlError.unknownTable(drop.name().name());
        }
        SchemaLocks.exclusive(txn, table); // taken already, unless a DROP SCHEMA ... CASCADE drops it
        deleteRows(txn, table);
        txn.delete(CatalogKeys.table(table.name()));
        txn.delete(CatalogKeys.identityCounter(table.id()));
        session.catalogChanges().drop(table.name());
        session.database().sequences().forget(CatalogKeys.identityCounter(table.id()));
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

    private static long createIndex(Session session, Transaction txn, Statement.CreateIndex create) {
        TableDef table = requireTable(session.catalog(), create.table());
        if (session.catalog().tableOfIndex(table.name().schema(), create.name()) != null) {
            if (create.ifNotExists()) {
                return 0;
            }
            throw new SqlError(SqlError.TABLE_EXISTS, "Index " + create.name() + " already exists");
        }
        int[] columns = new int[create.columns().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = DmlExecutor.column(table, create.columns().get(i));
        }
        IndexDef index = new IndexDef(session.database().catalog().allocateTableId(), create.name(), create.unique(), columns, false);
        List<IndexDef> indexes = new ArrayList<>(table.indexes());
        indexes.add(index);
        TableDef changed = table.withIndexes(indexes);
        new TableWriter(changed, txn).backfill(index);
        save(session, txn, changed);
        return 0;
    }

    private static long dropIndex(Session session, Transaction txn, Statement.DropIndex drop) {
        TableDef table = session.catalog().tableOfIndex(drop.name().schema(), drop.name().name());
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
        save(session, txn, table.withIndexes(indexes));
        return 0;
    }

    private static long createSequence(Session session, Transaction txn, Statement.CreateSequence create) {
        CatalogView catalog = session.catalog();
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
        txn.delete(CatalogKeys.sequenceCounter(def.name()));
        session.catalogChanges().put(def);
        return 0;
    }

    private static long dropSequence(Session session, Transaction txn, Statement.DropSequence drop) {
        if (session.catalog().sequence(drop.name()) == null) {
            if (drop.ifExists()) {
                return 0;
            }
            throw new SqlError(SqlError.UNKNOWN_TABLE, "Sequence " + drop.name().name() + " not found");
        }
        txn.delete(CatalogKeys.sequence(drop.name()));
        txn.delete(CatalogKeys.sequenceCounter(drop.name()));
        session.catalogChanges().dropSequence(drop.name());
        session.database().sequences().forget(CatalogKeys.sequenceCounter(drop.name()));
        return 0;
    }

    private static long createSchema(Session session, Transaction txn, Statement.CreateSchema create) {
        if (session.catalog().schemas().contains(create.name())) {
            if (create.ifNotExists()) {
                return 0;
            }
            throw new SqlError("42P06", "Schema " + create.name() + " already exists");
        }
        txn.put(CatalogKeys.schema(create.name()), new byte[0]);
        session.catalogChanges().schema(create.name(), true);
        return 0;
    }

    private static long dropSchema(Session session, Transaction txn, Statement.DropSchema drop) {
        CatalogView catalog = session.catalog();
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
        if ((!tables.isEmpty() || !sequences.isEmpty()) && !drop.cascade()) {
            throw new SqlError("2BP01", "Schema " + drop.name() + " is not empty (use DROP SCHEMA ... CASCADE)");
        }
        for (TableDef t : tables) {
            dropTable(session, txn, new Statement.DropTable(t.name(), false));
        }
        for (SequenceDef s : sequences) {
            dropSequence(session, txn, new Statement.DropSequence(s.name(), false));
        }
        txn.delete(CatalogKeys.schema(drop.name()));
        session.catalogChanges().schema(drop.name(), false);
        return 0;
    }
}
