package dev.lightningdb.engine.common;

import java.util.Arrays;
import java.util.Objects;

/**
 * A range of keys in unsigned lexicographic order. A null bound is unbounded on that side.
 * Immutable: the bounds are copied in and never handed out.
 */
public final class KeyRange {
    private static final KeyRange ALL = new KeyRange(null, true, null, false);

    private final byte[] lower;
    private final boolean lowerInclusive;
    private final byte[] upper;
    private final boolean upperInclusive;

    private KeyRange(byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive) {
        this.lower = lower == null ? null : lower.clone();
        this.lowerInclusive = lowerInclusive;
        this.upper = upper == null ? null : upper.clone();
        this.upperInclusive = upperInclusive;
    }

    /** Every key. */
    public static KeyRange all() {
        return ALL;
    }

    /** Keys {@code >= from} and {@code < to}; either bound may be null (unbounded). */
    public static KeyRange between(byte[] from, byte[] to) {
        return new KeyRange(from, true, to, false);
    }

    /** Keys with explicit bound inclusivity; either bound may be null (unbounded). */
    public static KeyRange of(byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive) {
        return new KeyRange(lower, lowerInclusive, upper, upperInclusive);
    }

    /** Keys {@code >= from}. */
    public static KeyRange atLeast(byte[] from) {
        return new KeyRange(Objects.requireNonNull(from, "from"), true, null, false);
    }

    /** Every key that starts with {@code prefix}. */
    public static KeyRange prefix(byte[] prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return new KeyRange(prefix, true, prefixEnd(prefix), false);
    }

    /** The smallest key greater than every key starting with {@code prefix}, or null if none. */
    public static byte[] prefixEnd(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null; // all 0xFF: no upper bound
    }

    /** Unsigned lexicographic comparison, the engine's key order. */
    public static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    public boolean contains(byte[] key) {
        return !isBelow(key) && !isAbove(key);
    }

    /** Whether {@code key} sorts before the range's lower bound. */
    public boolean isBelow(byte[] key) {
        if (lower == null) {
            return false;
        }
        int c = compare(key, lower);
        return lowerInclusive ? c < 0 : c <= 0;
    }

    /** Whether {@code key} sorts after the range's upper bound. */
    public boolean isAbove(byte[] key) {
        if (upper == null) {
            return false;
        }
        int c = compare(key, upper);
        return upperInclusive ? c > 0 : c >= 0;
    }

    /** The lower bound (a copy), or null when unbounded. */
    public byte[] lower() {
        return lower == null ? null : lower.clone();
    }

    public boolean lowerInclusive() {
        return lowerInclusive;
    }

    /** The upper bound (a copy), or null when unbounded. */
    public byte[] upper() {
        return upper == null ? null : upper.clone();
    }

    public boolean upperInclusive() {
        return upperInclusive;
    }

    @Override
    public String toString() {
        return (lowerInclusive ? "[" : "(") + hex(lower) + ", " + hex(upper) + (upperInclusive ? "]" : ")");
    }

    private static String hex(byte[] b) {
        if (b == null) {
            return "∞";
        }
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }
}
