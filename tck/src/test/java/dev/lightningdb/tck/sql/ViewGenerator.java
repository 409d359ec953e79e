package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Views for a generated schema ({@link Feature#VIEWS}): each reads a table or an earlier view and
 * projects, filters or groups it, sometimes naming its columns in a column list. Queries read a view
 * wherever they read a table ({@link #maybeView}); the rows then come from the view's query expanded
 * by the planner, and DML on the tables changes what the views show.
 */
final class ViewGenerator {
    /** A view: its shape as a table (columns, a unique key if it keeps one, a row bound) and its CREATE VIEW. */
    record View(Schema.Table shape, String createStatement) {
    }

    private final Random random;
    private final List<Schema.Table> sources;
    private final List<View> views = new ArrayList<>();

    private ViewGenerator(Random random, List<Schema.Table> tables) {
        this.random = random;
        this.sources = new ArrayList<>(tables);
    }

    /** {@code schema} with one to three views, or unchanged when {@link Feature#VIEWS} is off. */
    static Schema addViews(Schema schema, Random random) {
        if (!Feature.VIEWS.on()) {
            return schema;
        }
        ViewGenerator g = new ViewGenerator(random, schema.tables());
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            View v = g.view("V" + i);
            g.views.add(v);
            g.sources.add(v.shape());
        }
        return new Schema(schema.tables(), g.views);
    }

    /**
     * What a query reads in place of table {@code t} under alias {@code alias}: now and then one of the
     * schema's views. Chosen from the names alone, not from the query's random stream, so a query that
     * reads no view is the one the same seed made before views existed.
     */
    static Schema.Table maybeView(Schema schema, Schema.Table t, String alias) {
        if (schema.views().isEmpty()) {
            return t;
        }
        Random choice = new Random((31L * alias.hashCode() + t.name().hashCode()) * 31 + schema.views().hashCode());
        if (choice.nextInt(3) != 0) {
            return t;
        }
        return schema.views().get(choice.nextInt(schema.views().size())).shape();
    }

    private View view(String name) {
        Schema.Table from = sources.get(random.nextInt(sources.size()));
        return random.nextInt(4) == 0 ? grouped(name, from) : filtered(name, from);
    }

    /** SELECT the key's columns and some others [WHERE p]: every view keeps a unique key, as queries expect of a table. */
    private View filtered(String name, Schema.Table from) {
        List<Schema.Column> picked = new ArrayList<>();
        for (Schema.Column c : from.columns()) {
            if (from.key().contains(c) || random.nextInt(3) > 0) {
                picked.add(c);
            }
        }
        String where = random.nextBoolean() ? " WHERE " + predicate(from) : "";
        String select = picked.stream().map(c -> "X." + c.name()).collect(Collectors.joining(", "));
        return new View(new Schema.Table(name, picked, from.key(), from.rows()),
                "CREATE VIEW " + name + columnList(picked) + " AS SELECT " + select + " FROM " + from.name() + " AS X" + where);
    }

    /** SELECT g, COUNT(*) AS N, MAX(c) AS c [WHERE p] GROUP BY g: g is its unique key (one NULL group at most). */
    private View grouped(String name, Schema.Table from) {
        Schema.Column group = from.columns().get(random.nextInt(from.columns().size()));
        List<Schema.Column> others = from.columns().stream().filter(c -> c != group).toList();
        Schema.Column max = others.isEmpty() ? group : others.get(random.nextInt(others.size()));
        Schema.Column count = new Schema.Column("N", SqlType.BIGINT, 0, 0, 0, true);
        Schema.Column maxColumn = new Schema.Column(max == group ? "M" : max.name(), max.type(), max.length(), max.precision(),
                max.scale(), false);
        List<Schema.Column> columns = List.of(group, count, maxColumn);
        String where = random.nextBoolean() ? " WHERE " + predicate(from) : "";
        return new View(new Schema.Table(name, columns, List.of(group), from.rows()),
                "CREATE VIEW " + name + columnList(columns) + " AS SELECT X." + group.name() + ", COUNT(*) AS N, MAX(X." + max.name()
                        + ") AS " + maxColumn.name() + " FROM " + from.name() + " AS X" + where + " GROUP BY X." + group.name());
    }

    private String predicate(Schema.Table from) {
        List<Expr> columns = from.columns().stream().map(c -> new Expr("X." + c.name(), c.type(), c.bound())).toList();
        return new ExpressionGenerator(random, columns, null, 2).predicate(2).sql();
    }

    /** Now and then the view names its columns (with the names they have anyway). */
    private String columnList(List<Schema.Column> columns) {
        return random.nextBoolean() ? "" : " (" + columns.stream().map(Schema.Column::name).collect(Collectors.joining(", ")) + ")";
    }
}
