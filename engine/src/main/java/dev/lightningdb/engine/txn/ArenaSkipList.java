package dev.lightningdb.engine.txn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * A skip list of versions laid out in large {@code long[]} arrays ("chunks") instead of one small
 * object per entry: to the garbage collector a table of thousands of versions is a handful of
 * arrays, which it neither traces entry by entry nor copies (see {@link #chunkBytes} for their
 * size). Each node is one version: ordered by key ascending, then by timestamp descending, so the
 * versions of a key are adjacent and newest first.
 *
 * <p>Node layout, in words: {@code ts, keyLength << 32 | valueLength (-1 = delete), height,
 * next[height], key, value}, the key and the value as {@link PackedBytes}. A node address is
 * {@code chunk << 32 | word offset}; 0 is "none" (offset 0 of chunk 0 is never a node).
 *
 * <p>Invariants: one thread writes (the commit lock holder); readers take no lock. A node is fully
 * written, its own next pointers included, before a release store links it into level 0 and then
 * the upper levels, and readers load next pointers with acquire; a reader that reaches a node
 * therefore sees all of it. Every word is a {@code long[]} element, so each load and store of one
 * is atomic and the acquire and release modes are available on every supported Java (a byte-array
 * view refuses them since Java 22, and a word of one may straddle two cache lines when the array's
 * header is not a multiple of eight bytes). The chunk array is replaced (never modified) before a
 * node in a new chunk is linked. Timestamps of a key grow with every insert, so a new version
 * always goes in front of the key's existing versions.
 */
final class ArenaSkipList {
    static final int MAX_HEIGHT = 20;
    /** Bytes of a chunk: {@link #chunkBytes} of the running collector's region size. */
    static final int CHUNK = chunkBytes(G1Regions.regionBytes());
    /** Room left in a region for an array's header, whatever the object layout (12 to 24 bytes). */
    private static final int HEADER_ROOM = 64;
    private static final int CHUNK_WORDS = CHUNK / 8;
    private static final int TS = 0;
    private static final int LENGTHS = 1;
    private static final int HEIGHT = 2;
    private static final int NEXT = 3;
    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);

    /** Level {@code i}'s first node. */
    private final long[] head = new long[MAX_HEIGHT];
    private volatile long[][] chunks = new long[0][];
    /** The chunk being filled; writer only (replaced once per chunk). */
    private long[] current;
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
        int keyWords = PackedBytes.words(key.length);
        int size = NEXT + height + keyWords + (delete ? 0 : PackedBytes.words(value.length));
        long node = allocate(size);
        long[] c = chunk(node);
        int o = offset(node);
        c[o + TS] = ts;
        c[o + LENGTHS] = (long) key.length << 32 | (delete ? -1 : value.length) & 0xFFFF_FFFFL;
        c[o + HEIGHT] = height;
        int data = o + NEXT + height;
        PackedBytes.pack(key, c, data);
        if (!delete) {
            PackedBytes.pack(value, c, data + keyWords);
        }
        findPredecessors(key);
        for (int level = 0; level < height; level++) {
            c[o + NEXT + level] = next(writer.get(PREDS + level), level);
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

    /** Room for a node of {@code size} words; returns its address. */
    private long allocate(int size) {
        if (size > CHUNK_WORDS / 4) { // a large value gets a chunk of its own; the current one stays in use
            return address(addChunk(new long[size + 1]), 1);
        }
        int used = (int) writer.get(USED);
        if (current == null || used + size > current.length) {
            current = new long[CHUNK_WORDS];
            writer.set(CURRENT_INDEX, addChunk(current));
            used = 1; // address 0 means "none"; 1 keeps every chunk alike
        }
        long node = address((int) writer.get(CURRENT_INDEX), used);
        writer.set(USED, used + size);
        return node;
    }

    /** Appends a chunk, published before any node in it is linked; returns its index. */
    private int addChunk(long[] fresh) {
        long[][] old = chunks;
        long[][] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = fresh;
        chunks = grown;
        writer.setVolatile(ARENA_BYTES, writer.get(ARENA_BYTES) + 8L * fresh.length);
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

    /**
     * The newest version of the key after {@code node}'s, or 0. A few older versions are stepped
     * over; past them (a hot key updated thousands of times) the search goes down from the top
     * levels, so a walk costs the same whatever a key's number of versions.
     */
    long nextKey(long node) {
        long n = next(node, 0);
        for (int i = 0; i < 8; i++) {
            if (n == 0 || !sameKey(n, node)) {
                return n;
            }
            n = next(n, 0);
        }
        return n == 0 ? 0 : seekAfter(key(node));
    }

    long ts(long node) {
        return chunk(node)[offset(node) + TS];
    }

    boolean isDelete(long node) {
        return valueLength(chunk(node), offset(node)) < 0;
    }

    byte[] key(long node) {
        long[] c = chunk(node);
        int o = offset(node);
        return PackedBytes.unpack(c, keyStart(c, o), keyLength(c, o));
    }

    /** A fresh copy of the node's value; not for a delete. */
    byte[] value(long node) {
        long[] c = chunk(node);
        int o = offset(node);
        int from = keyStart(c, o) + PackedBytes.words(keyLength(c, o));
        return PackedBytes.unpack(c, from, valueLength(c, o));
    }

    /** Whether two nodes hold the same key. */
    boolean sameKey(long a, long b) {
        long[] ca = chunk(a);
        int oa = offset(a);
        long[] cb = chunk(b);
        int ob = offset(b);
        int length = keyLength(ca, oa);
        int fa = keyStart(ca, oa);
        int fb = keyStart(cb, ob);
        int words = PackedBytes.words(length);
        return length == keyLength(cb, ob) && Arrays.equals(ca, fa, fa + words, cb, fb, fb + words);
    }

    /** Unsigned comparison of the node's key with {@code key}. */
    int compareKey(long node, byte[] key) {
        long[] c = chunk(node);
        int o = offset(node);
        return PackedBytes.compare(c, keyStart(c, o), keyLength(c, o), key);
    }

    private static int keyLength(long[] c, int o) {
        return (int) (c[o + LENGTHS] >>> 32);
    }

    private static int valueLength(long[] c, int o) {
        return (int) c[o + LENGTHS];
    }

    private static int keyStart(long[] c, int o) {
        return o + NEXT + (int) c[o + HEIGHT];
    }

    private long next(long node, int level) {
        if (node == 0) {
            return (long) WORD.getAcquire(head, level);
        }
        return (long) WORD.getAcquire(chunk(node), offset(node) + NEXT + level);
    }

    private void setNext(long node, int level, long to) {
        if (node == 0) {
            WORD.setRelease(head, level, to);
        } else {
            WORD.setRelease(chunk(node), offset(node) + NEXT + level, to);
        }
    }

    private long[] chunk(long node) {
        return chunks[(int) (node >>> 32)];
    }

    private static int offset(long node) {
        return (int) node;
    }
}
