package dev.lightningdb.sql.catalog;

import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.result.ColumnType;

/**
 * The system key range that holds the catalog, inside the same store and transactions as data.
 * <ul>
 *   <li>{@code 00 'T' schema name} → table definition ({@link CatalogCodec})
 *   <li>{@code 00 'S' schema name} → sequence definition
 *   <li>{@code 00 'N' name} → a schema (empty value)
 *   <li>{@code 00 'V' schema name} → view definition ({@link ViewCodec})
 *   <li>{@code 00 'C' ...} → counters: the highest value handed out by a sequence or identity column,
 *       or reserved for the hidden row ids of a table
 * </ul>
 */
public final class CatalogKeys {
    public static final byte SYSTEM = 0x00;
    private static final byte TABLES = 'T';
    private static final ColumnType NAME = ColumnType.of(ColumnType.Kind.VARCHAR);

    private CatalogKeys() {
    }

    public static byte[] table(QualifiedName name) {
        ByteWriter w = new ByteWriter(32).write(SYSTEM).write(TABLES);
        KeyCodec.encode(w, name.schema(), NAME);
        KeyCodec.encode(w, name.name(), NAME);
        return w.toByteArray();
    }

    public static byte[] sequence(QualifiedName name) {
        return named('S', name);
    }

    public static KeyRange allSequences() {
        return KeyRange.prefix(new byte[] {SYSTEM, 'S'});
    }

    public static byte[] view(QualifiedName name) {
        return named('V', name);
    }

    public static KeyRange allViews() {
        return KeyRange.prefix(new byte[] {SYSTEM, 'V'});
    }

    public static byte[] schema(String name) {
        ByteWriter w = new ByteWriter(32).write(SYSTEM).write('N');
        KeyCodec.encode(w, name, NAME);
        return w.toByteArray();
    }

    public static KeyRange allSchemas() {
        return KeyRange.prefix(new byte[] {SYSTEM, 'N'});
    }

    /** The counter of a sequence. */
    public static byte[] sequenceCounter(QualifiedName name) {
        byte[] key = named('S', name);
        byte[] out = new byte[key.length + 1];
        out[0] = SYSTEM;
        out[1] = 'C';
        System.arraycopy(key, 1, out, 2, key.length - 1);
        return out;
    }

    /** The statistics of a table (written by ANALYZE). */
    public static byte[] statistics(int tableId) {
        return new ByteWriter(8).write(SYSTEM).write('A').writeIntBE(tableId).toByteArray();
    }

    public static KeyRange allStatistics() {
        return KeyRange.prefix(new byte[] {SYSTEM, 'A'});
    }

    /** The counter of a table's identity column. */
    public static byte[] identityCounter(int tableId) {
        return new ByteWriter(8).write(SYSTEM).write('C').write('I').writeIntBE(tableId).toByteArray();
    }

    /** The counter of a table's hidden row ids: the highest id reserved ({@link RowId}). */
    public static byte[] rowIdCounter(int tableId) {
        return new ByteWriter(8).write(SYSTEM).write('C').write('R').writeIntBE(tableId).toByteArray();
    }

    private static byte[] named(char kind, QualifiedName name) {
        ByteWriter w = new ByteWriter(32).write(SYSTEM).write(kind);
        KeyCodec.encode(w, name.schema(), NAME);
        KeyCodec.encode(w, name.name(), NAME);
        return w.toByteArray();
    }

    /**
     * The lock a statement takes on a table: shared by writers of its rows, exclusive for a schema
     * change of it. Never stored; only locked.
     */
    public static byte[] tableLock(int tableId) {
        return new ByteWriter(6).write(SYSTEM).write('L').writeIntBE(tableId).toByteArray();
    }

    /** The lock every schema change takes, exclusively, so that schema changes happen one at a time. Never stored. */
    public static byte[] schemaLock() {
        return new byte[] {SYSTEM, 'L'};
    }

    public static KeyRange allTables() {
        return KeyRange.prefix(new byte[] {SYSTEM, TABLES});
    }
}
