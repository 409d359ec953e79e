package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.QualifiedName;

/** A sequence: values start, start + increment, ... within [min, max], wrapping around when {@code cycle}. */
public record SequenceDef(QualifiedName name, long start, long increment, long min, long max, boolean cycle) {
}
