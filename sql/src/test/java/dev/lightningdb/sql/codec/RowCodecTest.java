package dev.lightningdb.sql.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

class RowCodecTest {
    private static final long SEED = Long.getLong("lightning.seed", System.nanoTime());
    private static final ColumnType[] TYPES = {ColumnType.of(Kind.BOOLEAN), ColumnType.of(Kind.TINYINT), ColumnType.of(Kind.SMALLINT),
            ColumnType.of(Kind.INTEGER), ColumnType.of(Kind.BIGINT), ColumnType.of(Kind.REAL), ColumnType.of(Kind.DOUBLE),
            ColumnType.decimal(30, 4), ColumnType.of(Kind.VARCHAR), ColumnType.of(Kind.VARBINARY), ColumnType.of(Kind.DATE),
            ColumnType.of(Kind.TIME), ColumnType.of(Kind.TIMESTAMP), ColumnType.of(Kind.TIMESTAMP_TZ), ColumnType.of(Kind.UUID)};

    private static Object value(int column, Random r) {
        if (r.nextInt(4) == 0) {
            return null;
        }
        return switch (TYPES[column].kind()) {
            case BOOLEAN -> r.nextBoolean();
            case TINYINT -> (byte) r.nextInt();
            case SMALLINT -> (short) r.nextInt();
            case INTEGER, DATE, TIME -> r.nextInt();
            case BIGINT, TIMESTAMP, TIMESTAMP_TZ -> r.nextLong();
            case UUID -> java.util.UUID.randomUUID();
            case REAL -> r.nextFloat() - 0.5f;
            case DOUBLE -> r.nextGaussian() * 1e300;
            case DECIMAL -> new BigDecimal(new BigInteger(90, r), 4).negate();
            case VARCHAR -> "row " + r.nextInt() + "é\u0000";
            case VARBINARY -> new ByteString(new byte[] {(byte) r.nextInt(), 0, (byte) 0xFF});
            default -> throw new IllegalStateException();
        };
    }

    @Test
    void rowsRoundTripIncludingNulls() {
        Random r = new Random(SEED);
        int[] all = new int[TYPES.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int n = 0; n < 2000; n++) {
            Object[] row = new Object[TYPES.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = value(i, r);
            }
            ByteWriter w = new ByteWriter();
            RowCodec.encode(w, row, TYPES, all);
            Object[] back = new Object[TYPES.length];
            RowCodec.decode(new ByteReader(w.toByteArray()), back, TYPES, all);
            assertThat(back).as("seed %d", SEED).isEqualTo(row);
        }
    }

    @Test
    void aRowWrittenBeforeColumnsWereAddedDecodesTheNewOnesAsNull() {
        ByteWriter w = new ByteWriter();
        RowCodec.encode(w, new Object[] {true, (byte) 3}, TYPES, new int[] {0, 1});
        Object[] back = new Object[TYPES.length];
        RowCodec.decode(new ByteReader(w.toByteArray()), back, TYPES, new int[] {0, 1, 2, 3});
        assertThat(back[0]).isEqualTo(true);
        assertThat(back[1]).isEqualTo((byte) 3);
        assertThat(back[2]).isNull();
        assertThat(back[3]).isNull();
    }

    @Test
    void garbageDecodesOrFailsWithMalformedData() {
        Random r = new Random(SEED);
        int[] all = new int[TYPES.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int i = 0; i < 50_000; i++) {
            byte[] junk = new byte[r.nextInt(40)];
            r.nextBytes(junk);
            try {
                RowCodec.decode(new ByteReader(junk), new Object[TYPES.length], TYPES, all);
            } catch (MalformedDataException expected) {
                // the only acceptable failure
            }
        }
    }
}
