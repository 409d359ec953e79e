package dev.lightningdb.sql.catalog;

import dev.lightningdb.engine.KeyRange;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.types.ColumnType;

/**
 * The system key range that holds the catalog, inside the same store and transactions as data.
 * {@code 00 'T' schema name} → table definition ({@link CatalogCodec}).
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

    public static KeyRange allTables() {
        return KeyRange.prefix(new byte[] {SYSTEM, TABLES});
    }
}
