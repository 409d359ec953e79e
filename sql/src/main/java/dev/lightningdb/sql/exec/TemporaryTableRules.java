package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.ast.OnCommit;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.CatalogChanges;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.TemporaryTables;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.List;

/**
 * What is different about temporary tables ({@code CREATE [GLOBAL | LOCAL] TEMPORARY TABLE}):
 * <ul>
 *   <li>their rows live in the session's in-memory database ({@link TemporaryTables}), so each
 *       session has its own;
 *   <li>a LOCAL one belongs to one session, which alone sees it, so its schema changes take no lock
 *       other sessions wait for;
 *   <li>a GLOBAL one's definition is shared, while its rows are spread over the sessions: a change
 *       that would have to rewrite or index every session's rows (ALTER TABLE, CREATE or DROP
 *       INDEX) is refused; drop and create it again;
 *   <li>ON COMMIT DELETE ROWS and ON COMMIT DROP act at each commit;
 *   <li>a foreign key joins temporary tables only to temporary tables (as in PostgreSQL: a
 *       permanent row could otherwise point at rows other sessions cannot see), and a GLOBAL one's
 *       only to GLOBAL ones (every session sees its definition).
 * </ul>
 */
public final class TemporaryTableRules {
    private TemporaryTableRules() {
    }

    /** Whether {@code ddl} changes only LOCAL temporary tables of this session (so takes no schema lock). */
    static boolean onlyTemporary(StatementContext cx, Statement.Ddl ddl) {
        if (ddl instanceof Statement.CreateTable c) {
            return c.temporary() != null && !c.temporary().global();
        }
        TableDef table = target(cx, ddl);
        return table != null && table.isLocalTemporary();
    }

    /** Refuses a change of a GLOBAL temporary table that other sessions' rows would miss. */
    static void checkChange(StatementContext cx, Statement.Ddl ddl) {
        if (ddl instanceof Statement.AlterTable || ddl instanceof Statement.CreateIndex || ddl instanceof Statement.DropIndex) {
            TableDef table = target(cx, ddl);
            if (table != null && table.temporary() != null && table.temporary().global()) {
                throw SqlError.unsupported("Changing the GLOBAL TEMPORARY table " + table.name().name()
                        + " (every session has rows of it): drop it and create it again");
            }
        }
    }

    /** The existing table that {@code ddl} changes, or null. */
    private static TableDef target(StatementContext cx, Statement.Ddl ddl) {
        QualifiedName name;
        if (ddl instanceof Statement.DropTable d) {
            name = d.name();
        } else if (ddl instanceof Statement.AlterTable a) {
            name = a.table();
        } else if (ddl instanceof Statement.CreateIndex c) {
            name = c.table();
        } else if (ddl instanceof Statement.Truncate t) {
            name = t.table();
        } else if (ddl instanceof Statement.DropIndex d) {
            return cx.catalog().tableOfIndex(d.name().schema(), d.name().name());
        } else {
            return null;
        }
        return cx.catalog().table(name);
    }

    /** Readies {@code txn} to hold rows of the temporary table {@code create} makes. */
    static void prepareCreate(StatementContext cx, Transaction txn, Statement.CreateTable create) {
        TemporaryTables temporary = cx.changes().temporary();
        temporary.open(cx.services().engine().config());
        temporary.attach(txn);
    }

    /** Refuses a foreign key of {@code table} to {@code references} that would join rows some sessions cannot see. */
    static void checkReference(StatementContext cx, TableDef table, QualifiedName references) {
        TableDef referenced = references.equals(table.name()) ? table : cx.catalog().table(references);
        if (referenced == null) {
            return; // the statement's own error to report
        }
        boolean temporary = table.temporary() != null;
        if (temporary != (referenced.temporary() != null)
                || temporary && table.temporary().global() && !referenced.temporary().global()) {
            throw SqlError.unsupported("A FOREIGN KEY from " + kind(table) + " table to " + kind(referenced) + " one ("
                    + table.name().name() + " → " + references.name() + ")");
        }
    }

    private static String kind(TableDef t) {
        return t.temporary() == null ? "a permanent" : t.temporary().global() ? "a GLOBAL TEMPORARY" : "a LOCAL TEMPORARY";
    }

    /** The next identity value of {@code table}: a temporary table's counter lives with the session, not in the database. */
    static long nextIdentity(StatementContext cx, TableDef table) {
        return table.temporary() != null ? cx.changes().temporary().nextIdentity(table) : cx.services().sequences().nextIdentity(table);
    }

    /**
     * Runs the ON COMMIT actions in {@code txn}, which is about to commit, as {@code view} (the
     * session's catalog) shows the tables: DELETE ROWS empties its tables, DROP drops them. Does
     * nothing in a session that never held temporary rows.
     */
    public static void beforeCommit(CatalogChanges changes, CatalogView view, Transaction txn) {
        if (txn.isReadOnly() || !changes.temporary().isOpen()) {
            return;
        }
        List<TableDef> tables = new ArrayList<>();
        for (TableDef t : view.tables()) {
            if (t.temporary() != null && t.temporary().onCommit() != OnCommit.PRESERVE_ROWS) {
                tables.add(t);
            }
        }
        for (TableDef t : tables) {
            changes.temporary().attach(txn);
            DdlExecutor.deleteRows(txn, t);
            if (t.temporary().onCommit() == OnCommit.DROP) {
                changes.drop(t.name());
            }
        }
    }
}
