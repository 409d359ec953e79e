package dev.lightningdb.sql.codec;

import dev.lightningdb.sql.result.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.avatica.util.ByteString;

/**
 * The compact encoding of a row's non-key columns (key columns live in the key).
 *
 * <table>
 *   <caption>Row layout</caption>
 *   <tr><th>part</th><th>bytes</th></tr>
 *   <tr><td>column count n</td><td>varint; columns added later decode as NULL when absent</td></tr>
 *   <tr><td>null bitmap</td><td>ceil(n/8); bit i set = column i is NULL</td></tr>
 *   <tr><td>each non-null column</td><td>BOOLEAN, TINYINT: 1 byte; SMALLINT, INTEGER, BIGINT, DATE, TIME,
 *       TIMESTAMP [WITH TIME ZONE]: zig-zag varint; UUID: 16; REAL: 4; DOUBLE: 8; DECIMAL: zig-zag varint scale, varint length,
 *       unscaled two's complement; CHAR, VARCHAR, JSON: varint length + UTF-8; BINARY, VARBINARY: varint length + bytes</td></tr>
 * </table>
 */
public final class RowCodec {
    private RowCodec() {
    }

    /** Encodes {@code values[columns[i]]} for each i, typed by {@code types[columns[i]]}. */
    public static void encode(ByteWriter out, Object[] values, ColumnType[] types, int[] columns) {
        int n = columns.length;
        out.writeVarLong(n);
        int bitmapStart = out.size();
        for (int i = 0; i < (n + 7) / 8; i++) {
            out.write(0);
        }
        byte[] bitmap = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) {
            Object v = values[columns[i]];
            if (v == null) {
                bitmap[i >>> 3] |= (byte) (1 << (i & 7));
            } else {
                encodeValue(out, v, types[columns[i]]);
            }
        }
        out.patch(bitmapStart, bitmap); // the bitmap is known only after the values
    }

    private static void encodeValue(ByteWriter out, Object v, ColumnType type) {
        switch (type.kind()) {
            case BOOLEAN -> out.write((Boolean) v ? 1 : 0);
            case TINYINT -> out.write(((Number) v).byteValue());
            case SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> out.writeSignedVarLong(((Number) v).longValue());
            case UUID -> {
                java.util.UUID u = (java.util.UUID) v;
                out.writeLongBE(u.getMostSignificantBits()).writeLongBE(u.getLeastSignificantBits());
            }
            case REAL -> out.writeIntBE(Float.floatToIntBits(((Number) v).floatValue()));
            case DOUBLE -> out.writeLongBE(Double.doubleToLongBits(((Number) v).doubleValue()));
            case DECIMAL -> {
                BigDecimal d = (BigDecimal) v;
                byte[] unscaled = d.unscaledValue().toByteArray();
                out.writeSignedVarLong(d.scale()).writeVarLong(unscaled.length).write(unscaled);
            }
            case CHAR, VARCHAR, JSON -> {
                byte[] b = ((String) v).getBytes(StandardCharsets.UTF_8);
                out.writeVarLong(b.length).write(b);
            }
            case BINARY, VARBINARY -> {
                byte[] b = ((ByteString) v).getBytes();
                out.writeVarLong(b.length).write(b);
            }
        }
    }

    /** Decodes into {@code values[columns[i]]}; columns the row does not hold are set to null. */
    public static void decode(ByteReader in, Object[] values, ColumnType[] types, int[] columns) {
        long stored = in.readVarLong();
        if (stored < 0 || stored > 1 << 16) {
            throw new MalformedDataException("impossible column count " + stored);
        }
        int n = (int) stored;
        byte[] bitmap = in.read((n + 7) / 8);
        for (int i = 0; i < columns.length; i++) {
            if (i >= n || (bitmap[i >>> 3] & (1 << (i & 7))) != 0) {
                values[columns[i]] = null;
            } else {
                values[columns[i]] = decodeValue(in, types[columns[i]]);
            }
        }
    }

    private static Object decodeValue(ByteReader in, ColumnType type) {
        return switch (type.kind()) {
            case BOOLEAN -> in.read() != 0;
            case TINYINT -> (byte) in.read();
            case SMALLINT -> (short) in.readSignedVarLong();
            case INTEGER, DATE, TIME -> (int) in.readSignedVarLong();
            case BIGINT, TIMESTAMP, TIMESTAMP_TZ -> in.readSignedVarLong();
            case UUID -> new java.util.UUID(in.readLongBE(), in.readLongBE());
            case REAL -> Float.intBitsToFloat(in.readIntBE());
            case DOUBLE -> Double.longBitsToDouble(in.readLongBE());
            case DECIMAL -> {
                long scale = in.readSignedVarLong();
                if (scale < -10_000 || scale > 10_000) {
                    throw new MalformedDataException("impossible DECIMAL scale " + scale);
                }
                int len = in.readLength();
                if (len == 0) {
                    throw new MalformedDataException("empty DECIMAL");
                }
                yield new BigDecimal(new BigInteger(in.read(len)), (int) scale);
            }
            case CHAR, VARCHAR, JSON -> new String(in.read(in.readLength()), StandardCharsets.UTF_8);
            case BINARY, VARBINARY -> new ByteString(in.read(in.readLength()));
        };
    }
}
