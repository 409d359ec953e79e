package dev.lightningdb.engine.txn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A skip list of versions laid out in large byte arrays ("chunks") instead of one small object per
 * entry: to the garbage collector a table of thousands of versions is a handful of arrays, which
 * it neither traces entry by entry nor copies (see {@link #chunkBytes} for their size). Each node
 * is one version: ordered by key ascending, then by timestamp descending, so the versions of a
 * key are adjacent and newest first.
 *
 * <p>Node layout (offsets 8-aligned): {@code ts:long, keyLength:int, valueLength:int (-1 = delete),
 * height:int, pad:int, next:long[height], key bytes, value bytes}. A node address is
 * {@code chunk << 32 | offset}; 0 is "none" (offset 0 of chunk 0 is never a node).
 *
 * <p>Invariants: one thread writes (the commit lock holder); readers take no lock. A node is fully
 * written, its own next pointers included, before a release store links it into level 0 and then
 * the upper levels, and readers load next pointers with acquire; a reader that reaches a node
 * therefore sees all of it. The chunk array is replaced (never modified) before a node in a new
 * chunk is linked. Timestamps of a key grow with every insert, so a new version always goes in
 * front of the key's existing versions.
 */
final class ArenaSkipList {
    static final int MAX_HEIGHT = 20;
    /** Bytes of a chunk: {@link #chunkBytes} of the running collector's region size. */
    static final int CHUNK = chunkBytes(G1Regions.regionBytes());
    /** Room left in a region for an array's header, whatever the object layout (12 to 24 bytes). */
    private static final int HEADER_ROOM = 64;
    private static final int TS = 0;
    private static final int KEY_LEN = 8;
    private static final int VALUE_LEN = 12;
    private static final int HEIGHT = 16;
    private static final int NEXT = 24;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle HEAD = MethodHandles.arrayElementVarHandle(long[].class);

    /** Level {@code i}'s first node. */
    private final long[] head = new long[MAX_HEIGHT];
    private volatile byte[][] chunks = new byte[0][];
    /** The chunk being filled; writer only (replaced once per chunk). */
    private byte[] current;
    /**
     * The writer's per-insert state, off the cache lines readers load ({@link PaddedLongs}): the
     * current chunk's index and fill, the height generator, bytes taken, and the search path.
     */
    private final PaddedLongs writer = new PaddedLongs(PREDS + MAX_HEIGHT);
    private static final int CURRENT_INDEX = 0;
    private static final int USED = 1;
    private static final int SEED = 2;
    private static final int ARENA_BYTES = 3;
    private static final int PREDS = 4;

    /**
     * The chunk size for G1 regions of {@code regionBytes} (0: another collector or unknown). G1
     * allocates an array of more than half a region outside the young generation (never copied),
     * in whole regions: so a chunk fills one region less room for its header. A chunk of exactly
     * 1 MiB took two 1 MiB regions (the header spilled into the second: the write buffer held
     * twice its size of heap), and with 4 MiB regions (the default heap on a machine of 24 GiB)
     * it was an ordinary object that every young collection copied until the table was merged.
     * Past 4 MiB regions a chunk that fills one would waste most of it at the end of each table:
     * a megabyte, as with other collectors.
     */
    static int chunkBytes(long regionBytes) {
        boolean fits = regionBytes == 1 << 20 || regionBytes == 2 << 20 || regionBytes == 4 << 20;
        return fits ? (int) regionBytes - HEADER_ROOM : 1 << 20;
    }

    ArenaSkipList() {
        writer.set(CURRENT_INDEX, -1);
        writer.set(SEED, 0x9E3779B97F4A7C15L);
    }

    /** Bytes of chunks taken so far. */
    long arenaBytes() {
        return writer.getVolatile(ARENA_BYTES);
    }

    // ---- writing (single writer) ----

    /** Inserts a version of {@code key} newer than every version of it already held; returns its node. */
    long insert(byte[] key, long ts, byte[] value, boolean delete) {
        int height = randomHeight();
        int valueLength = delete ? 0 : value.length;
        int size = align(NEXT + 8 * height + key.length + valueLength);
        long node = allocate(size);
        byte[] c = chunk(node);
        int o = offset(node);
        LONGS.set(c, o + TS, ts);
        INTS.set(c, o + KEY_LEN, key.length);
        INTS.set(c, o + VALUE_LEN, delete ? -1 : valueLength);
        INTS.set(c, o + HEIGHT, height);
        int data = o + NEXT + 8 * height;
        System.arraycopy(key, 0, c, data, key.length);
        if (!delete) {
            System.arraycopy(value, 0, c, data + key.length, valueLength);
        }
        findPredecessors(key);
        for (int level = 0; level < height; level++) {
            LONGS.set(c, o + NEXT + 8 * level, next(writer.get(PREDS + level), level));
        }
        for (int level = 0; level < height; level++) { // publish bottom up
            setNext(writer.get(PREDS + level), level, node);
        }
        return node;
    }

    /** For each level, the last node whose key is below {@code key} (0: the head). */
    private void findPredecessors(byte[] key) {
        long x = 0;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
            long n = next(x, level);
            while (n != 0 && compareKey(n, key) < 0) {
                x = n;
                n = next(x, level);
            }
            writer.set(PREDS + level, x);
        }
    }

    private long allocate(int size) {
        if (size > CHUNK / 4) { // a large value gets a chunk of its own; the current one stays in use
            return address(addChunk(new byte[size + 8]), 8);
        }
        int used = (int) writer.get(USED);
        if (current == null || used + size > current.length) {
            current = new byte[CHUNK];
            writer.set(CURRENT_INDEX, addChunk(current));
            used = 8; // address 0 means "none"; 8 keeps every chunk alike
        }
        long node = address((int) writer.get(CURRENT_INDEX), used);
        writer.set(USED, used + size);
        return node;
    }

    /** Appends a chunk, published before any node in it is linked; returns its index. */
    private int addChunk(byte[] fresh) {
        byte[][] old = chunks;
        byte[][] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = fresh;
        chunks = grown;
        writer.setVolatile(ARENA_BYTES, writer.get(ARENA_BYTES) + fresh.length);
        return old.length;
    }

    private static long address(int chunk, int offset) {
        return ((long) chunk << 32) | offset;
    }

    private int randomHeight() {
        long r = writer.get(SEED);
        r ^= r << 13;
        r ^= r >>> 7;
        r ^= r << 17;
        writer.set(SEED, r);
        int h = 1;
        while (h < MAX_HEIGHT && (r & 3) == 0) { // one in four nodes climbs a level
            h++;
            r >>>= 2;
        }
        return h;
    }

    private static int align(int n) {
        return (n + 7) & ~7;
    }

    // ---- reading (any thread) ----

    /** The first node whose key is {@code key} or above (that key's newest version), or 0. */
    long seek(byte[] key) {
        return next(lastBelow(key, false), 0);
    }

    /** The first node whose key is above {@code key}, or 0. */
    long seekAfter(byte[] key) {
        return next(lastBelow(key, true), 0);
    }

    /** The newest version of the last key below {@code key} (or of the last key when null), or 0. */
    long newestBefore(byte[] key) {
        long x = lastBelow(key, false);
        return x == 0 ? 0 : seek(key(x));
    }

    /**
     * The last node whose key is below {@code key} (or equal to it too, when {@code orEqual}; any
     * key when null), or 0 (the head) when there is none.
     */
    private long lastBelow(byte[] key, boolean orEqual) {
        long x = 0;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
            long n = next(x, level);
            while (n != 0 && (key == null || precedes(n, key, orEqual))) {
                x = n;
                n = next(x, level);
            }
        }
        return x;
    }

    private boolean precedes(long node, byte[] key, boolean orEqual) {
        int c = compareKey(node, key);
        return c < 0 || (orEqual && c == 0);
    }

    long first() {
        return next(0, 0);
    }

    /** The next node at level 0 (an older version of the same key, or the next key's newest). */
    long next(long node) {
        return next(node, 0);
    }

    /** The newest version of the key after {@code node}'s, or 0. */
    long nextKey(long node) {
        long n = next(node, 0);
        while (n != 0 && sameKey(n, node)) {
            n = next(n, 0);
        }
        return n;
    }

    long ts(long node) {
        return (long) LONGS.get(chunk(node), offset(node) + TS);
    }

    boolean isDelete(long node) {
        return (int) INTS.get(chunk(node), offset(node) + VALUE_LEN) < 0;
    }

    byte[] key(long node) {
        byte[] c = chunk(node);
        int o = offset(node);
        int from = keyStart(c, o);
        return Arrays.copyOfRange(c, from, from + (int) INTS.get(c, o + KEY_LEN));
    }

    /** A fresh copy of the node's value; not for a delete. */
    byte[] value(long node) {
        byte[] c = chunk(node);
        int o = offset(node);
        int from = keyStart(c, o) + (int) INTS.get(c, o + KEY_LEN);
        return Arrays.copyOfRange(c, from, from + (int) INTS.get(c, o + VALUE_LEN));
    }

    /** Whether two nodes hold the same key. */
    boolean sameKey(long a, long b) {
        byte[] ca = chunk(a);
        int oa = offset(a);
        byte[] cb = chunk(b);
        int ob = offset(b);
        int la = (int) INTS.get(ca, oa + KEY_LEN);
        int lb = (int) INTS.get(cb, ob + KEY_LEN);
        int fa = keyStart(ca, oa);
        int fb = keyStart(cb, ob);
        return la == lb && Arrays.equals(ca, fa, fa + la, cb, fb, fb + lb);
    }

    /** Unsigned comparison of the node's key with {@code key}. */
    int compareKey(long node, byte[] key) {
        byte[] c = chunk(node);
        int o = offset(node);
        int from = keyStart(c, o);
        return Arrays.compareUnsigned(c, from, from + (int) INTS.get(c, o + KEY_LEN), key, 0, key.length);
    }

    private static int keyStart(byte[] c, int o) {
        return o + NEXT + 8 * (int) INTS.get(c, o + HEIGHT);
    }

    private long next(long node, int level) {
        if (node == 0) {
            return (long) HEAD.getAcquire(head, level);
        }
        return (long) LONGS.getAcquire(chunk(node), offset(node) + NEXT + 8 * level);
    }

    private void setNext(long node, int level, long to) {
        if (node == 0) {
            HEAD.setRelease(head, level, to);
        } else {
            LONGS.setRelease(chunk(node), offset(node) + NEXT + 8 * level, to);
        }
    }

    private byte[] chunk(long node) {
        return chunks[(int) (node >>> 32)];
    }

    private static int offset(long node) {
        return (int) node;
    }
}
