package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Cursor;
import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.SqlError;
import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.ConstraintDef;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.storage.TableRows;
import dev.lightningdb.sql.storage.TableWriter;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Table constraints. UNIQUE is a unique index (enforced), CHECK is evaluated by Calcite on every
 * written row (enforced, SQLState 23514), FOREIGN KEY is recorded and reported by the JDBC metadata
 * but not enforced.
 */
final class Constraints {
    private Constraints() {
    }

    /** {@code table} with the constraint added; with {@code existingRows}, current rows are checked (and indexed). */
    static TableDef add(Session session, Transaction txn, TableDef table, ConstraintSpec spec, boolean existingRows) {
        String name = spec.name() != null ? spec.name() : generatedName(table, spec.kind());
        if (table.index(name) != null || table.constraints().stream().anyMatch(c -> c.name().equals(name))) {
            throw new SqlError("42710", "Table " + table.name().name() + " already has a constraint or index named " + name);
        }
        for (String column : spec.columns()) {
            DmlExecutor.column(table, column);
        }
        switch (spec.kind()) {
            case UNIQUE -> {
                int[] columns = spec.columns().stream().mapToInt(c -> DmlExecutor.column(table, c)).toArray();
                IndexDef index = new IndexDef(session.database().catalog().allocateTableId(), name, true, columns, true);
                List<IndexDef> indexes = new ArrayList<>(table.indexes());
                indexes.add(index);
                TableDef changed = table.withIndexes(indexes);
                if (existingRows) {
                    new TableWriter(changed, txn).backfill(index);
                }
                return changed;
            }
            case CHECK -> {
                TableDef changed = withConstraint(table, new ConstraintDef(name, spec.kind(), spec.columns(), spec.checkSql(), null, List.of()));
                if (existingRows) {
                    TableRows rows = new TableRows(changed);
                    try (Cursor c = txn.scan(rows.all())) {
                        while (c.next()) {
                            check(session, changed, rows.decode(c.key(), c.value()));
                        }
                    }
                }
                return changed;
            }
            default -> {
                if (session.catalog().table(spec.references()) == null && !spec.references().equals(table.name())) {
                    throw SqlError.unknownTable(spec.references().name());
                }
                return withConstraint(table, new ConstraintDef(name, spec.kind(), spec.columns(), null, spec.references(),
                        spec.referencedColumns()));
            }
        }
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

    /** Fails with 23514 when {@code row} (internal values) makes a CHECK of {@code table} false. */
    static void check(Session session, TableDef table, Object[] row) {
        for (ConstraintDef c : table.constraints()) {
            if (c.kind() != ConstraintSpec.Kind.CHECK) {
                continue;
            }
            Object[] params = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                params[i] = ValueCoercion.toExternal(row[i], table.types()[i]);
            }
            Prepared p = session.prepare(checkQuery(table, c));
            try (QueryResult r = (QueryResult) p.execute(params, new java.util.concurrent.atomic.AtomicBoolean())) {
                if (r.next() && Boolean.FALSE.equals(r.get(0))) {
                    throw new SqlError("23514", "Row violates CHECK constraint " + c.name() + " (" + c.checkSql() + ") of table "
                            + table.name());
                }
            }
        }
    }

    /** {@code SELECT (check) IS NOT FALSE FROM (VALUES (CAST(? AS t1), ...)) AS T (c1, ...)}: one compiled plan per table version. */
    private static String checkQuery(TableDef table, ConstraintDef c) {
        StringBuilder values = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (ColumnDef col : table.columns()) {
            values.append(values.length() == 0 ? "" : ", ").append("CAST(? AS ").append(col.type().sqlName()).append(')');
            names.append(names.length() == 0 ? "" : ", ").append(quote(col.name()));
        }
        return "SELECT (" + c.checkSql() + ") IS NOT FALSE FROM (VALUES (" + values + ")) AS " + quote(table.name().name())
                + " (" + names + ")";
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
