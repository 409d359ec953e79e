package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.ByteReader;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.codec.MalformedDataException;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableWriter;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Reads rows out of secondary-index entry keys, for index-only scans. An entry key is
 * <table>
 *   <caption>Index entry key</caption>
 *   <tr><th>bytes</th><th>content</th></tr>
 *   <tr><td>5</td><td>index prefix ({@link TableWriter#indexPrefix})</td></tr>
 *   <tr><td>per indexed column</td><td>00 for NULL, or 01 then the {@link KeyCodec} value</td></tr>
 *   <tr><td>rest</td><td>the primary key columns, {@link KeyCodec} values</td></tr>
 * </table>
 * A column counts as covered only where the key encoding gives back exactly the stored value:
 * REAL and DOUBLE keys store -0.0 as 0.0, and DECIMAL has no key encoding.
 */
public final class IndexEntries {
    private static final int PREFIX_LENGTH = 5;

    private IndexEntries() {
    }

    /** Whether every column in {@code used} (null: all) can be read from an entry of {@code index}. */
    static boolean covers(TableDef table, IndexDef index, ImmutableBitSet used) {
        if (used == null) {
            return false;
        }
        for (int c : used) {
            if (!contains(table.primaryKey(), c) && !(contains(index.columns(), c) && lossless(table.types()[c]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean lossless(ColumnType type) {
        return switch (type.kind()) {
            case REAL, DOUBLE, DECIMAL -> false;
            default -> true;
        };
    }

    private static boolean contains(int[] columns, int c) {
        for (int x : columns) {
            if (x == c) {
                return true;
            }
        }
        return false;
    }

    /** Fills the indexed and primary key columns of {@code row} from {@code entry}; other columns stay as they are. */
    static void decode(TableDef table, IndexDef index, byte[] entry, Object[] row) {
        try {
            ByteReader in = new ByteReader(entry, PREFIX_LENGTH, entry.length);
            for (int c : index.columns()) {
                row[c] = in.read() == 1 ? KeyCodec.decode(in, table.types()[c]) : null;
            }
            for (int k : table.primaryKey()) {
                row[k] = KeyCodec.decode(in, table.types()[k]);
            }
        } catch (MalformedDataException e) {
            throw new SqlError(SqlError.CORRUPTION, "An entry of index " + index.name() + " is damaged (" + e.getMessage() + ")", e);
        }
    }

    /** Where the primary key starts in {@code entry}: past the prefix and each (presence byte, value). */
    public static int primaryKeyOffset(TableDef table, IndexDef index, byte[] entry) {
        ByteReader in = new ByteReader(entry, PREFIX_LENGTH, entry.length);
        for (int c : index.columns()) {
            if (in.read() == 1) {
                KeyCodec.decode(in, table.types()[c]);
            }
        }
        return in.position();
    }
}
