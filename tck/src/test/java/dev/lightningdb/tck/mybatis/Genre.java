package dev.lightningdb.tck.mybatis;

/** Stored by name through MyBatis's default {@code EnumTypeHandler}. */
public enum Genre {
    NOVEL, SCIENCE_FICTION, POETRY, ESSAY
}
