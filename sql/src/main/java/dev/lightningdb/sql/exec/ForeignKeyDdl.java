package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.ConstraintDef;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What schema changes do about foreign keys, as PostgreSQL does: a foreign key must reference the
 * primary key or a UNIQUE constraint of its table (42830); adding one to a filled table checks
 * every row (23503); DROP TABLE of a referenced table is refused (2BP01) unless CASCADE, which
 * drops the referencing constraints; TRUNCATE of a table that rows of another table still
 * reference is refused (23503); renaming a referenced table or column carries the new name into
 * the referencing constraints.
 *
 * <p>Each foreign key gets an index on its referencing columns unless the child's primary key or an
 * index already starts with them (as H2 does): deleting a parent row then finds its children
 * without a scan of the child table.
 */
final class ForeignKeyDdl {
    static final String AUTO_INDEX_SUFFIX = "_INDEX";

    private ForeignKeyDdl() {
    }

    /** {@code table} with foreign key {@code spec} named {@code name}; with {@code existingRows} its rows are checked. */
    static TableDef add(StatementContext cx, Transaction txn, TableDef table, ConstraintSpec spec, String name, boolean existingRows) {
        boolean self = spec.references().equals(table.name());
        TableDef parent = self ? table : cx.catalog().table(spec.references());
        if (parent == null) {
            throw SqlError.unknownTable(spec.references().name());
        }
        int[] parentColumns = spec.referencedColumns().isEmpty() ? parent.primaryKey()
                : spec.referencedColumns().stream().mapToInt(parent::requireColumn).toArray();
        if (Arrays.stream(parentColumns).anyMatch(parent::isHidden)) { // a table without a primary key has only its UNIQUE columns
            throw new SqlError("42830", "Foreign key " + name + ": table " + parent.name().name() + " has no primary key to reference");
        }
        if (parentColumns.length != spec.columns().size()) {
            throw new SqlError("42830", "Foreign key " + name + " has " + spec.columns().size() + " column(s) but references "
                    + parentColumns.length);
        }
        if (!ForeignKey.sameSet(parentColumns, parent.primaryKey()) && ForeignKey.uniqueIndexOn(parent, parentColumns) == null) {
            throw new SqlError("42830", "Foreign key " + name + ": no primary key or unique constraint of table " + parent.name().name()
                    + " matches the referenced columns " + spec.referencedColumns());
        }
        List<String> referenced = new ArrayList<>();
        for (int c : parentColumns) {
            referenced.add(parent.column(c).name());
        }
        ConstraintDef fk = new ConstraintDef(name, spec.kind(), spec.columns(), null, parent.name(), referenced, spec.onDelete(),
                spec.onUpdate());
        List<ConstraintDef> constraints = new ArrayList<>(table.constraints());
        constraints.add(fk);
        TableDef changed = withIndexFor(cx, txn, table.withConstraints(constraints), fk, existingRows);
        if (existingRows && cx.referentialIntegrity()) {
            if (!self) {
                SchemaLocks.exclusive(txn, parent); // no parent row may go while the check runs and until it commits
            }
            checkRows(txn, ForeignKey.resolve(cx.catalog(), changed, fk), changed);
        }
        return changed;
    }

    /** {@code table} with an index on {@code fk}'s columns, unless its primary key or an index starts with them. */
    private static TableDef withIndexFor(StatementContext cx, Transaction txn, TableDef table, ConstraintDef fk, boolean existingRows) {
        int[] columns = fk.columns().stream().mapToInt(table::requireColumn).toArray();
        if (ForeignKey.leadingSet(table.primaryKey(), columns)) {
            return table;
        }
        for (IndexDef i : table.indexes()) {
            if (ForeignKey.leadingSet(i.columns(), columns)) {
                return table;
            }
        }
        String name = fk.name() + AUTO_INDEX_SUFFIX;
        for (int n = 2; table.index(name) != null || cx.catalog().tableOfIndex(table.name().schema(), name) != null; n++) {
            name = fk.name() + AUTO_INDEX_SUFFIX + "_" + n;
        }
        return Constraints.withIndex(cx, txn, table, new IndexDef(cx.services().catalog().allocateTableId(), name, false, columns, false),
                existingRows);
    }

    private static void checkRows(Transaction txn, ForeignKey fk, TableDef table) {
        TableRows rows = new TableRows(table);
        try (Cursor c = txn.scan(rows.all())) {
            while (c.next()) {
                Object[] row = rows.decode(c.key(), c.value());
                if (fk.referencesNothing(row)) {
                    continue;
                }
                Object[] parentKey = fk.parentKeyOf(row);
                if (parentKey == null || !fk.parentExists(txn, parentKey, false)) {
                    throw fk.missingParent(row);
                }
            }
        }
    }

    /** Before DROP TABLE {@code table}: refused while another table references it, unless {@code cascade} (those constraints go). */
    static void beforeDrop(StatementContext cx, Transaction txn, TableDef table, boolean cascade) {
        List<ForeignKey> referencing = ForeignKeys.fromOtherTables(cx.catalog(), table);
        if (referencing.isEmpty()) {
            return;
        }
        if (!cascade) {
            ForeignKey fk = referencing.get(0);
            throw new SqlError("2BP01", "Cannot drop table " + table.name().name() + ": constraint " + fk.constraint().name()
                    + " of table " + fk.child().name().name() + " references it (use DROP TABLE ... CASCADE)");
        }
        for (TableDef child : childTables(referencing)) {
            SchemaLocks.exclusive(txn, child);
            TableDef now = cx.catalog().require(child.name());
            List<ConstraintDef> kept = new ArrayList<>();
            for (ConstraintDef c : now.constraints()) {
                if (!c.isForeignKey() || !c.references().equals(table.name())) {
                    kept.add(c);
                }
            }
            cx.saveTable(txn, now.withConstraints(kept));
        }
    }

    /** Before ALTER TABLE DROP COLUMN: refused (2BP01) while a foreign key that stays references the column. */
    static void beforeDropColumn(StatementContext cx, TableDef table, String column) {
        int position = table.columnIndex(column);
        for (ForeignKey fk : ForeignKeys.incoming(cx.catalog(), table)) {
            boolean goesToo = fk.child().id() == table.id() && fk.constraint().columns().contains(column);
            if (!goesToo && Arrays.stream(fk.parentColumns()).anyMatch(c -> c == position)) {
                throw new SqlError("2BP01", "Cannot drop column " + column + " of table " + table.name().name() + ": constraint "
                        + fk.constraint().name() + " of table " + fk.child().name().name() + " references it");
            }
        }
    }

    /** Before TRUNCATE of {@code table}: refused while a row of another table references one of its rows. */
    static void beforeTruncate(StatementContext cx, Transaction txn, TableDef table) {
        if (!cx.referentialIntegrity()) {
            return;
        }
        for (ForeignKey fk : ForeignKeys.fromOtherTables(cx.catalog(), table)) {
            TableRows rows = new TableRows(fk.child());
            try (Cursor c = txn.scanLatest(rows.all())) {
                while (c.next()) {
                    if (!fk.referencesNothing(rows.decode(c.key(), c.value()))) {
                        throw new SqlError(ForeignKey.VIOLATION, "Cannot truncate table " + table.name().name() + ": rows of table "
                                + fk.child().name().name() + " reference it (constraint " + fk.constraint().name() + ")");
                    }
                }
            }
        }
    }

    /** After table {@code from} was renamed to {@code to}: the constraints referencing it follow. */
    static void afterRename(StatementContext cx, Transaction txn, QualifiedName from, QualifiedName to) {
        CatalogView view = cx.catalog();
        for (TableDef t : view.tables()) {
            if (t.name().equals(to)) {
                continue; // the renamed table itself: its own self-references are carried by its caller
            }
            boolean refers = false;
            List<ConstraintDef> out = new ArrayList<>();
            for (ConstraintDef c : t.constraints()) {
                boolean hit = c.isForeignKey() && c.references().equals(from);
                refers |= hit;
                out.add(hit ? c.referencing(to) : c);
            }
            if (refers) {
                SchemaLocks.exclusive(txn, t);
                cx.saveTable(txn, t.withConstraints(out));
            }
        }
    }

    /** {@code table}'s own constraints with self-references to {@code from} pointing at {@code to}. */
    static List<ConstraintDef> selfReferences(TableDef table, QualifiedName from, QualifiedName to) {
        List<ConstraintDef> out = new ArrayList<>();
        for (ConstraintDef c : table.constraints()) {
            out.add(c.isForeignKey() && c.references().equals(from) ? c.referencing(to) : c);
        }
        return out;
    }

    /** After column {@code from} of {@code table} was renamed {@code to}: constraints of other tables that reference it follow. */
    static void afterColumnRename(StatementContext cx, Transaction txn, TableDef table, String from, String to) {
        for (TableDef t : cx.catalog().tables()) {
            if (t.id() == table.id()) {
                continue;
            }
            boolean refers = false;
            List<ConstraintDef> out = new ArrayList<>();
            for (ConstraintDef c : t.constraints()) {
                boolean hit = c.isForeignKey() && c.references().equals(table.name()) && c.referencedColumns().contains(from);
                refers |= hit;
                out.add(hit ? renamedReference(c, from, to) : c);
            }
            if (refers) {
                SchemaLocks.exclusive(txn, t);
                cx.saveTable(txn, t.withConstraints(out));
            }
        }
    }

    /** {@code c} with referenced column {@code from} named {@code to}. */
    static ConstraintDef renamedReference(ConstraintDef c, String from, String to) {
        List<String> refs = c.referencedColumns().stream().map(n -> n.equals(from) ? to : n).toList();
        return new ConstraintDef(c.name(), c.kind(), c.columns(), c.checkSql(), c.references(), refs, c.onDelete(), c.onUpdate());
    }

    private static List<TableDef> childTables(List<ForeignKey> fks) {
        Map<Integer, TableDef> out = new LinkedHashMap<>();
        for (ForeignKey fk : fks) {
            out.putIfAbsent(fk.child().id(), fk.child());
        }
        return new ArrayList<>(out.values());
    }
}
