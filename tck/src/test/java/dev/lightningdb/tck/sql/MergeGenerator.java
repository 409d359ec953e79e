package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random MERGE statements: the source is the target table's own rows with the key shifted (so some
 * match and some do not) and values computed from them; the ON condition is the whole primary key,
 * so no target row is matched twice (H2 answers that case with 23505, LightningDB with the standard's
 * 21000: AnalyticFixtureTest covers it).
 */
final class MergeGenerator {
    private final Random random;
    private final LiteralGenerator literals;

    MergeGenerator(Random random) {
        this.random = random;
        this.literals = new LiteralGenerator(random);
    }

    String merge(Schema.Table t) {
        List<Expr> source = QueryGenerator.columnsOf(t, "A2");
        ExpressionGenerator values = new ExpressionGenerator(random, source, null, 2);
        List<String> items = new ArrayList<>();
        for (Schema.Column c : t.columns()) {
            String value;
            if (c == t.columns().get(0)) {
                value = "A2.C0 + " + (random.nextInt(20) - 5);
            } else if (t.isKey(c) || random.nextBoolean()) {
                value = "A2." + c.name();
            } else {
                value = values.expression(c.type(), random.nextInt(2)).sql();
            }
            items.add(value + " AS " + c.name());
        }
        String where = random.nextInt(3) == 0 ? "" : " WHERE " + values.predicate(1);
        List<String> on = new ArrayList<>();
        for (Schema.Column k : t.key()) {
            on.add("TG." + k.name() + " = S." + k.name());
        }
        StringBuilder sql = new StringBuilder("MERGE INTO ").append(t.name()).append(" AS TG USING (SELECT ")
                .append(String.join(", ", items)).append(" FROM ").append(t.name()).append(" AS A2").append(where)
                .append(") AS S ON ").append(String.join(" AND ", on));
        List<Expr> both = new ArrayList<>(QueryGenerator.columnsOf(t, "TG"));
        both.addAll(QueryGenerator.columnsOf(t, "S"));
        ExpressionGenerator conditions = new ExpressionGenerator(random, both, null, 2);
        if (random.nextInt(3) == 0) {
            sql.append(" WHEN MATCHED AND ").append(conditions.predicate(1)).append(" THEN DELETE");
        }
        if (random.nextInt(4) != 0) {
            Schema.Column c = nonKey(t);
            String value = random.nextBoolean() ? "S." + c.name() : literals.value(c);
            sql.append(" WHEN MATCHED").append(random.nextBoolean() ? " AND " + conditions.predicate(1) : "")
                    .append(" THEN UPDATE SET ").append(c.name()).append(" = ").append(value);
        }
        if (random.nextInt(4) != 0) {
            List<String> names = new ArrayList<>();
            List<String> inserted = new ArrayList<>();
            for (Schema.Column c : t.columns()) {
                if (t.isKey(c) || random.nextBoolean()) {
                    names.add(c.name());
                    inserted.add("S." + c.name());
                }
            }
            List<Expr> sourceOnly = QueryGenerator.columnsOf(t, "S");
            sql.append(" WHEN NOT MATCHED").append(random.nextBoolean()
                            ? " AND " + new ExpressionGenerator(random, sourceOnly, null, 2).predicate(1) : "")
                    .append(" THEN INSERT (").append(String.join(", ", names)).append(") VALUES (")
                    .append(String.join(", ", inserted)).append(")");
        }
        if (!sql.toString().contains(" WHEN ")) {
            sql.append(" WHEN MATCHED THEN DELETE");
        }
        return sql.toString();
    }

    private Schema.Column nonKey(Schema.Table t) {
        List<Schema.Column> candidates = t.columns().stream().filter(c -> !t.isKey(c)).toList();
        return candidates.get(random.nextInt(candidates.size()));
    }
}
