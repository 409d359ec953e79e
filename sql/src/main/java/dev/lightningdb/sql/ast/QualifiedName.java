package dev.lightningdb.sql.ast;

/** A table name with an optional schema; names are already case-folded by the parser. */
public record QualifiedName(String schema, String name) {
    public static final String DEFAULT_SCHEMA = "PUBLIC";

    public QualifiedName {
        schema = schema == null ? DEFAULT_SCHEMA : schema;
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
