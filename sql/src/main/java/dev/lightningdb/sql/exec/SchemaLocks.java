package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.CatalogKeys;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import java.util.ArrayList;
import java.util.List;

/**
 * Table locks that keep schema changes and row writes apart (as PostgreSQL's table locks do):
 *
 * <ul>
 *   <li>A statement that writes rows of a table shares the table's lock until its transaction
 *       ends, and looks the table up again once it holds it, so that it writes with the schema a
 *       change committed while it waited.
 *   <li>A schema change takes the schema lock (schema changes run one at a time, and each sees
 *       the catalog every earlier one committed) and the lock of each table it changes,
 *       exclusively: it waits for the transactions with pending writes to the table, and writers
 *       that come later wait for it. A CREATE INDEX therefore never misses a row written beside it,
 *       and a DROP never drops a row that is being written.
 *   <li>Readers take no table lock: they read a snapshot, and never wait.
 * </ul>
 */
final class SchemaLocks {
    private SchemaLocks() {
    }

    /** The table {@code name} as it is once this transaction may write its rows. */
    static TableDef forWrite(StatementContext cx, Transaction txn, QualifiedName name) {
        while (true) {
            long version = cx.catalog().version();
            TableDef table = cx.catalog().require(name);
            txn.lock(CatalogKeys.tableLock(table.id()), LockMode.SHARED, LockWait.WAIT);
            if (version >= 0 && cx.catalog().version() == version) {
                return table; // no schema change was published while this statement waited
            }
            TableDef now = cx.catalog().require(name);
            if (now.id() == table.id()) {
                return now;
            }
            // dropped and created again while this statement waited: lock the new table
        }
    }

    /** Takes the locks schema change {@code ddl} needs before it reads the catalog or the table's rows. */
    static void forChange(StatementContext cx, Transaction txn, Statement.Ddl ddl) {
        if (!TemporaryTableRules.onlyTemporary(cx, ddl)) { // nobody else sees the session's temporary tables
            txn.lock(CatalogKeys.schemaLock(), LockMode.EXCLUSIVE, LockWait.WAIT);
        }
        for (TableDef table : changedTables(cx, ddl)) {
            if (cx.scopes().reading(table.id())) {
                throw new SqlError("55006", "Cannot change table " + table.name() + ": a result set of this transaction is still "
                        + "reading it (close it, or read it to the end, first)");
            }
            exclusive(txn, table);
        }
        txn.beginStatement(); // READ COMMITTED: read what the writers waited for committed
    }

    /** Takes {@code table}'s lock exclusively (waiting for its writers); under SNAPSHOT fails if they committed since the transaction began. */
    static void exclusive(Transaction txn, TableDef table) {
        txn.lock(CatalogKeys.tableLock(table.id()), LockMode.EXCLUSIVE, LockWait.WAIT);
        if (txn.isolation() != IsolationLevel.READ_COMMITTED && txn.changedSinceRead(new TableRows(table).all())) {
            // the transaction's snapshot misses rows committed since it began: an index built from it would too
            throw new ConflictException("table " + table.name() + " was written by a transaction that committed after this "
                    + txn.isolation() + " transaction began; retry the schema change");
        }
    }

    private static List<TableDef> changedTables(StatementContext cx, Statement.Ddl ddl) {
        List<QualifiedName> names = new ArrayList<>();
        if (ddl instanceof Statement.DropTable d) {
            names.add(d.name());
        } else if (ddl instanceof Statement.AlterTable a) {
            names.add(a.table());
        } else if (ddl instanceof Statement.CreateIndex c) {
            names.add(c.table());
        } else if (ddl instanceof Statement.Truncate t) {
            names.add(t.table());
        } else if (ddl instanceof Statement.DropIndex d) {
            TableDef owner = cx.catalog().tableOfIndex(d.name().schema(), d.name().name());
            if (owner != null) {
                names.add(owner.name());
            }
        }
        List<TableDef> tables = new ArrayList<>();
        for (QualifiedName n : names) {
            TableDef t = cx.catalog().table(n);
            if (t != null) {
                tables.add(t); // a missing table is the statement's own error to report
            }
        }
        return tables;
    }
}
