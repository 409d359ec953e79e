package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.ast.OnCommit;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.CatalogChanges;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.TemporaryTables;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.List;

/**
 * What is different about temporary tables ({@code CREATE [GLOBAL | LOCAL] TEMPORARY TABLE}):
 * they belong to one session, which alone sees them, so their schema changes need no lock that
 * other sessions wait for; their rows live in the session's in-memory database ({@link
 * TemporaryTables}); ON COMMIT DELETE ROWS and ON COMMIT DROP act at each commit; and no foreign
 * key joins a temporary table to another table (a permanent row could then point at rows other
 * sessions cannot see).
 */
public final class TemporaryTableRules {
    private TemporaryTableRules() {
    }

    /** Whether {@code ddl} changes only temporary tables of this session (so takes no schema lock). */
    static boolean onlyTemporary(StatementContext cx, Statement.Ddl ddl) {
        QualifiedName target;
        if (ddl instanceof Statement.CreateTable c) {
            return c.temporary() != null;
        } else if (ddl instanceof Statement.DropTable d) {
            target = d.name();
        } else if (ddl instanceof Statement.AlterTable a) {
            target = a.table();
        } else if (ddl instanceof Statement.CreateIndex c) {
            target = c.table();
        } else if (ddl instanceof Statement.Truncate t) {
            target = t.table();
        } else if (ddl instanceof Statement.DropIndex d) {
            TableDef owner = cx.catalog().tableOfIndex(d.name().schema(), d.name().name());
            return owner != null && owner.temporary() != null;
        } else {
            return false;
        }
        TableDef table = cx.catalog().table(target);
        return table != null && table.temporary() != null;
    }

    /** Readies {@code txn} to hold rows of the temporary table {@code create} makes, which may have no foreign key. */
    static void prepareCreate(StatementContext cx, Transaction txn, Statement.CreateTable create) {
        for (ConstraintSpec c : create.constraints()) {
            if (c.kind() == ConstraintSpec.Kind.FOREIGN_KEY) {
                throw SqlError.unsupported("A FOREIGN KEY on a temporary table (table " + create.name().name() + ")");
            }
        }
        TemporaryTables temporary = cx.changes().temporary();
        temporary.open(cx.services().engine().config());
        temporary.attach(txn);
    }

    /** Refuses a foreign key of {@code table} that references a temporary table, or one of a temporary table. */
    static void checkReference(StatementContext cx, TableDef table, QualifiedName references) {
        TableDef referenced = cx.catalog().table(references);
        if (table.temporary() != null || (referenced != null && referenced.temporary() != null)) {
            throw SqlError.unsupported("A FOREIGN KEY between a temporary table and another table (" + table.name().name() + " → "
                    + references.name() + ")");
        }
    }

    /** The next identity value of {@code table}: a temporary table's counter lives with the session, not in the database. */
    static long nextIdentity(StatementContext cx, TableDef table) {
        return table.temporary() != null ? cx.changes().temporary().nextIdentity(table) : cx.services().sequences().nextIdentity(table);
    }

    /**
     * Runs the ON COMMIT actions in {@code txn}, which is about to commit: DELETE ROWS empties its
     * tables, DROP drops them. Does nothing (and costs nothing) in a session without temporary tables.
     */
    public static void beforeCommit(CatalogChanges changes, Transaction txn) {
        if (txn.isReadOnly() || changes.temporary().isEmpty() && changes.temporaryChanges().isEmpty()) {
            return;
        }
        List<TableDef> tables = new ArrayList<>();
        for (TableDef t : changes.temporary().tables()) {
            if (!changes.temporaryChanges().containsKey(t.name())) {
                tables.add(t);
            }
        }
        for (TableDef t : changes.temporaryChanges().values()) {
            if (t != null) {
                tables.add(t);
            }
        }
        for (TableDef t : tables) {
            if (t.temporary() != OnCommit.PRESERVE_ROWS) {
                changes.temporary().attach(txn);
                DdlExecutor.deleteRows(txn, t);
            }
            if (t.temporary() == OnCommit.DROP) {
                changes.drop(t.name());
            }
        }
    }
}
