package dev.lightningdb.sql.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

class KeyCodecTest {
    private static final long SEED = Long.getLong("lightning.seed", System.nanoTime());

    private static Object random(Kind kind, Random r) {
        return switch (kind) {
            case BOOLEAN -> r.nextBoolean();
            case TINYINT -> (byte) r.nextInt();
            case SMALLINT -> (short) r.nextInt();
            case INTEGER, DATE, TIME -> r.nextInt(5) == 0 ? r.nextInt(3) - 1 : r.nextInt();
            case BIGINT, TIMESTAMP, TIMESTAMP_TZ -> r.nextInt(5) == 0 ? (long) (r.nextInt(3) - 1) : r.nextLong();
            case UUID -> new java.util.UUID(r.nextInt(3) == 0 ? -1L : r.nextLong(), r.nextLong());
            case REAL -> r.nextInt(6) == 0 ? new float[] {0f, -0f, Float.MIN_VALUE, -Float.MAX_VALUE, Float.NEGATIVE_INFINITY}[r.nextInt(5)]
                    : (float) (r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
            case DOUBLE -> r.nextInt(6) == 0 ? new double[] {0d, -0d, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY}[r.nextInt(5)]
                    : r.nextGaussian() * Math.pow(10, r.nextInt(200) - 100);
            case CHAR, VARCHAR, JSON -> randomString(r);
            case BINARY, VARBINARY -> new ByteString(randomBytes(r));
            case DECIMAL -> throw new IllegalArgumentException("not a key type");
        };
    }

    private static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(4);
            sb.appendCodePoint(kind == 0 ? 0 : kind == 1 ? 'a' + r.nextInt(3) : kind == 2 ? 0x80 + r.nextInt(0x700) : 0x1F600 + r.nextInt(50));
        }
        return sb.toString();
    }

    private static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(5)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) new int[] {0, 1, 0xFF, 0x7F, r.nextInt(256)}[r.nextInt(5)];
        }
        return b;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int sqlCompare(Object a, Object b) {
        if (a instanceof String x) {
            return Arrays.compareUnsigned(x.getBytes(java.nio.charset.StandardCharsets.UTF_8), ((String) b).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (a instanceof ByteString x) {
            return Arrays.compareUnsigned(x.getBytes(), ((ByteString) b).getBytes());
        }
        if (a instanceof java.util.UUID x) {
            return x.toString().compareTo(b.toString()); // hex text order
        }
        if (a instanceof Float x) {
            return Float.compare(x == 0f ? 0f : x, ((Float) b) == 0f ? 0f : (Float) b);
        }
        if (a instanceof Double x) {
            return Double.compare(x == 0d ? 0d : x, ((Double) b) == 0d ? 0d : (Double) b);
        }
        return ((Comparable) a).compareTo(b);
    }

    @Test
    void encodingOrderEqualsValueOrderAndDecodesBack() {
        Random r = new Random(SEED);
        for (Kind kind : Kind.values()) {
            if (kind == Kind.DECIMAL) {
                continue;
            }
            ColumnType type = ColumnType.of(kind);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                values.add(random(kind, r));
            }
            for (Object v : values) {
                ByteWriter w = new ByteWriter();
                KeyCodec.encode(w, v, type);
                Object back = KeyCodec.decode(new ByteReader(w.toByteArray()), type);
                assertThat(sqlCompare(back, v)).as("seed %d, %s round trip of %s", SEED, kind, v).isZero();
            }
            for (int i = 0; i < 2000; i++) {
                Object a = values.get(r.nextInt(values.size()));
                Object b = values.get(r.nextInt(values.size()));
                int expected = Integer.signum(sqlCompare(a, b));
                int actual = Integer.signum(Arrays.compareUnsigned(encode(a, type), encode(b, type)));
                assertThat(actual).as("seed %d, %s: %s vs %s", SEED, kind, a, b).isEqualTo(expected);
            }
        }
    }

    @Test
    void compositeKeysOrderColumnByColumnEvenWhenOneIsAPrefixOfAnother() {
        ColumnType text = ColumnType.of(Kind.VARCHAR);
        ColumnType num = ColumnType.of(Kind.INTEGER);
        Object[][] rows = {{"a", 5}, {"a\0", 1}, {"", 9}, {"ab", -1}, {"a", -7}, {"b", 0}};
        List<byte[]> keys = new ArrayList<>();
        for (Object[] row : rows) {
            ByteWriter w = new ByteWriter();
            KeyCodec.encode(w, row[0], text);
            KeyCodec.encode(w, row[1], num);
            keys.add(w.toByteArray());
        }
        keys.sort(Arrays::compareUnsigned);
        List<String> decoded = new ArrayList<>();
        for (byte[] k : keys) {
            ByteReader in = new ByteReader(k);
            decoded.add(KeyCodec.decode(in, text) + "|" + KeyCodec.decode(in, num));
            assertThat(in.hasRemaining()).isFalse();
        }
        assertThat(decoded).containsExactly("|9", "a|-7", "a|5", "a\0|1", "ab|-1", "b|0");
    }

    @Test
    void garbageDecodesOrFailsWithMalformedData() {
        Random r = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[r.nextInt(12)];
            r.nextBytes(junk);
            Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
            try {
                KeyCodec.decode(new ByteReader(junk), ColumnType.of(kind));
            } catch (MalformedDataException expected) {
                // the only acceptable failure
            }
        }
    }

    private static byte[] encode(Object v, ColumnType type) {
        ByteWriter w = new ByteWriter();
        KeyCodec.encode(w, v, type);
        return w.toByteArray();
    }

}
