package dev.lightningdb.bench.kv;

import java.util.SplittableRandom;

/**
 * The data every key/value engine gets: 16-byte keys whose order is the order of their index
 * (big-endian index, then 8 bytes derived from it), and 100-byte incompressible values taken from
 * a fixed pool so that generating them costs nothing measurable.
 */
public final class KvData {
    public static final int KEY_SIZE = 16;
    public static final int VALUE_SIZE = 100;
    private static final int POOL = 1024;
    private static final byte[][] VALUES = new byte[POOL][];

    static {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < POOL; i++) {
            VALUES[i] = new byte[VALUE_SIZE];
            for (int j = 0; j < VALUE_SIZE; j++) {
                VALUES[i][j] = (byte) r.nextInt(256);
            }
        }
    }

    private KvData() {
    }

    /** The key with index {@code i}; keys sort (unsigned, and signed too for i < 2^55) by index. */
    public static byte[] key(long i) {
        byte[] k = new byte[KEY_SIZE];
        putLong(k, 0, i);
        putLong(k, 8, (i * 0x9E3779B97F4A7C15L) & 0x7F7F7F7F7F7F7F7FL);
        return k;
    }

    /** The value stored under key {@code i}: a shared array that nobody may modify. */
    public static byte[] value(long i) {
        return VALUES[(int) (i & (POOL - 1))];
    }

    /** Logical bytes of {@code n} entries: what the user asked the engine to store. */
    public static long logicalBytes(long n) {
        return n * (KEY_SIZE + VALUE_SIZE);
    }

    private static void putLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
