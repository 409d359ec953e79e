package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.codec.ByteReader;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.codec.MalformedDataException;
import dev.lightningdb.sql.result.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code ANALYZE} measured of a table: its row count and, per column, distinct values, NULLs,
 * minimum, maximum and an equi-depth histogram (bucket upper bounds). Values are key-encoded
 * ({@link KeyCodec}) so that they compare as bytes. Immutable.
 */
public record TableStats(long rows, List<ColumnStats> columns) {
    public TableStats {
        columns = List.copyOf(columns);
    }

    /**
     * @param distinct number of distinct non-NULL values
     * @param nulls number of NULLs
     * @param min smallest value, key-encoded, or null
     * @param max largest value, key-encoded, or null
     * @param bounds histogram bucket upper bounds (key-encoded), each bucket holding an equal share of non-NULL rows
     */
    public record ColumnStats(long distinct, long nulls, byte[] min, byte[] max, List<byte[]> bounds) {
        public ColumnStats {
            bounds = List.copyOf(bounds);
        }

        /** Estimated fraction of all rows equal to one value. */
        public double equalitySelectivity(long rows) {
            if (rows == 0) {
                return 0;
            }
            double nonNull = (rows - nulls) / (double) rows;
            return distinct == 0 ? 0 : nonNull / distinct;
        }

        /** Estimated fraction of all rows in [lower, upper] (either bound may be null = open), from the histogram. */
        public double rangeSelectivity(byte[] lower, byte[] upper, long rows) {
            if (rows == 0 || bounds.isEmpty()) {
                return 1.0 / 3; // the classic guess without a histogram
            }
            int total = bounds.size();
            int inside = 0;
            for (int i = 0; i < total; i++) {
                byte[] hi = bounds.get(i);
                byte[] lo = i == 0 ? min : bounds.get(i - 1);
                boolean below = upper != null && lo != null && Arrays.compareUnsigned(lo, upper) > 0;
                boolean above = lower != null && Arrays.compareUnsigned(hi, lower) < 0;
                if (!below && !above) {
                    inside++;
                }
            }
            double nonNull = (rows - nulls) / (double) rows;
            return nonNull * Math.max(inside, 0.5) / total;
        }
    }

    private static final int VERSION = 1;

    public byte[] encode() {
        ByteWriter w = new ByteWriter(256).write(VERSION).writeVarLong(rows).writeVarLong(columns.size());
        for (ColumnStats c : columns) {
            w.writeVarLong(c.distinct()).writeVarLong(c.nulls());
            bytes(w, c.min());
            bytes(w, c.max());
            w.writeVarLong(c.bounds().size());
            for (byte[] b : c.bounds()) {
                bytes(w, b);
            }
        }
        return w.toByteArray();
    }

    /** @throws MalformedDataException when the bytes are not statistics of this format */
    public static TableStats decode(byte[] data) {
        ByteReader r = new ByteReader(data);
        if (r.read() != VERSION) {
            throw new MalformedDataException("unknown statistics format");
        }
        long rows = r.readVarLong();
        long n = r.readVarLong();
        if (n < 0 || n > 1 << 16) {
            throw new MalformedDataException("impossible column count " + n);
        }
        List<ColumnStats> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long distinct = r.readVarLong();
            long nulls = r.readVarLong();
            byte[] min = bytes(r);
            byte[] max = bytes(r);
            long buckets = r.readVarLong();
            if (buckets < 0 || buckets > 1 << 12) {
                throw new MalformedDataException("impossible bucket count " + buckets);
            }
            List<byte[]> bounds = new ArrayList<>();
            for (int b = 0; b < buckets; b++) {
                bounds.add(bytes(r));
            }
            columns.add(new ColumnStats(distinct, nulls, min, max, bounds));
        }
        return new TableStats(rows, columns);
    }

    private static void bytes(ByteWriter w, byte[] b) {
        if (b == null) {
            w.writeVarLong(0);
        } else {
            w.writeVarLong(b.length + 1L).write(b);
        }
    }

    private static byte[] bytes(ByteReader r) {
        long n = r.readVarLong();
        return n == 0 ? null : r.read((int) Math.min(Integer.MAX_VALUE, n - 1));
    }

    /** The key encoding of a column value, as the statistics hold it; null for types keys cannot hold (DECIMAL). */
    public static byte[] encodeValue(Object internal, ColumnType type) {
        if (internal == null || !KeyCodec.supports(type)) {
            return null;
        }
        ByteWriter w = new ByteWriter(16);
        KeyCodec.encode(w, internal, type);
        return w.toByteArray();
    }
}
