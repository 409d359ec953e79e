package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import dev.lightningdb.sql.ast.ReferentialAction;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import dev.lightningdb.sql.storage.TableWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The ON DELETE / ON UPDATE actions of one statement, after its own rows are written. Each removed
 * or changed parent row is a {@link Change}; the foreign keys that reference its table act on the
 * rows that referenced its old key: CASCADE deletes them (or carries the new key into them),
 * SET NULL and SET DEFAULT change them, RESTRICT fails at once if one exists, NO ACTION is checked
 * when every action has run ({@link #run}): it passes if the key exists again or nothing references
 * it any more. A changed or deleted child row is a change in turn, so cascades chain over tables.
 *
 * <p>Termination: a cascaded delete only deletes rows that still exist and a cascaded update only
 * changes rows that still hold the old key, so a cycle of foreign keys runs out of rows; {@link
 * #MAX_CHANGES} bounds the rest (SET DEFAULT chains that keep feeding each other).
 *
 * <p>Every child row is locked (exclusively to change it, shared to count it) and read again in
 * its newest committed version before it counts, so a concurrent transaction's commit is never
 * missed; under SNAPSHOT a row committed since the transaction began fails it (40001).
 */
final class ReferentialActions {
    static final int MAX_CHANGES = 10_000_000;

    /** A row of {@code table} that was deleted ({@code after} null) or changed. */
    private record Change(TableDef table, Object[] before, Object[] after) {
    }

    /** A child row (by key) that must reference an existing parent once the statement is done. */
    record ChildCheck(ForeignKey fk, byte[] key) {
    }

    /** A parent key removed under NO ACTION: nothing may reference it when the statement ends. */
    private record KeyCheck(ForeignKey fk, Object[] parentRow) {
    }

    private final StatementContext cx;
    private final Transaction txn;
    private final CatalogView view;
    private final Deque<Change> work = new ArrayDeque<>();
    private final List<ChildCheck> childChecks;
    private final List<KeyCheck> keyChecks = new ArrayList<>();
    private long changes;

    ReferentialActions(StatementContext cx, Transaction txn, CatalogView view, List<ChildCheck> childChecks) {
        this.cx = cx;
        this.txn = txn;
        this.view = view;
        this.childChecks = new ArrayList<>(childChecks);
    }

    /** Row {@code before} of {@code table} was deleted ({@code after} null) or changed into {@code after}. */
    void changed(TableDef table, Object[] before, Object[] after) {
        work.add(new Change(table, before, after));
    }

    /** Applies every action, the cascaded ones too, then runs the end-of-statement checks. */
    void run() {
        while (!work.isEmpty()) {
            Change change = work.poll();
            for (ForeignKey fk : ForeignKeys.incoming(view, change.table())) {
                act(fk, change);
            }
        }
        for (KeyCheck k : keyChecks) {
            Object[] parentKey = k.parentRow();
            if (!k.fk().parentExists(txn, parentKey, false) && referenced(k.fk(), parentKey)) {
                throw k.fk().stillReferenced(parentKey);
            }
        }
        for (ChildCheck c : childChecks) {
            TableRows rows = new TableRows(c.fk().child());
            byte[] value = txn.getLatest(c.key());
            if (value == null) {
                continue;
            }
            Object[] row = rows.decode(c.key(), value);
            if (c.fk().referencesNothing(row)) {
                continue;
            }
            Object[] parentKey = c.fk().parentKeyOf(row);
            if (parentKey == null || !c.fk().parentExists(txn, parentKey, true)) {
                throw c.fk().missingParent(row);
            }
        }
    }

    private void act(ForeignKey fk, Change change) {
        Object[] before = change.before();
        Object[] after = change.after();
        if (fk.nullReferencedKey(before) || (after != null && fk.sameReferencedKey(before, after))) {
            return;
        }
        ReferentialAction action = after == null ? fk.constraint().onDelete() : fk.constraint().onUpdate();
        Object[] childKey = fk.childKeyOf(before);
        if (childKey == null) {
            return; // no child column can hold the old key
        }
        switch (action) {
            case NO_ACTION -> keyChecks.add(new KeyCheck(fk, before));
            case RESTRICT -> {
                if (referenced(fk, before)) {
                    throw fk.stillReferenced(before);
                }
            }
            default -> apply(fk, action, childKey, after);
        }
    }

    /** Whether a row of the child table still references {@code parentRow}'s key (each candidate locked shared and read again). */
    private boolean referenced(ForeignKey fk, Object[] parentRow) {
        Object[] childKey = fk.childKeyOf(parentRow);
        if (childKey == null) {
            return false;
        }
        TableRows rows = new TableRows(fk.child());
        for (byte[] key : fk.candidateChildren(txn, childKey)) {
            txn.lock(key, LockMode.SHARED, LockWait.WAIT);
            byte[] value = txn.getLatest(key);
            if (value != null && fk.references(rows.decode(key, value), childKey)) {
                return true;
            }
        }
        return false;
    }

    /** CASCADE, SET NULL, SET DEFAULT on the rows referencing {@code childKey}; {@code after} is the parent's new version (null: deleted). */
    private void apply(ForeignKey fk, ReferentialAction action, Object[] childKey, Object[] after) {
        TableDef child = fk.child();
        ReferentialIntegrity.lockForWrite(txn, child);
        TableWriter writer = new TableWriter(child, txn);
        TableRows rows = writer.rows();
        Object[] replacement = switch (action) {
            case CASCADE -> after == null ? null : fk.childKeyOf(after);
            case SET_DEFAULT -> TableExpressions.of(cx, child).defaults(cx, txn, child);
            default -> new Object[child.columns().size()];
        };
        if (action == ReferentialAction.CASCADE && after != null && replacement == null) {
            throw new SqlError(SqlError.NUMERIC_OUT_OF_RANGE, "The new key of table " + fk.parent().name().name()
                    + " does not fit the referencing columns of " + child.name().name() + " (constraint " + fk.constraint().name() + ")");
        }
        for (byte[] key : fk.candidateChildren(txn, childKey)) {
            byte[] value = txn.getForUpdate(key);
            Object[] row = value == null ? null : rows.decode(key, value);
            if (!fk.references(row, childKey)) {
                continue; // gone, or changed since it was found
            }
            if (++changes > MAX_CHANGES) {
                throw new SqlError(SqlError.TOO_COMPLEX, "Foreign key actions changed more than " + MAX_CHANGES + " rows in one statement");
            }
            if (replacement == null) {
                writer.delete(key, row);
                work.add(new Change(child, row, null));
                continue;
            }
            Object[] changed = row.clone();
            for (int c : fk.childColumns()) {
                changed[c] = replacement[c];
            }
            DmlExecutor.checkNotNull(child, changed);
            TableExpressions.of(cx, child).check(cx, txn, child, changed);
            byte[] newKey = rows.key(changed);
            writer.release(row);
            if (!Arrays.equals(key, newKey)) {
                txn.lock(newKey, LockMode.EXCLUSIVE, LockWait.WAIT);
                if (txn.getLatest(newKey) != null) {
                    throw new SqlError(SqlError.UNIQUE_VIOLATION, "Foreign key " + fk.constraint().name() + " would give two rows of table "
                            + child.name().name() + " the same primary key");
                }
                writer.checkUnique(newKey, changed);
                writer.delete(key, row);
                writer.write(newKey, changed, null);
            } else {
                writer.checkUnique(newKey, changed);
                writer.write(newKey, changed, row);
            }
            work.add(new Change(child, row, changed));
            for (ForeignKey other : ForeignKeys.outgoing(view, child)) {
                if (!other.sameReference(row, changed)) {
                    childChecks.add(new ChildCheck(other, newKey));
                }
            }
        }
    }
}
