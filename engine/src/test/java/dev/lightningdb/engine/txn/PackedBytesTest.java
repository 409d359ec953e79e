package dev.lightningdb.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Packed words keep the bytes and their unsigned order, at every length and with bytes that sign-extend. */
class PackedBytesTest {
    private static final byte[] EDGE_BYTES = {0, 1, 0x7F, (byte) 0x80, (byte) 0xFE, (byte) 0xFF};

    @Test
    void unpackGivesBackWhatWasPacked() {
        Random rnd = new Random(7);
        for (int length = 0; length <= 40; length++) {
            for (int trial = 0; trial < 50; trial++) {
                byte[] bytes = randomBytes(rnd, length);
                long[] words = new long[3 + PackedBytes.words(length) + 2];
                Arrays.fill(words, -1L); // neighbours that must stay untouched
                PackedBytes.pack(bytes, words, 3);
                assertThat(PackedBytes.unpack(words, 3, length)).isEqualTo(bytes);
                assertThat(words[2]).isEqualTo(-1L);
                assertThat(words[3 + PackedBytes.words(length)]).isEqualTo(-1L);
            }
        }
    }

    @Test
    void comparesAsUnsignedBytesDo() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 200_000; trial++) {
            byte[] a = randomBytes(rnd, rnd.nextInt(20));
            byte[] b = rnd.nextInt(3) == 0 ? prefixOrExtension(rnd, a) : randomBytes(rnd, rnd.nextInt(20));
            long[] words = new long[PackedBytes.words(a.length) + 1];
            PackedBytes.pack(a, words, 1);
            int expected = Integer.signum(Arrays.compareUnsigned(a, b));
            assertThat(Integer.signum(PackedBytes.compare(words, 1, a.length, b)))
                    .as("%s against %s", Arrays.toString(a), Arrays.toString(b))
                    .isEqualTo(expected);
        }
    }

    @Test
    void aKeyAndTheSameKeyFollowedByZeroBytesDiffer() {
        byte[] shorter = {5, 0, 0};
        for (byte[] longer : new byte[][] {{5, 0, 0, 0}, {5, 0, 0, 0, 0, 0, 0, 0, 0}}) {
            long[] words = new long[PackedBytes.words(shorter.length)];
            PackedBytes.pack(shorter, words, 0);
            assertThat(PackedBytes.compare(words, 0, shorter.length, longer)).isNegative();
            long[] longWords = new long[PackedBytes.words(longer.length)];
            PackedBytes.pack(longer, longWords, 0);
            assertThat(PackedBytes.compare(longWords, 0, longer.length, shorter)).isPositive();
        }
    }

    @Test
    void theEmptyStringSortsFirst() {
        long[] none = new long[0];
        assertThat(PackedBytes.compare(none, 0, 0, new byte[0])).isZero();
        assertThat(PackedBytes.compare(none, 0, 0, new byte[] {0})).isNegative();
        assertThat(PackedBytes.unpack(none, 0, 0)).isEmpty();
    }

    /** {@code a} cut short, or {@code a} with a few edge bytes after it. */
    private static byte[] prefixOrExtension(Random rnd, byte[] a) {
        if (a.length > 0 && rnd.nextBoolean()) {
            return Arrays.copyOf(a, rnd.nextInt(a.length));
        }
        byte[] b = Arrays.copyOf(a, a.length + rnd.nextInt(10));
        for (int i = a.length; i < b.length; i++) {
            b[i] = EDGE_BYTES[rnd.nextInt(EDGE_BYTES.length)];
        }
        return b;
    }

    /** Mostly edge bytes, so that equal prefixes, sign bits and zero padding all come up often. */
    private static byte[] randomBytes(Random rnd, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = rnd.nextInt(4) == 0 ? (byte) rnd.nextInt() : EDGE_BYTES[rnd.nextInt(EDGE_BYTES.length)];
        }
        return b;
    }
}
