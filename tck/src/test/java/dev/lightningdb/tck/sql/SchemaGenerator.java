package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random schemas: two or three tables, each with a primary key (single or composite) and a few
 * columns of every type, loaded with rows that hold NULLs and duplicates in the non-key columns.
 */
final class SchemaGenerator {
    static final double MAX_INT = 1000;
    static final double MAX_BIGINT = 3_000_001_000.0;
    static final double MAX_DOUBLE = 20;
    private static final SqlType[] TYPES = SqlType.values();

    private final Random random;
    private final LiteralGenerator literals;

    SchemaGenerator(Random random) {
        this.random = random;
        this.literals = new LiteralGenerator(random);
    }

    Schema generate() {
        int tableCount = 2 + random.nextInt(2);
        List<Schema.Table> tables = new ArrayList<>();
        for (int t = 0; t < tableCount; t++) {
            Schema.Table table = table("T" + t, random.nextInt(5) == 0 ? random.nextInt(4) : 5 + random.nextInt(30));
            tables.add(NoPrimaryKeyTables.maybeWithoutKey(table));
        }
        return ViewGenerator.addViews(new Schema(tables), new Random(random.nextLong()));
    }

    private Schema.Table table(String name, int rowCount) {
        List<Schema.Column> columns = new ArrayList<>();
        List<Schema.Column> key = new ArrayList<>();
        // The first column is always an INTEGER key part, so every table can be joined and ordered by it.
        Schema.Column id = new Schema.Column("C0", SqlType.INTEGER, 0, 0, 0, true);
        columns.add(id);
        key.add(id);
        int extra = 2 + random.nextInt(5);
        for (int i = 1; i <= extra; i++) {
            columns.add(column("C" + i, TYPES[random.nextInt(TYPES.length)]));
        }
        if (random.nextInt(4) == 0) {
            Schema.Column second = columns.get(1 + random.nextInt(extra));
            if ((second.type() != SqlType.DOUBLE || Feature.DOUBLE_PRIMARY_KEY.on())
                    && (second.type() != SqlType.BOOLEAN || Feature.NOT_NULL_BOOLEAN_COLUMNS.on())
                    && (second.type() != SqlType.DECIMAL || Feature.DECIMAL_PRIMARY_KEY.on())) {
                key.add(second);
            }
        }
        return new Schema.Table(name, columns, key, rows(columns, key, rowCount));
    }

    private Schema.Column column(String name, SqlType type) {
        boolean notNull = random.nextInt(6) == 0 && (type != SqlType.BOOLEAN || Feature.NOT_NULL_BOOLEAN_COLUMNS.on());
        return switch (type) {
            case VARCHAR -> new Schema.Column(name, type, 1 + random.nextInt(12), 0, 0, notNull);
            case DECIMAL -> {
                int precision = 3 + random.nextInt(10);
                yield new Schema.Column(name, type, 0, precision, random.nextInt(Math.min(4, precision - 1)), notNull);
            }
            default -> new Schema.Column(name, type, 0, 0, 0, notNull);
        };
    }

    private List<List<String>> rows(List<Schema.Column> columns, List<Schema.Column> key, int count) {
        List<List<String>> rows = new ArrayList<>();
        Set<List<String>> keys = new HashSet<>();
        int attempts = 0;
        while (rows.size() < count && attempts++ < count * 10) {
            List<String> row = new ArrayList<>();
            List<String> keyValues = new ArrayList<>();
            for (Schema.Column c : columns) {
                String v;
                if (c == columns.get(0)) {
                    v = Integer.toString(key.size() == 1 ? rows.size() * (1 + random.nextInt(2)) - 5 : random.nextInt(count + 1));
                } else if (!key.contains(c) && !c.notNull() && random.nextInt(6) == 0) {
                    v = "NULL";
                } else {
                    v = literals.value(c);
                }
                row.add(v);
                if (key.contains(c)) {
                    keyValues.add(canonicalKey(c, v));
                }
            }
            if (keys.add(keyValues)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Key values as both databases compare them (DECIMAL 1.50 equals 1.5). */
    private static String canonicalKey(Schema.Column c, String v) {
        return c.type() == SqlType.DECIMAL ? new java.math.BigDecimal(v).stripTrailingZeros().toPlainString() : v;
    }
}
