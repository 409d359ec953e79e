package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random INSERT, UPDATE and DELETE statements for a {@link Schema}. Keys are drawn from a small range,
 * so inserts and key updates often collide (and must fail alike); values are sometimes too long, out
 * of range or NULL for a NOT NULL column (and must fail alike too).
 */
final class DmlGenerator {
    private final Random random;
    private final Schema schema;
    private final QueryGenerator queries;
    private final LiteralGenerator literals;

    DmlGenerator(Random random, Schema schema) {
        this.random = random;
        this.schema = schema;
        this.queries = new QueryGenerator(random, schema, true);
        this.literals = new LiteralGenerator(random);
    }

    /** The table a statement changes and the statement. */
    record Dml(Schema.Table table, String sql) {
    }

    Dml statement() {
        queries.resetAliases();
        Schema.Table t = queries.randomTable();
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> new Dml(t, insertValues(t));
            case 3 -> new Dml(t, Feature.INSERT_SELECT.on() ? insertSelect(t) : insertValues(t));
            case 4, 5, 6 -> new Dml(t, update(t));
            case 7 -> new Dml(t, Feature.MERGE.on() ? new MergeGenerator(random).merge(t) : update(t));
            default -> new Dml(t, delete(t));
        };
    }

    private String rowValues(Schema.Table t, List<Schema.Column> columns) {
        List<String> values = new ArrayList<>();
        for (Schema.Column c : columns) {
            if (c == t.columns().get(0)) {
                values.add(Integer.toString(random.nextInt(60) - 10));
            } else if (random.nextInt(8) == 0 && (!c.notNull() || random.nextInt(4) == 0)) {
                values.add("NULL");
            } else if (c.type() == SqlType.VARCHAR && random.nextInt(10) == 0) {
                values.add(LiteralGenerator.quote("x".repeat(c.length() + random.nextInt(2)))); // maybe one too long
            } else {
                values.add(literals.value(c));
            }
        }
        return "(" + String.join(", ", values) + ")";
    }

    private String insertValues(Schema.Table t) {
        List<Schema.Column> columns = t.columns();
        String columnList = "";
        if (random.nextInt(3) == 0) {
            List<Schema.Column> picked = new ArrayList<>();
            for (Schema.Column c : t.columns()) {
                if (t.isKey(c) || c == t.columns().get(0) || random.nextBoolean()) { // never an empty column list
                    picked.add(c);
                }
            }
            columns = picked;
            columnList = " (" + String.join(", ", picked.stream().map(Schema.Column::name).toList()) + ")";
        }
        int n = Feature.MULTI_ROW_INSERT.on() ? 1 + random.nextInt(3) : 1;
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(rowValues(t, columns));
        }
        return "INSERT INTO " + t.name() + columnList + " VALUES " + String.join(", ", rows);
    }

    private String insertSelect(Schema.Table t) {
        Schema.Table source = queries.randomTable();
        String alias = queries.nextAlias();
        List<Expr> sourceColumns = QueryGenerator.columnsOf(source, alias);
        ExpressionGenerator g = new ExpressionGenerator(random, sourceColumns, null, 2);
        List<String> items = new ArrayList<>();
        for (Schema.Column c : t.columns()) {
            if (c == t.columns().get(0)) {
                items.add("(" + alias + ".C0 + " + random.nextInt(80) + ")");
            } else {
                items.add(g.expression(c.type(), random.nextInt(2)).sql());
            }
        }
        String where = random.nextInt(4) == 0 ? "" : " WHERE " + g.predicate(1 + random.nextInt(2));
        return "INSERT INTO " + t.name() + " SELECT " + String.join(", ", items) + " FROM " + source.name() + " AS " + alias + where;
    }

    private String update(Schema.Table t) {
        String alias = queries.nextAlias();
        List<Expr> columns = QueryGenerator.columnsOf(t, alias);
        ExpressionGenerator g = new ExpressionGenerator(random, columns, new SubqueryGenerator(queries, columns, 0), 0);
        ExpressionGenerator values = new ExpressionGenerator(random, columns, null, 2);
        List<String> assignments = new ArrayList<>();
        List<Schema.Column> targets = new ArrayList<>(t.columns());
        java.util.Collections.shuffle(targets, random);
        int n = 1 + random.nextInt(2);
        for (Schema.Column c : targets) {
            if (assignments.size() >= n) {
                break;
            }
            if (t.isKey(c) && !Feature.UPDATE_PRIMARY_KEY.on()) {
                continue;
            }
            String value = random.nextInt(10) == 0 ? "NULL" : values.expression(c.type(), random.nextInt(3)).sql();
            assignments.add(c.name() + " = " + value);
        }
        if (assignments.isEmpty()) {
            Schema.Column c = t.columns().get(t.columns().size() - 1);
            assignments.add(c.name() + " = " + literals.value(c));
        }
        String where = random.nextInt(6) == 0 ? "" : " WHERE " + g.predicate(1 + random.nextInt(2));
        return "UPDATE " + t.name() + " AS " + alias + " SET " + String.join(", ", assignments) + where;
    }

    private String delete(Schema.Table t) {
        String alias = queries.nextAlias();
        List<Expr> columns = QueryGenerator.columnsOf(t, alias);
        ExpressionGenerator g = new ExpressionGenerator(random, columns, new SubqueryGenerator(queries, columns, 0), 0);
        String where = random.nextInt(15) == 0 ? "" : " WHERE " + g.predicate(1 + random.nextInt(2));
        return "DELETE FROM " + t.name() + " AS " + alias + where;
    }

    Schema schema() {
        return schema;
    }
}
