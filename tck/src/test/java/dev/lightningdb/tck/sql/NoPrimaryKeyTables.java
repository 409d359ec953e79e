package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns some generated tables into tables without a primary key (logs, staging and link tables),
 * whose rows LightningDB keys by a hidden row id. Such a table keeps its columns and rows, loses its
 * key, and gets a few exact duplicate rows, which only a keyless table can hold: queries, DML and the
 * content comparison then meet rows that nothing tells apart.
 */
final class NoPrimaryKeyTables {
    private NoPrimaryKeyTables() {
    }

    /**
     * {@code table} as generated, or (one time in four, when the feature is on) without its key. The
     * choice draws from a stream of its own, seeded by the table's content, so that the schema
     * generator's stream, and every choice made from it after this one, stays as it was without it.
     */
    static Schema.Table maybeWithoutKey(Schema.Table table) {
        Random random = new Random(31L * table.rows().hashCode() + table.name().hashCode());
        if (!Feature.TABLES_WITHOUT_PRIMARY_KEY.on() || random.nextInt(4) != 0) {
            return table;
        }
        List<List<String>> rows = new ArrayList<>(table.rows());
        int duplicates = rows.isEmpty() ? 0 : random.nextInt(Math.min(4, rows.size()) + 1);
        for (int i = 0; i < duplicates; i++) {
            rows.add(rows.get(random.nextInt(rows.size())));
        }
        return new Schema.Table(table.name(), table.columns(), List.of(), rows);
    }

    /** The unique key of a join of {@code a} and {@code b}: both keys together, or none when a side has none. */
    static List<Expr> jointKey(FromClause a, FromClause b) {
        if (a.uniqueKey().isEmpty() || b.uniqueKey().isEmpty()) {
            return List.of();
        }
        List<Expr> both = new ArrayList<>(a.uniqueKey());
        both.addAll(b.uniqueKey());
        return both;
    }
}
