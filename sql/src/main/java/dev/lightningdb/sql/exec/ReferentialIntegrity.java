package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.storage.TableRows;
import java.util.ArrayList;
import java.util.List;

/**
 * Foreign keys for one INSERT, UPDATE or DELETE of one table, in two halves around the statement's
 * writes ({@link #beforeWrite}, {@link #afterWrite}).
 *
 * <p>Before: every new or changed row whose referencing columns changed must reference an
 * existing parent key (MATCH SIMPLE: a NULL in them references nothing); the parent's key is locked
 * shared while it is checked, so that a transaction deleting it waits or is waited for, and never
 * both commit. A self-referencing row whose parent is missing may get it from the same statement:
 * its check waits for the end.
 *
 * <p>After: a deleted row, or a row whose referenced key changed, is what the referencing rows'
 * actions apply to ({@link ReferentialActions}); then the checks left for the end run against the
 * statement's result: NO ACTION keys still referenced, deferred child rows without a parent. If
 * anything fails, the transaction goes back to a savepoint taken before the writes, so a failing
 * statement changes nothing. The savepoint (a copy of the transaction's write set) is taken only
 * when there is an after-half to run; an INSERT into a child table never takes one.
 */
final class ReferentialIntegrity {
    static final ReferentialIntegrity NONE = new ReferentialIntegrity(null, null, null, List.of(), List.of());

    private final StatementContext cx;
    private final Transaction txn;
    private final TableDef table;
    private final List<Object[]> olds;
    private final List<Object[]> news;
    /** Child rows (by key) to check once the statement's writes are done. */
    private final List<ReferentialActions.ChildCheck> deferred = new ArrayList<>(0);
    private Transaction.Savepoint savepoint;

    private ReferentialIntegrity(StatementContext cx, Transaction txn, TableDef table, List<Object[]> olds, List<Object[]> news) {
        this.cx = cx;
        this.txn = txn;
        this.table = table;
        this.olds = olds;
        this.news = news;
    }

    /**
     * Checks the statement's rows before it writes them: {@code olds.get(i)} becomes {@code
     * news.get(i)}; an inserted row has no old version (null), a deleted row no new one.
     */
    /**
     * Whether a write to {@code table} can concern a foreign key at all: false when the checks are
     * off, or when the table declares no constraint and the write {@code removesRows} of none (a
     * plain insert need not even collect its rows for {@link #beforeWrite}).
     */
    static boolean mayApply(StatementContext cx, TableDef table, boolean removesRows) {
        return cx.referentialIntegrity() && (!table.constraints().isEmpty() || removesRows);
    }

    static ReferentialIntegrity beforeWrite(StatementContext cx, Transaction txn, TableDef table, List<Object[]> olds, List<Object[]> news) {
        if (!mayApply(cx, table, !noOldRows(olds))) {
            return NONE; // not a child, and nothing removed or changed that could be a parent
        }
        ReferentialIntegrity ri = new ReferentialIntegrity(cx, txn, table, olds, news);
        ri.checkParents();
        if (!ri.deferred.isEmpty() || ri.removesReferencedKeys()) {
            ri.savepoint = txn.savepoint();
        }
        return ri;
    }

    private static boolean noOldRows(List<Object[]> olds) {
        for (Object[] old : olds) {
            if (old != null) {
                return false;
            }
        }
        return true;
    }

    private void checkParents() {
        List<ForeignKey> outgoing = ForeignKeys.outgoing(cx.catalog(), table);
        if (outgoing.isEmpty()) {
            return;
        }
        TableRows rows = new TableRows(table);
        for (int i = 0; i < news.size(); i++) {
            Object[] row = news.get(i);
            Object[] old = olds.get(i);
            if (row == null) {
                continue;
            }
            for (ForeignKey fk : outgoing) {
                if (fk.referencesNothing(row) || (old != null && fk.sameReference(old, row))) {
                    continue;
                }
                Object[] parentKey = fk.parentKeyOf(row);
                if (parentKey != null && fk.parentExists(txn, parentKey, true)) {
                    continue;
                }
                if (parentKey == null || fk.parent().id() != table.id()) {
                    throw fk.missingParent(row);
                }
                deferred.add(new ReferentialActions.ChildCheck(fk, rows.key(row))); // the statement may write the parent itself
            }
        }
    }

    private boolean removesReferencedKeys() {
        if (noOldRows(olds)) {
            return false;
        }
        List<ForeignKey> incoming = ForeignKeys.incoming(cx.catalog(), table);
        for (int i = 0; i < olds.size(); i++) {
            Object[] old = olds.get(i);
            if (old == null) {
                continue;
            }
            for (ForeignKey fk : incoming) {
                if (!fk.nullReferencedKey(old) && (news.get(i) == null || !fk.sameReferencedKey(old, news.get(i)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Applies the actions and runs the checks left for the end; on failure undoes the statement (see the class comment). */
    void afterWrite() {
        if (savepoint == null) {
            return;
        }
        try {
            CatalogView view = cx.catalog();
            ReferentialActions actions = new ReferentialActions(cx, txn, view, deferred);
            for (int i = 0; i < olds.size(); i++) {
                if (olds.get(i) != null) {
                    actions.changed(table, olds.get(i), news.get(i));
                }
            }
            actions.run();
        } catch (RuntimeException e) {
            if (txn.isOpen()) {
                txn.rollbackTo(savepoint);
            }
            throw e;
        }
    }

    /** Takes {@code table}'s shared table lock, as every writer of its rows does (keeps schema changes out). */
    static void lockForWrite(Transaction txn, TableDef table) {
        txn.lock(dev.lightningdb.sql.catalog.CatalogKeys.tableLock(table.id()), LockMode.SHARED, LockWait.WAIT);
    }
}
