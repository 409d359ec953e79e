package dev.lightningdb.sql.catalog;

import java.util.Arrays;

/**
 * A secondary index of a table. Its entries live in the key range {@code 02 id}: key = prefix ‖
 * indexed columns (each a presence byte, 00 for NULL or 01 then the value) ‖ primary key, value empty.
 *
 * @param columns the indexed column positions, in index order
 * @param constraint true when the index backs a UNIQUE constraint of the same name
 */
public record IndexDef(int id, String name, boolean unique, int[] columns, boolean constraint) {
    public static final byte INDEX_DATA = 0x02;
    /** First byte of every entry of a temporary table's index. */
    public static final byte TEMPORARY_INDEX_DATA = (byte) 0x82;

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexDef d && d.id == id && d.name.equals(name) && d.unique == unique
                && Arrays.equals(d.columns, columns) && d.constraint == constraint;
    }

    @Override
    public int hashCode() {
        return id * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return "IndexDef[" + name + " #" + id + (unique ? " unique " : " ") + Arrays.toString(columns) + "]";
    }
}
