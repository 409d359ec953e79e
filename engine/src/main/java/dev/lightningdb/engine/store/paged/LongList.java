package dev.lightningdb.engine.store.paged;

import java.util.Arrays;

/** A growable list of longs without boxing; page ids mostly. Not thread-safe. */
final class LongList {
    private long[] a;
    private int size;

    LongList() {
        this(8);
    }

    LongList(int capacity) {
        a = new long[Math.max(1, capacity)];
    }

    void add(long v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[size++] = v;
    }

    void addAll(LongList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.a[i]);
        }
    }

    long get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " >= " + size);
        }
        return a[i];
    }

    long removeLast() {
        return a[--size];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    long[] toArray() {
        return Arrays.copyOf(a, size);
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
