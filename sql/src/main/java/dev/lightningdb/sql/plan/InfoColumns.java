package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.ViewDef;
import dev.lightningdb.sql.result.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * INFORMATION_SCHEMA.COLUMNS: every column of every table and view. Type descriptions follow the
 * standard as H2 2.x and PostgreSQL give them: DATA_TYPE {@code CHARACTER VARYING}, {@code DOUBLE
 * PRECISION}, {@code NUMERIC}...; integer and floating-point precision in bits (radix 2), NUMERIC
 * in digits (radix 10); an unbounded length is null (as PostgreSQL).
 */
final class InfoColumns {
    static final List<String> COLUMNS = List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION:I",
            "COLUMN_DEFAULT", "IS_NULLABLE", "DATA_TYPE", "CHARACTER_MAXIMUM_LENGTH:L", "CHARACTER_OCTET_LENGTH:L",
            "NUMERIC_PRECISION:I", "NUMERIC_PRECISION_RADIX:I", "NUMERIC_SCALE:I", "DATETIME_PRECISION:I", "IS_IDENTITY",
            "IDENTITY_GENERATION", "IDENTITY_START:L", "IDENTITY_INCREMENT:L", "IS_GENERATED", "GENERATION_EXPRESSION");

    private InfoColumns() {
    }

    static List<Object[]> rows(CatalogView catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : InfoObjects.sorted(catalog.tables(), TableDef::name)) {
            int first = t.firstDeclaredColumn(); // a hidden row id is not a column of the table's
            for (int i = first; i < t.columns().size(); i++) {
                TableDef.Identity id = t.identity() != null && t.identity().column() == i ? t.identity() : null;
                rows.add(row(t.name().schema(), t.name().name(), t.column(i), i + 1 - first, id));
            }
        }
        for (ViewDef v : InfoObjects.sorted(catalog.views(), ViewDef::name)) {
            for (int i = 0; i < v.columns().size(); i++) {
                rows.add(row(v.name().schema(), v.name().name(), v.columns().get(i), i + 1, null));
            }
        }
        InformationSchema.VIEWS.forEach((name, spec) -> {
            for (int i = 0; i < spec.columns().size(); i++) {
                String c = spec.columns().get(i);
                rows.add(new Object[] {null, InformationSchema.NAME, name, InformationSchema.columnName(c), i + 1, null, "YES",
                        InformationSchema.columnType(c), null, null, null, null, null, null, "NO", null, null, null, "NEVER", null});
            }
        });
        rows.sort(java.util.Comparator.comparing((Object[] r) -> (String) r[1]).thenComparing(r -> (String) r[2])
                .thenComparing(r -> (Integer) r[4]));
        return rows;
    }

    private static Object[] row(String schema, String table, ColumnDef c, int position, TableDef.Identity identity) {
        ColumnType t = c.type();
        Long length = (t.isText() || t.isBinary()) && t.isBounded() ? (long) t.precision() : null;
        return new Object[] {null, schema, table, c.name(), position, c.defaultSql(), c.nullable() ? "YES" : "NO", dataType(t),
                length, length, numericPrecision(t), radix(t), scale(t), datetimePrecision(t), identity != null ? "YES" : "NO",
                identity != null ? "BY DEFAULT" : null, identity != null ? identity.start() : null,
                identity != null ? identity.increment() : null, "NEVER", null};
    }

    /** The standard's name of the type, without length or precision. */
    static String dataType(ColumnType t) {
        return switch (t.kind()) {
            case DOUBLE -> "DOUBLE PRECISION";
            case DECIMAL -> "NUMERIC";
            case CHAR -> "CHARACTER";
            case VARCHAR -> "CHARACTER VARYING";
            case VARBINARY -> "BINARY VARYING";
            case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
            default -> t.kind().name();
        };
    }

    private static Integer numericPrecision(ColumnType t) {
        return switch (t.kind()) {
            case TINYINT -> 8;
            case SMALLINT -> 16;
            case INTEGER -> 32;
            case BIGINT -> 64;
            case REAL -> 24;
            case DOUBLE -> 53;
            case DECIMAL -> t.precisionOrDefault();
            default -> null;
        };
    }

    private static Integer radix(ColumnType t) {
        return switch (t.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE -> 2;
            case DECIMAL -> 10;
            default -> null;
        };
    }

    private static Integer scale(ColumnType t) {
        return switch (t.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> 0;
            case DECIMAL -> t.scale();
            default -> null;
        };
    }

    private static Integer datetimePrecision(ColumnType t) {
        return switch (t.kind()) {
            case DATE -> 0;
            case TIME, TIMESTAMP, TIMESTAMP_TZ -> 3; // milliseconds are kept
            default -> null;
        };
    }
}
