package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.catalog.ConstraintDef;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import dev.lightningdb.sql.storage.TableWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Table constraints. UNIQUE is a unique index (enforced), CHECK is evaluated by Calcite on every
 * written row (enforced, SQLState 23514), FOREIGN KEY is enforced by {@link ReferentialIntegrity}
 * (23503) and added by {@link ForeignKeyDdl}.
 */
final class Constraints {
    private Constraints() {
    }

    /** {@code table} with the constraint added; with {@code existingRows}, current rows are checked (and indexed). */
    static TableDef add(StatementContext cx, Transaction txn, TableDef table, ConstraintSpec spec, boolean existingRows) {
        String name = spec.name() != null ? spec.name() : generatedName(table, spec.kind());
        if (table.index(name) != null || table.constraints().stream().anyMatch(c -> c.name().equals(name))) {
            throw new SqlError("42710", "Table " + table.name().name() + " already has a constraint or index named " + name);
        }
        for (String column : spec.columns()) {
            table.requireColumn(column);
        }
        switch (spec.kind()) {
            case UNIQUE -> {
                int[] columns = spec.columns().stream().mapToInt(c -> table.requireColumn(c)).toArray();
                return withIndex(cx, txn, table, new IndexDef(cx.services().catalog().allocateTableId(), name, true, columns, true),
                        existingRows);
            }
            case CHECK -> {
                TableDef changed = withConstraint(table, new ConstraintDef(name, spec.kind(), spec.columns(), spec.checkSql(), null, List.of()));
                if (existingRows) {
                    TableRows rows = new TableRows(changed);
                    TableExpressions checks = TableExpressions.of(cx, changed);
                    try (Cursor c = txn.scan(rows.all())) {
                        while (c.next()) {
                            checks.check(cx, txn, changed, rows.decode(c.key(), c.value()));
                        }
                    }
                }
                return changed;
            }
            default -> {
                TemporaryTableRules.checkReference(cx, table, spec.references());
                return ForeignKeyDdl.add(cx, txn, table, spec, name, existingRows);
            }
        }
    }

    /** {@code table} with {@code index}; with {@code existingRows}, its entries are written for the current rows. */
    static TableDef withIndex(StatementContext cx, Transaction txn, TableDef table, IndexDef index, boolean existingRows) {
        List<IndexDef> indexes = new ArrayList<>(table.indexes());
        indexes.add(index);
        TableDef changed = table.withIndexes(indexes);
        if (existingRows) {
            new TableWriter(changed, txn).backfill(index);
        }
        return changed;
    }

    private static TableDef withConstraint(TableDef table, ConstraintDef c) {
        List<ConstraintDef> all = new ArrayList<>(table.constraints());
        all.add(c);
        return table.withConstraints(all);
    }

    private static String generatedName(TableDef table, ConstraintSpec.Kind kind) {
        String prefix = switch (kind) {
            case UNIQUE -> "UK_";
            case CHECK -> "CK_";
            case FOREIGN_KEY -> "FK_";
        } + table.name().name().toUpperCase(Locale.ROOT) + "_";
        for (int n = 1; ; n++) {
            String candidate = prefix + n;
            if (table.index(candidate) == null && table.constraints().stream().noneMatch(c -> c.name().equals(candidate))) {
                return candidate;
            }
        }
    }
}
