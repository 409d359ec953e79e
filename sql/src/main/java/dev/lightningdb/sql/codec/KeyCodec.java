package dev.lightningdb.sql.codec;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Order-preserving encoding of key columns: for two values a and b of one type, the unsigned byte
 * order of their encodings equals the SQL order of the values, and every encoding is
 * self-delimiting, so a composite key is the concatenation of its columns.
 *
 * <table>
 *   <caption>Encodings</caption>
 *   <tr><th>type</th><th>bytes</th></tr>
 *   <tr><td>BOOLEAN</td><td>1: 0 or 1</td></tr>
 *   <tr><td>TINYINT, SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP [WITH TIME ZONE]</td><td>1/2/4/8 big-endian with the sign bit flipped</td></tr>
 *   <tr><td>UUID</td><td>16: the two halves big-endian (unsigned byte order = order of the hex text)</td></tr>
 *   <tr><td>REAL, DOUBLE</td><td>4/8: IEEE bits, all flipped if negative, else sign bit set (-0.0 is stored as 0.0)</td></tr>
 *   <tr><td>CHAR, VARCHAR, JSON (UTF-8), BINARY, VARBINARY</td><td>bytes with 00 escaped as 00 FF, then terminator 00 01</td></tr>
 * </table>
 * DECIMAL key columns are not supported yet.
 */
public final class KeyCodec {
    private KeyCodec() {
    }

    /** Whether a column of {@code type} can be part of a primary key. */
    public static boolean supports(ColumnType type) {
        return type.kind() != ColumnType.Kind.DECIMAL;
    }

    /** Appends {@code value} (internal representation, not null) encoded as {@code type}. */
    public static void encode(ByteWriter out, Object value, ColumnType type) {
        switch (type.kind()) {
            case BOOLEAN -> out.write((Boolean) value ? 1 : 0);
            case TINYINT -> out.write(((Number) value).byteValue() ^ 0x80);
            case SMALLINT -> out.writeShortBE(((Number) value).shortValue() ^ 0x8000);
            case INTEGER, DATE, TIME -> out.writeIntBE(((Number) value).intValue() ^ Integer.MIN_VALUE);
            case BIGINT, TIMESTAMP, TIMESTAMP_TZ -> out.writeLongBE(((Number) value).longValue() ^ Long.MIN_VALUE);
            case UUID -> {
                java.util.UUID u = (java.util.UUID) value;
                out.writeLongBE(u.getMostSignificantBits()).writeLongBE(u.getLeastSignificantBits());
            }
            case REAL -> {
                float f = ((Number) value).floatValue();
                int bits = Float.floatToIntBits(f == 0.0f ? 0.0f : f);
                out.writeIntBE(bits < 0 ? ~bits : bits ^ Integer.MIN_VALUE);
            }
            case DOUBLE -> {
                double d = ((Number) value).doubleValue();
                long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
                out.writeLongBE(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
            }
            case CHAR, VARCHAR, JSON -> escaped(out, ((String) value).getBytes(StandardCharsets.UTF_8));
            case BINARY, VARBINARY -> escaped(out, ((ByteString) value).getBytes());
            case DECIMAL -> throw SqlError.unsupported("A DECIMAL primary key column");
        }
    }

    private static void escaped(ByteWriter out, byte[] bytes) {
        for (byte b : bytes) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        out.write(0).write(1);
    }

    /** Reads one value of {@code type} written by {@link #encode}, in internal representation. */
    public static Object decode(ByteReader in, ColumnType type) {
        return switch (type.kind()) {
            case BOOLEAN -> in.read() != 0;
            case TINYINT -> (byte) (in.read() ^ 0x80);
            case SMALLINT -> (short) (in.readShortBE() ^ 0x8000);
            case INTEGER, DATE, TIME -> in.readIntBE() ^ Integer.MIN_VALUE;
            case BIGINT, TIMESTAMP, TIMESTAMP_TZ -> in.readLongBE() ^ Long.MIN_VALUE;
            case UUID -> new java.util.UUID(in.readLongBE(), in.readLongBE());
            case REAL -> {
                int bits = in.readIntBE();
                yield Float.intBitsToFloat(bits < 0 ? bits ^ Integer.MIN_VALUE : ~bits);
            }
            case DOUBLE -> {
                long bits = in.readLongBE();
                yield Double.longBitsToDouble(bits < 0 ? bits ^ Long.MIN_VALUE : ~bits);
            }
            case CHAR, VARCHAR, JSON -> new String(unescaped(in), StandardCharsets.UTF_8);
            case BINARY, VARBINARY -> new ByteString(unescaped(in));
            case DECIMAL -> throw new MalformedDataException("DECIMAL cannot appear in a key");
        };
    }

    private static byte[] unescaped(ByteReader in) {
        ByteWriter out = new ByteWriter(32);
        while (true) {
            int b = in.read();
            if (b != 0) {
                out.write(b);
                continue;
            }
            int next = in.read();
            if (next == 0xFF) {
                out.write(0);
            } else if (next == 1) {
                return out.toByteArray();
            } else {
                throw new MalformedDataException("bad escape 00 " + Integer.toHexString(next) + " in a key at offset " + (in.position() - 1));
            }
        }
    }
}
