package dev.lightningdb.jdbc;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import dev.lightningdb.sql.result.ResultColumn;
import dev.lightningdb.sql.result.SchemaMetadata;
import dev.lightningdb.sql.result.SchemaMetadata.Column;
import dev.lightningdb.sql.result.SchemaMetadata.ForeignKey;
import dev.lightningdb.sql.result.SchemaMetadata.Index;
import dev.lightningdb.sql.result.SchemaMetadata.Sequence;
import dev.lightningdb.sql.result.SchemaMetadata.Table;
import dev.lightningdb.sql.result.SchemaMetadata.View;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The result sets of {@link java.sql.DatabaseMetaData}, with exactly the columns, order and types
 * the JDBC specification lists, built from the committed catalog's {@link SchemaMetadata} (tables
 * and sequences come sorted by schema, then name). Name patterns are SQL LIKE patterns with
 * {@code \} as escape; a null pattern matches everything.
 */
final class MetadataResults {
    private static final ColumnType TEXT = ColumnType.of(Kind.VARCHAR);
    private static final ColumnType INT = ColumnType.of(Kind.INTEGER);
    private static final ColumnType SHORT = ColumnType.of(Kind.SMALLINT);
    private static final ColumnType LONG = ColumnType.of(Kind.BIGINT);
    private static final ColumnType BOOL = ColumnType.of(Kind.BOOLEAN);

    private final LightningConnection connection;

    MetadataResults(LightningConnection connection) {
        this.connection = connection;
    }

    /** Column spec "NAME:T" where T is V (text), I (int), S (short), L (long) or B (boolean). */
    private static List<ResultColumn> columns(String... specs) {
        List<ResultColumn> out = new ArrayList<>();
        for (String spec : specs) {
            String name = spec.substring(0, spec.length() - 2);
            ColumnType type = switch (spec.charAt(spec.length() - 1)) {
                case 'I' -> INT;
                case 'S' -> SHORT;
                case 'L' -> LONG;
                case 'B' -> BOOL;
                default -> TEXT;
            };
            out.add(new ResultColumn(name, name, "", "", type, true));
        }
        return out;
    }

    private ResultSet result(List<ResultColumn> columns, List<Object[]> rows) {
        return LightningResultSet.of(null, columns, rows);
    }

    ResultSet empty(String... specs) {
        return result(columns(specs), List.of());
    }

    private SchemaMetadata metadata() {
        return sessionTables().metadata();
    }

    private SessionTables sessionTables() {
        var session = connection.session();
        return SessionTables.of(session.database().metadata(), session.temporaryTables(false), session.temporaryTables(true));
    }

    private List<Table> tables(String schemaPattern, String tablePattern) {
        return matching(metadata().tables(), Table::schema, Table::name, schemaPattern, tablePattern);
    }

    /** The items whose schema and name match the patterns, in the given order. */
    private static <T> List<T> matching(List<T> items, Function<T, String> schemaOf, Function<T, String> nameOf,
                                        String schemaPattern, String namePattern) {
        Pattern schema = like(schemaPattern);
        Pattern name = like(namePattern);
        List<T> out = new ArrayList<>();
        for (T item : items) {
            if (schema.matcher(schemaOf.apply(item)).matches() && name.matcher(nameOf.apply(item)).matches()) {
                out.add(item);
            }
        }
        return out;
    }

    /** An SQL LIKE pattern as a regular expression. */
    static Pattern like(String pattern) {
        if (pattern == null) {
            return Pattern.compile(".*", Pattern.DOTALL);
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    ResultSet tables(String schemaPattern, String tablePattern, String[] types) {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        if (types != null) {
            for (String t : types) {
                wanted.add(t == null ? "" : t.toUpperCase(java.util.Locale.ROOT));
            }
        }
        SessionTables session = sessionTables();
        SchemaMetadata metadata = session.metadata(); // one catalog version for every kind
        List<Object[]> rows = new ArrayList<>();
        // rows are ordered by TABLE_TYPE first: GLOBAL TEMPORARY, LOCAL TEMPORARY, SEQUENCE, TABLE
        List<Table> matched = matching(metadata.tables(), Table::schema, Table::name, schemaPattern, tablePattern);
        for (String type : List.of(SessionTables.GLOBAL_TEMPORARY, SessionTables.LOCAL_TEMPORARY, "SEQUENCE", SessionTables.TABLE)) {
            if (types != null && !wanted.contains(type)) {
                continue;
            }
            if (type.equals("SEQUENCE")) {
                for (Sequence q : matching(metadata.sequences(), Sequence::schema, Sequence::name, schemaPattern, tablePattern)) {
                    rows.add(new Object[] {null, q.schema(), q.name(), "SEQUENCE", "", null, null, null, null, null});
                }
                continue;
            }
            for (Table t : matched) {
                if (session.type(t).equals(type)) {
                    rows.add(new Object[] {null, t.schema(), t.name(), type, "", null, null, null, null, null});
                }
            }
        }
        if (types == null || wanted.contains("VIEW")) { // TABLE_TYPE order: VIEW after TABLE
            for (View v : matching(metadata.views(), View::schema, View::name, schemaPattern, tablePattern)) {
                rows.add(new Object[] {null, v.schema(), v.name(), "VIEW", "", null, null, null, null, null});
            }
        }
        return result(columns("TABLE_CAT:V", "TABLE_SCHEM:V", "TABLE_NAME:V", "TABLE_TYPE:V", "REMARKS:V", "TYPE_CAT:V",
                "TYPE_SCHEM:V", "TYPE_NAME:V", "SELF_REFERENCING_COL_NAME:V", "REF_GENERATION:V"), rows);
    }

    ResultSet columns(String schemaPattern, String tablePattern, String columnPattern) {
        Pattern column = like(columnPattern);
        List<Object[]> rows = new ArrayList<>();
        SchemaMetadata metadata = metadata();
        List<Table> relations = new ArrayList<>(metadata.tables());
        for (View v : metadata.views()) { // a view's columns are listed as a table's, without keys
            relations.add(new Table(v.schema(), v.name(), v.columns(), List.of(), List.of(), List.of()));
        }
        relations.sort(Comparator.comparing(Table::schema).thenComparing(Table::name));
        for (Table t : matching(relations, Table::schema, Table::name, schemaPattern, tablePattern)) {
            for (Column c : t.columns()) {
                if (!column.matcher(c.name()).matches()) {
                    continue;
                }
                ColumnType type = c.type();
                rows.add(new Object[] {null, t.schema(), t.name(), c.name(), type.jdbcType(), type.kind().name(),
                        TypeInfo.precision(type), null, TypeInfo.scale(type), TypeInfo.radix(type),
                        c.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls, "", c.defaultSql(), null,
                        null, type.isText() ? TypeInfo.precision(type) : null, c.ordinal(), c.nullable() ? "YES" : "NO", null, null,
                        null, null, c.identity() ? "YES" : "NO", c.generatedSql() != null ? "YES" : "NO"});
            }
        }
        return result(columns("TABLE_CAT:V", "TABLE_SCHEM:V", "TABLE_NAME:V", "COLUMN_NAME:V", "DATA_TYPE:I", "TYPE_NAME:V",
                "COLUMN_SIZE:I", "BUFFER_LENGTH:I", "DECIMAL_DIGITS:I", "NUM_PREC_RADIX:I", "NULLABLE:I", "REMARKS:V",
                "COLUMN_DEF:V", "SQL_DATA_TYPE:I", "SQL_DATETIME_SUB:I", "CHAR_OCTET_LENGTH:I", "ORDINAL_POSITION:I",
                "IS_NULLABLE:V", "SCOPE_CATALOG:V", "SCOPE_SCHEMA:V", "SCOPE_TABLE:V", "SOURCE_DATA_TYPE:S",
                "IS_AUTOINCREMENT:V", "IS_GENERATEDCOLUMN:V"), rows);
    }

    ResultSet primaryKeys(String schema, String table) {
        List<Object[]> rows = new ArrayList<>();
        for (Table t : tables(exact(schema), exact(table))) {
            List<String> pk = t.primaryKey();
            for (int i = 0; i < pk.size(); i++) {
                rows.add(new Object[] {null, t.schema(), t.name(), pk.get(i), (short) (i + 1), "PK_" + t.name()});
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[3]));
        return result(columns("TABLE_CAT:V", "TABLE_SCHEM:V", "TABLE_NAME:V", "COLUMN_NAME:V", "KEY_SEQ:S", "PK_NAME:V"), rows);
    }

    ResultSet indexInfo(String schema, String table, boolean uniqueOnly) {
        List<Object[]> rows = new ArrayList<>();
        for (Table t : tables(exact(schema), exact(table))) {
            List<String> pk = t.primaryKey();
            for (int i = 0; i < pk.size(); i++) {
                rows.add(new Object[] {null, t.schema(), t.name(), false, null, "PK_" + t.name(),
                        DatabaseMetaData.tableIndexOther, (short) (i + 1), pk.get(i), "A", null, null, null});
            }
            for (Index index : t.indexes()) {
                if (uniqueOnly && !index.unique()) {
                    continue;
                }
                for (int i = 0; i < index.columns().size(); i++) {
                    rows.add(new Object[] {null, t.schema(), t.name(), !index.unique(), null, index.name(),
                            DatabaseMetaData.tableIndexOther, (short) (i + 1), index.columns().get(i), "A", null, null, null});
                }
            }
        }
        return result(columns("TABLE_CAT:V", "TABLE_SCHEM:V", "TABLE_NAME:V", "NON_UNIQUE:B", "INDEX_QUALIFIER:V",
                "INDEX_NAME:V", "TYPE:S", "ORDINAL_POSITION:S", "COLUMN_NAME:V", "ASC_OR_DESC:V", "CARDINALITY:L", "PAGES:L",
                "FILTER_CONDITION:V"), rows);
    }

    /**
     * Foreign keys: those of {@code foreignTable} (imported), those referencing {@code primaryTable}
     * (exported), or both filters (cross reference); a null table matches any.
     */
    ResultSet foreignKeys(String primarySchema, String primaryTable, String foreignSchema, String foreignTable) {
        List<Object[]> rows = new ArrayList<>();
        for (Table fk : tables(exact(foreignSchema), exact(foreignTable))) {
            for (ForeignKey c : fk.foreignKeys()) {
                if ((primaryTable != null && !c.referencedTable().equals(primaryTable))
                        || (primarySchema != null && !c.referencedSchema().equals(primarySchema))) {
                    continue;
                }
                List<String> refColumns = c.referencedColumns();
                for (int i = 0; i < c.columns().size(); i++) {
                    rows.add(new Object[] {null, c.referencedSchema(), c.referencedTable(),
                            i < refColumns.size() ? refColumns.get(i) : null, null, fk.schema(), fk.name(), c.columns().get(i),
                            (short) (i + 1), rule(c.onUpdate()), rule(c.onDelete()), c.name(), "PK_" + c.referencedTable(),
                            (short) DatabaseMetaData.importedKeyNotDeferrable});
                }
            }
        }
        return result(keyColumns(), rows);
    }

    ResultSet schemas(String schemaPattern) {
        Pattern p = like(schemaPattern);
        List<Object[]> rows = new ArrayList<>();
        for (String n : metadata().schemas()) {
            if (p.matcher(n).matches()) {
                rows.add(new Object[] {n, null});
            }
        }
        return result(columns("TABLE_SCHEM:V", "TABLE_CATALOG:V"), rows);
    }

    ResultSet catalogs() {
        return empty("TABLE_CAT:V");
    }

    ResultSet tableTypes() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {SessionTables.GLOBAL_TEMPORARY});
        rows.add(new Object[] {SessionTables.LOCAL_TEMPORARY});
        rows.add(new Object[] {"SEQUENCE"});
        rows.add(new Object[] {"TABLE"});
        rows.add(new Object[] {"VIEW"});
        return result(columns("TABLE_TYPE:V"), rows);
    }

    ResultSet typeInfo() {
        List<Object[]> rows = new ArrayList<>();
        for (Kind k : Kind.values()) {
            ColumnType t = k == Kind.DECIMAL ? ColumnType.decimal(ColumnType.MAX_DECIMAL_PRECISION, 0) : ColumnType.of(k);
            boolean text = t.isText();
            boolean binary = t.isBinary();
            String quote = text ? "'" : binary ? "X'" : null;
            String params = k == Kind.DECIMAL ? "PRECISION,SCALE" : text || binary ? "LENGTH" : null;
            rows.add(new Object[] {k.name(), t.jdbcType(), TypeInfo.precision(t), quote, quote == null ? null : "'", params,
                    (short) DatabaseMetaData.typeNullable, text, (short) DatabaseMetaData.typeSearchable, !TypeInfo.isSigned(t),
                    false, false, k.name(), (short) 0, (short) (k == Kind.DECIMAL ? ColumnType.MAX_DECIMAL_PRECISION : TypeInfo.scale(t)),
                    null, null, TypeInfo.radix(t)});
        }
        rows.sort(Comparator.comparing((Object[] r) -> (Integer) r[1]));
        return result(columns("TYPE_NAME:V", "DATA_TYPE:I", "PRECISION:I", "LITERAL_PREFIX:V", "LITERAL_SUFFIX:V",
                "CREATE_PARAMS:V", "NULLABLE:S", "CASE_SENSITIVE:B", "SEARCHABLE:S", "UNSIGNED_ATTRIBUTE:B",
                "FIXED_PREC_SCALE:B", "AUTO_INCREMENT:B", "LOCAL_TYPE_NAME:V", "MINIMUM_SCALE:S", "MAXIMUM_SCALE:S",
                "SQL_DATA_TYPE:I", "SQL_DATETIME_SUB:I", "NUM_PREC_RADIX:I"), rows);
    }

    ResultSet bestRowIdentifier(String schema, String table) {
        List<Object[]> rows = new ArrayList<>();
        for (Table t : tables(exact(schema), exact(table))) {
            for (String k : t.primaryKey()) {
                rows.add(bestRowColumn(k, t.column(k).type(), DatabaseMetaData.bestRowNotPseudo));
            }
            if (t.primaryKey().isEmpty()) { // rows of a table without a primary key are edited by their hidden id
                rows.add(bestRowColumn(SchemaMetadata.ROW_ID, ColumnType.of(Kind.BIGINT), DatabaseMetaData.bestRowPseudo));
            }
        }
        return result(columns("SCOPE:S", "COLUMN_NAME:V", "DATA_TYPE:I", "TYPE_NAME:V", "COLUMN_SIZE:I", "BUFFER_LENGTH:I",
                "DECIMAL_DIGITS:S", "PSEUDO_COLUMN:S"), rows);
    }

    private static Object[] bestRowColumn(String name, ColumnType type, int pseudo) {
        return new Object[] {(short) DatabaseMetaData.bestRowSession, name, type.jdbcType(), type.kind().name(),
                TypeInfo.precision(type), null, (short) TypeInfo.scale(type), (short) pseudo};
    }

    private static List<ResultColumn> keyColumns() {
        return columns("PKTABLE_CAT:V", "PKTABLE_SCHEM:V", "PKTABLE_NAME:V", "PKCOLUMN_NAME:V", "FKTABLE_CAT:V", "FKTABLE_SCHEM:V",
                "FKTABLE_NAME:V", "FKCOLUMN_NAME:V", "KEY_SEQ:S", "UPDATE_RULE:S", "DELETE_RULE:S", "FK_NAME:V", "PK_NAME:V",
                "DEFERRABILITY:S");
    }

    /** A name to match literally (metadata methods that take names, not patterns). */
    private static String exact(String name) {
        if (name == null) {
            return null;
        }
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The {@code DatabaseMetaData.importedKey...} code of a foreign key action as written in SQL. */
    private static short rule(String action) {
        return (short) switch (action) {
            case "CASCADE" -> DatabaseMetaData.importedKeyCascade;
            case "RESTRICT" -> DatabaseMetaData.importedKeyRestrict;
            case "SET NULL" -> DatabaseMetaData.importedKeySetNull;
            case "SET DEFAULT" -> DatabaseMetaData.importedKeySetDefault;
            default -> DatabaseMetaData.importedKeyNoAction;
        };
    }

}
