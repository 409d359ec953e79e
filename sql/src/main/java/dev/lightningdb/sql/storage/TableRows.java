package dev.lightningdb.sql.storage;

import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.ByteReader;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.codec.MalformedDataException;
import dev.lightningdb.sql.codec.RowCodec;
import dev.lightningdb.sql.result.SqlError;

/**
 * Maps a table's rows (arrays of internal values in column order) to and from engine entries.
 * Stateless apart from a scratch buffer: one instance per thread or per statement.
 */
public final class TableRows {
    private final TableDef table;
    private final ByteWriter scratch = new ByteWriter(128);

    public TableRows(TableDef table) {
        this.table = table;
    }

    public TableDef table() {
        return table;
    }

    /** The engine key of {@code row} (its primary key columns must be non-null). */
    public byte[] key(Object[] row) {
        scratch.reset();
        table.writeKeyPrefix(scratch);
        for (int k : table.primaryKey()) {
            KeyCodec.encode(scratch, row[k], table.types()[k]);
        }
        return scratch.toByteArray();
    }

    public byte[] value(Object[] row) {
        scratch.reset();
        RowCodec.encode(scratch, row, table.types(), table.valueColumns());
        return scratch.toByteArray();
    }

    /** Every row of the table. */
    public KeyRange all() {
        return KeyRange.prefix(table.keyPrefix());
    }

    /** Decodes a full row from an entry of this table. */
    public Object[] decode(byte[] key, byte[] value) {
        Object[] row = new Object[table.columns().size()];
        decodeKey(key, row);
        decodeValue(key, value, row);
        return row;
    }

    /** Fills the primary key columns of {@code row} from {@code key}. */
    public void decodeKey(byte[] key, Object[] row) {
        try {
            ByteReader in = new ByteReader(key, table.keyPrefixLength(), key.length);
            for (int k : table.primaryKey()) {
                row[k] = KeyCodec.decode(in, table.types()[k]);
            }
        } catch (MalformedDataException e) {
            throw damaged(key, e);
        }
    }

    /** Fills the non-key columns of {@code row} from {@code value}. */
    public void decodeValue(byte[] key, byte[] value, Object[] row) {
        try {
            RowCodec.decode(new ByteReader(value), row, table.types(), table.valueColumns());
        } catch (MalformedDataException e) {
            throw damaged(key, e);
        }
    }

    private SqlError damaged(byte[] key, MalformedDataException e) {
        return new SqlError(SqlError.CORRUPTION, "A row of table " + table.name() + " is damaged (" + e.getMessage()
                + "), key " + KeyRange.of(key, true, key, true), e);
    }
}
