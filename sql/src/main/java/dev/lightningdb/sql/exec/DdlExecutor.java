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
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.storage.TableRows;
import java.util.ArrayList;
import java.util.List;

/** CREATE TABLE and DROP TABLE, written to the catalog key range in the statement's transaction. */
final class DdlExecutor {
    private DdlExecutor() {
    }

    /** DDL other than CREATE/DROP TABLE. */
    static long execute(Session session, Transaction txn, Statement.Ddl ddl) {
        throw SqlError.unsupported(ddl.getClass().getSimpleName() + " statements");
    }

    static TableDef requireTable(CatalogView catalog, QualifiedName name) {
        TableDef t = catalog.table(name);
        if (t == null) {
            throw SqlError.unknownTable(name.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? name.name() : name.toString());
        }
        return t;
    }

    static long createTable(Session session, Transaction txn, Statement.CreateTable create) {
        CatalogView catalog = session.catalog();
        if (catalog.table(create.name()) != null) {
            if (create.ifNotExists()) {
                return 0;
            }
            throw new SqlError(SqlError.TABLE_EXISTS, "Table " + create.name().name() + " already exists");
        }
        if (create.primaryKey().isEmpty()) {
            throw SqlError.unsupported("A table without a PRIMARY KEY (table " + create.name().name() + ")");
        }
        List<ColumnDef> columns = new ArrayList<>();
        for (ColumnSpec c : create.columns()) {
            boolean inKey = create.primaryKey().contains(c.name());
            columns.add(new ColumnDef(c.name(), c.type(), !(c.notNull() || inKey), c.defaultSql()));
            if (c.identity()) {
                throw SqlError.unsupported("Identity columns");
            }
        }
        int[] pk = new int[create.primaryKey().size()];
        for (int i = 0; i < pk.length; i++) {
            String name = create.primaryKey().get(i);
            pk[i] = -1;
            for (int j = 0; j < columns.size(); j++) {
                if (columns.get(j).name().equals(name)) {
                    pk[i] = j;
                }
            }
            if (pk[i] < 0) {
                throw new SqlError(SqlError.UNKNOWN_COLUMN, "PRIMARY KEY column '" + name + "' is not a column of " + create.name().name());
            }
            if (!KeyCodec.supports(columns.get(pk[i]).type())) {
                throw SqlError.unsupported("A primary key column of type " + columns.get(pk[i]).type().sqlName() + " (column " + name + ")");
            }
        }
        if (!create.constraints().isEmpty()) {
            throw SqlError.unsupported("UNIQUE, CHECK and FOREIGN KEY constraints");
        }
        for (ColumnDef c : columns) {
            if (c.defaultSql() != null) {
                Defaults.check(c, session);
            }
        }
        TableDef table = new TableDef(session.database().catalog().allocateTableId(), create.name(), columns, pk);
        txn.put(CatalogKeys.table(table.name()), CatalogCodec.encode(table));
        session.catalogChanges().create(table);
        return 0;
    }

    static long dropTable(Session session, Transaction txn, Statement.DropTable drop) {
        TableDef table = session.catalog().table(drop.name());
        if (table == null) {
            if (drop.ifExists()) {
                return 0;
            }
            throw SqlError.unknownTable(drop.name().name());
        }
        List<byte[]> keys = new ArrayList<>();
        try (Cursor c = txn.scan(new TableRows(table).all())) {
            while (c.next()) {
                keys.add(c.key());
            }
        }
        for (byte[] key : keys) {
            txn.delete(key);
        }
        txn.delete(CatalogKeys.table(table.name()));
        session.catalogChanges().drop(table.name());
        return 0;
    }
}
