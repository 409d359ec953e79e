package dev.lightningdb.sql.ast;

/**
 * What a foreign key does to the referencing rows when their referenced key is deleted or
 * changed ({@code ON DELETE} / {@code ON UPDATE}). NO ACTION, the default, is checked when the
 * statement ends; RESTRICT as soon as the statement's own rows are written (as in PostgreSQL).
 */
public enum ReferentialAction {
    NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT;

    /** As written in SQL: {@code SET NULL}, {@code NO ACTION}. */
    public String sql() {
        return name().replace('_', ' ');
    }
}
