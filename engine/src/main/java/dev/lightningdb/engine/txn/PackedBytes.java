package dev.lightningdb.engine.txn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte strings packed into {@code long} words, big-endian: word {@code i} holds bytes
 * {@code 8i..8i+7}, the first in its most significant byte, and the last word is padded with zero
 * bytes. So comparing the words as unsigned numbers compares the bytes in unsigned order, and two
 * strings of one length are equal exactly when their words are.
 *
 * <p>The write buffer keeps keys and values in {@code long[]} chunks ({@link ArenaSkipList}) because
 * acquire and release access is guaranteed on {@code long[]} elements on every Java the product
 * supports, and on no byte array view since Java 22. The byte-array view handle below is used only
 * with plain access, on arrays no other thread writes.
 */
final class PackedBytes {
    private static final VarHandle BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private PackedBytes() {
    }

    /** Words needed for {@code length} bytes. */
    static int words(int length) {
        return (length + 7) >>> 3;
    }

    /** Writes {@code src} into {@code words(src.length)} words from {@code at}. */
    static void pack(byte[] src, long[] dst, int at) {
        int i = 0;
        for (; i + 8 <= src.length; i += 8) {
            dst[at + (i >>> 3)] = (long) BIG_ENDIAN.get(src, i);
        }
        if (i < src.length) {
            dst[at + (i >>> 3)] = tail(src, i);
        }
    }

    /** The {@code length} bytes packed from word {@code at}, as a new array. */
    static byte[] unpack(long[] src, int at, int length) {
        byte[] out = new byte[length];
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            BIG_ENDIAN.set(out, i, src[at + (i >>> 3)]);
        }
        if (i < length) {
            long w = src[at + (i >>> 3)];
            for (; i < length; i++, w <<= 8) {
                out[i] = (byte) (w >>> 56);
            }
        }
        return out;
    }

    /** Unsigned byte order of the {@code length} bytes packed from word {@code at} against {@code key}. */
    static int compare(long[] words, int at, int length, byte[] key) {
        int common = Math.min(length, key.length);
        int i = 0;
        for (; i + 8 <= common; i += 8) {
            long a = words[at + (i >>> 3)];
            long b = (long) BIG_ENDIAN.get(key, i);
            if (a != b) {
                return Long.compareUnsigned(a, b);
            }
        }
        if (i < common) { // both have 1-7 more bytes in common: compare those only
            long mask = -1L << (64 - 8 * (common - i));
            long a = words[at + (i >>> 3)] & mask;
            long b = (key.length - i >= 8 ? (long) BIG_ENDIAN.get(key, i) : tail(key, i)) & mask;
            if (a != b) {
                return Long.compareUnsigned(a, b);
            }
        }
        return Integer.compare(length, key.length);
    }

    /** The 1-7 bytes of {@code src} from {@code from} to its end, packed into one word. */
    private static long tail(byte[] src, int from) {
        long w = 0;
        int shift = 56;
        for (int i = from; i < src.length; i++, shift -= 8) {
            w |= (src[i] & 0xFFL) << shift;
        }
        return w;
    }
}
