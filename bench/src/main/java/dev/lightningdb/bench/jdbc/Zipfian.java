package dev.lightningdb.bench.jdbc;

import java.util.SplittableRandom;

/**
 * YCSB's default request distribution: "scrambled zipfian" (constant 0.99). A zipfian draw over
 * ten billion items, hashed (FNV-1a 64) onto {@code [0, items)}, so that the popular keys are
 * spread over the key space instead of clustered at its start. Same constants as YCSB's
 * {@code ScrambledZipfianGenerator}, so the skew matches what YCSB users see.
 */
final class Zipfian {
    private static final double THETA = 0.99;
    private static final long ITEM_COUNT = 10_000_000_000L;
    /** zeta(ITEM_COUNT, THETA), precomputed by YCSB (computing it takes minutes). */
    private static final double ZETAN = 26.46902820178302;
    private static final double ALPHA = 1.0 / (1.0 - THETA);
    private static final double ZETA2 = 1.0 + Math.pow(0.5, THETA);
    private static final double ETA = (1 - Math.pow(2.0 / ITEM_COUNT, 1 - THETA)) / (1 - ZETA2 / ZETAN);

    private final long items;

    Zipfian(long items) {
        if (items <= 0) {
            throw new IllegalArgumentException("items must be positive, got " + items);
        }
        this.items = items;
    }

    /** A key in {@code [0, items)}; a few keys are drawn far more often than the rest. */
    long next(SplittableRandom random) {
        return fnv64(zipf(random)) % items;
    }

    private static long zipf(SplittableRandom random) {
        double u = random.nextDouble();
        double uz = u * ZETAN;
        if (uz < 1.0) {
            return 0;
        }
        if (uz < ZETA2) {
            return 1;
        }
        return (long) (ITEM_COUNT * Math.pow(ETA * u - ETA + 1, ALPHA));
    }

    /** FNV-1a over the 8 bytes of {@code v}, made non-negative as YCSB does. */
    static long fnv64(long v) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < 8; i++) {
            hash ^= v & 0xff;
            hash *= 1099511628211L;
            v >>= 8;
        }
        return Math.abs(hash == Long.MIN_VALUE ? 0 : hash);
    }
}
