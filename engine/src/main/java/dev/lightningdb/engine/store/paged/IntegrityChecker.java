package dev.lightningdb.engine.store.paged;

import dev.lightningdb.engine.common.IntegrityReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The whole-file structural check behind {@code verifyIntegrity()}, after bbolt's tx_check.go. It
 * reports every problem it finds and never throws for damage. Checked:
 * <ol>
 *   <li>both meta slots: checksum, magic, version, sane fields;
 *   <li>every reachable page: read from disk (or, if dirty, from the cache) with its checksum,
 *       header page id, type and LSN checked;
 *   <li>branches: children in range, keys strictly ascending; leaves: keys strictly ascending,
 *       within a page and from one leaf to the next; every key inside the separator bounds its
 *       parents give it (fence keys);
 *   <li>depth balance: all leaves exactly {@code height} levels down (a leaf found above or a branch
 *       at the bottom is reported);
 *   <li>overflow chains: page types, per-page lengths, chain length matching the value length;
 *   <li>no page reachable twice; no page both free and used; no page free twice;
 *   <li>every page of the file accounted for: used, free, or part of the free list.
 * </ol>
 * The caller holds the store's write lock, so the tree and the free space do not change meanwhile.
 */
final class IntegrityChecker {
    private final Pager pager;
    private final TreeState state;
    private final FreeSpace space;
    private final String freeListProblem;
    private final List<String> problems = new ArrayList<>();
    private final BitSet used = new BitSet();
    private long pages;
    private long entries;
    /** The last key of the previous leaf in key order: keys must ascend across pages too. */
    private byte[] lastKey;
    private long lastLeaf;

    IntegrityChecker(Pager pager, TreeState state, FreeSpace space, String freeListProblem) {
        this.pager = pager;
        this.state = state;
        this.space = space;
        this.freeListProblem = freeListProblem;
    }

    IntegrityReport run() {
        checkMeta();
        try {
            walk(state.root(), state.height(), null, null, "root");
        } catch (RuntimeException e) {
            problem("tree walk stopped: " + e);
        }
        if (entries != state.entries()) {
            problem("the tree holds " + entries + " entries, the store counts " + state.entries());
        }
        if (space == null) {
            problem(freeListProblem);
        } else {
            checkFreeSpace();
        }
        if (problems.size() > 1000) {
            int more = problems.size() - 1000;
            problems.subList(1000, problems.size()).clear();
            problems.add("... and " + more + " more problems");
        }
        return new IntegrityReport(pages, entries, problems);
    }

    private void problem(String p) {
        problems.add(p);
    }

    private void checkMeta() {
        for (int slot = 0; slot < 2; slot++) {
            byte[] bytes = new byte[MetaPage.SLOT_SIZE];
            try {
                int n = pager.io().read((long) slot * MetaPage.SLOT_SIZE, bytes, 0, bytes.length);
                if (n < bytes.length) {
                    problem("meta page slot " + slot + " is truncated");
                    continue;
                }
                MetaPage.decode(bytes);
            } catch (IllegalArgumentException e) {
                problem(pager.fileName() + ": meta page slot " + slot + ": " + e.getMessage());
            } catch (Exception e) {
                problem("meta page slot " + slot + " unreadable: " + e);
            }
        }
    }

    /** Reads and checks one page for the walk; null (after reporting) when it cannot be used. */
    private byte[] read(long id, byte type, String where) {
        if (id < pager.firstDataPage() || id >= pager.pageCount()) {
            problem(where + ": page " + id + " is outside the data pages [" + pager.firstDataPage() + ", " + pager.pageCount() + ")");
            return null;
        }
        if (used.get((int) id)) {
            problem(where + ": page " + id + " is reachable twice");
            return null;
        }
        used.set((int) id);
        pages++;
        byte[] page;
        try {
            PageCache.Frame f = pager.cache().peek(id);
            if (f != null && f.dirty) {
                page = f.data;
            } else {
                page = pager.readRaw(id);
            }
            int expected = PageHeader.storedChecksum(page);
            int found = PageHeader.computeChecksum(page);
            if (expected != found) {
                problem(pager.fileName() + ": page " + id + " (" + where + ") checksum mismatch: expected 0x"
                        + Integer.toHexString(expected) + ", found 0x" + Integer.toHexString(found));
                return null;
            }
            pager.checkHeader(page, id, type);
            return page;
        } catch (RuntimeException e) {
            problem(where + ": " + e.getMessage());
            return null;
        }
    }

    private void walk(long id, int level, byte[] lo, byte[] hi, String where) {
        byte[] page = read(id, level > 1 ? PageHeader.TYPE_BRANCH : PageHeader.TYPE_LEAF, where + " at depth " + (state.height() - level));
        if (page == null) {
            return;
        }
        if (level == 1) {
            checkLeaf(id, page, lo, hi);
            return;
        }
        int n = BranchPage.count(page);
        byte[][] keys = new byte[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = BranchPage.key(page, i);
            if (i >= 1) {
                if (i >= 2 && Arrays.compareUnsigned(keys[i - 1], keys[i]) >= 0) {
                    problem("branch page " + id + ": separator " + i + " is not above separator " + (i - 1));
                }
                if (!within(keys[i], lo, hi)) {
                    problem("branch page " + id + ": separator " + i + " " + Bytes.hex(keys[i]) + " outside its bounds "
                            + bounds(lo, hi));
                }
            }
        }
        if (lo != null && n > 0 && !within(keys[0], lo, hi)) {
            problem("branch page " + id + ": lower fence " + Bytes.hex(keys[0]) + " outside its bounds " + bounds(lo, hi));
        }
        for (int i = 0; i < n; i++) {
            byte[] childLo = i == 0 ? lo : keys[i];
            byte[] childHi = i + 1 < n ? keys[i + 1] : hi;
            walk(BranchPage.child(page, i), level - 1, childLo, childHi, "child " + i + " of branch " + id);
        }
    }

    private void checkLeaf(long id, byte[] page, byte[] lo, byte[] hi) {
        int n = LeafPage.count(page);
        if (n == 0 && state.height() > 1) {
            problem("leaf page " + id + " is empty but not the root");
        }
        byte[] previous = null;
        for (int i = 0; i < n; i++) {
            entries++;
            byte[] key = LeafPage.key(page, i);
            if (i == 0 && lastKey != null && Arrays.compareUnsigned(lastKey, key) >= 0) {
                problem("leaf page " + id + ": first key " + Bytes.hex(key) + " is not above the last key of the previous leaf "
                        + lastLeaf);
            }
            if (key.length == 0) {
                problem("leaf page " + id + ": entry " + i + " has an empty key");
            }
            if (previous != null && Arrays.compareUnsigned(previous, key) >= 0) {
                problem("leaf page " + id + ": key " + i + " is not above key " + (i - 1));
            }
            if (!within(key, lo, hi)) {
                problem("leaf page " + id + ": key " + i + " " + Bytes.hex(key) + " outside its bounds " + bounds(lo, hi));
            }
            previous = key;
            lastKey = key;
            lastLeaf = id;
            if (LeafPage.isOverflow(page, i)) {
                checkChain(LeafPage.overflowRef(page, i), "value of key " + i + " in leaf " + id);
            } else if (!LeafPage.fitsInline(pager.pageSize(), key.length, LeafPage.inlineValue(page, i).length)) {
                problem("leaf page " + id + ": entry " + i + " is inline but too large to be");
            }
        }
    }

    private void checkChain(OverflowRef ref, String where) {
        int cap = Overflow.capacity(pager.pageSize());
        long expectedPages = (ref.length() + cap - 1) / cap;
        long id = ref.firstPage();
        long remaining = ref.length();
        for (long i = 0; i < expectedPages; i++) {
            if (id == 0) {
                problem(where + ": overflow chain ends after " + i + " of " + expectedPages + " pages");
                return;
            }
            byte[] page = read(id, PageHeader.TYPE_OVERFLOW, where + ", overflow page " + i);
            if (page == null) {
                return;
            }
            int n = Bytes.getInt(page, Overflow.LENGTH);
            if (n != Math.min(cap, remaining)) {
                problem(where + ": overflow page " + id + " holds " + n + " bytes, expected " + Math.min(cap, remaining));
                return;
            }
            remaining -= n;
            id = Bytes.getLong(page, Overflow.NEXT);
        }
        if (id != 0) {
            problem(where + ": overflow chain continues past the value's " + ref.length() + " bytes (next page " + id + ")");
        }
    }

    private void checkFreeSpace() {
        LongList listPages = space.freeListPages();
        for (int i = 0; i < listPages.size(); i++) {
            read(listPages.get(i), PageHeader.TYPE_FREELIST, "free-list page " + i);
        }
        BitSet free = new BitSet();
        LongList all = space.allFree();
        for (int i = 0; i < all.size(); i++) {
            long id = all.get(i);
            if (id < pager.firstDataPage() || id >= pager.pageCount()) {
                problem("free page " + id + " is outside the data pages");
                continue;
            }
            if (free.get((int) id)) {
                problem("page " + id + " is free twice");
            }
            if (used.get((int) id)) {
                problem("page " + id + " is both free and in use");
            }
            free.set((int) id);
        }
        long missing = 0;
        StringBuilder sample = new StringBuilder();
        for (long id = pager.firstDataPage(); id < pager.pageCount(); id++) {
            if (!used.get((int) id) && !free.get((int) id)) {
                if (missing++ < 10) {
                    sample.append(sample.length() == 0 ? "" : ", ").append(id);
                }
            }
        }
        if (missing > 0) {
            problem(missing + " page(s) neither used nor free (leaked), e.g. " + sample);
        }
    }

    private static boolean within(byte[] key, byte[] lo, byte[] hi) {
        return (lo == null || Arrays.compareUnsigned(key, lo) >= 0) && (hi == null || Arrays.compareUnsigned(key, hi) < 0);
    }

    private static String bounds(byte[] lo, byte[] hi) {
        return "[" + (lo == null ? "-inf" : Bytes.hex(lo)) + ", " + (hi == null ? "+inf" : Bytes.hex(hi)) + ")";
    }
}
