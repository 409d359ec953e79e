package dev.lightningdb.engine.store.paged;

import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.store.WriteSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Applies one write set to the tree, copy-on-write: the pages on the paths it changes are decoded
 * into {@link Node}s, changed, rebalanced, and written to freshly allocated pages; the old pages are
 * freed. Nothing a reader can reach is modified, so the new version becomes visible all at once when
 * {@link PagedStore} publishes the returned {@link TreeState}.
 *
 * <p>Steps ({@link #apply}), after bbolt's node.go:
 * <ol>
 *   <li>put/delete each key in its leaf (large values go to a new {@link Overflow} chain at once);
 *   <li>{@link #rebalance} nodes that lost entries: a node below a quarter page (or a leaf with
 *       no key, a branch with fewer than two children) merges with a sibling; the root collapses
 *       while it is a branch with one child;
 *   <li>{@link #spill}: bottom-up, split nodes that exceed a page into pieces, write each piece to a
 *       new page, and insert separators into the parent, growing a new root when the root splits.
 * </ol>
 * Invariants it keeps: all leaves at the same depth (splits and merges only change the root's
 * depth); keys strictly ascending within a node; every key in child i of a branch is >= key_i and
 * < key_(i+1); a dirty node's ancestors are dirty.
 *
 * <p>Sequential fill: when the writes (in key order) start with a put after the tree's current last key ({@link #append}),
 * split pieces are filled completely left to right instead of evenly, so bulk-sorted input yields
 * full leaves and touches only the rightmost path.
 *
 * <p>Bounded memory: after every {@value #CHUNK_WRITES} writes, or when the decoded nodes reach a
 * quarter of the cache, the changes so far are rebalanced and spilled to pages that no reader can
 * see yet, and the walk restarts from the new (unpublished) root. Pages this commit wrote and then
 * replaced are reused within the commit; the rest go back to {@link FreeSpace} at the end.
 *
 * <p>If anything fails before the state is published, {@link #rollback} returns the allocated pages;
 * the frees are only handed to {@link FreeSpace} after publication.
 */
final class TreeWriter {
    private static final byte[] EMPTY = new byte[0];
    private static final int CHUNK_WRITES = 10_000;
    /** How full {@link #repackLeaves} fills pages: room for a few inserts before a split. */
    private static final double REPACK_FILL = 0.9;

    private final Pager pager;
    private final FreeSpace space;
    private final long lsn;
    private final int pageSize;
    private final int capacity;
    private final int threshold;
    private final LongList allocated = new LongList();
    private final LongList freed = new LongList();
    private final ArrayList<Node> unbalanced = new ArrayList<>();
    /** Pages allocated by this commit; when one is replaced it goes to {@link #reusable}, not {@link #freed}. */
    private final java.util.BitSet own = new java.util.BitSet();
    private final LongList reusable = new LongList();
    private final int chunkNodes;
    private int decoded;
    private Node root;
    private int height;
    private long entries;
    private long rootId;
    private boolean append;
    /**
     * The leaf the last write went to and the key range it covers, {@code [lastLower, lastUpper)}
     * (null: unbounded); valid until the tree is restructured, which happens only in
     * {@link #flushChunk}.
     */
    private Node lastLeaf;
    private byte[] lastLower;
    private byte[] lastUpper;

    TreeWriter(Pager pager, FreeSpace space, long lsn) {
        this.pager = pager;
        this.space = space;
        this.lsn = lsn;
        this.pageSize = pager.pageSize();
        this.capacity = pageSize - PageHeader.SIZE;
        this.threshold = capacity / 4;
        this.chunkNodes = Math.max(64, pager.cache().capacityPages() / 4);
    }

    TreeState apply(TreeState base, Iterable<Map.Entry<byte[], byte[]>> writes, long version) {
        height = base.height();
        entries = base.entries();
        rootId = base.root();
        root = load(base.root(), null, height);
        append = isAppend(base, writes);
        int maxKey = pageSize / 4;
        int sinceSpill = 0;
        for (Map.Entry<byte[], byte[]> e : writes) {
            if (++sinceSpill > CHUNK_WRITES || decoded >= chunkNodes) {
                flushChunk(true);
                sinceSpill = 1;
            }
            byte[] key = e.getKey();
            if (key.length > maxKey || key.length == 0) {
                throw new LightningDbException(ErrorCode.KEY_TOO_LARGE, "key of " + key.length
                        + " bytes does not fit this database's " + pageSize + "-byte pages (at most " + maxKey + ")");
            }
            Node leaf = findLeaf(key);
            if (WriteSet.isTombstone(e.getValue())) {
                delete(leaf, key);
            } else {
                put(leaf, key, e.getValue());
            }
        }
        flushChunk(false);
        for (int i = 0; i < reusable.size(); i++) {
            space.release(reusable.get(i));
        }
        reusable.clear();
        return new TreeState(rootId, height, entries, version);
    }

    /** Rebalances and writes out everything changed so far; optionally restarts from the new root. */
    private void flushChunk(boolean more) {
        lastLeaf = null; // the tree is restructured: the cached leaf and its bounds no longer hold
        for (int i = 0; i < unbalanced.size(); i++) {
            rebalance(unbalanced.get(i));
        }
        unbalanced.clear();
        if (root.dirty) {
            spill(root);
        } else {
            rootId = root.pageId;
        }
        if (more) {
            root = load(rootId, null, height);
            decoded = 0;
        }
    }

    /** Pages this commit stopped using; for {@link FreeSpace#free} once the new state is published. */
    LongList freed() {
        return freed;
    }

    /** Returns every page this commit allocated; the commit is abandoned. */
    void rollback() {
        for (int i = 0; i < allocated.size(); i++) {
            space.release(allocated.get(i));
        }
        allocated.clear();
    }

    private boolean isAppend(TreeState base, Iterable<Map.Entry<byte[], byte[]>> writes) {
        // Writes come in key order, so the first one decides; only the first is looked at (a
        // merge's writes are computed as they are walked). A delete among them changes nothing
        // but the fill of the pieces a split makes.
        java.util.Iterator<Map.Entry<byte[], byte[]>> it = writes.iterator();
        if (!it.hasNext()) {
            return false;
        }
        Map.Entry<byte[], byte[]> head = it.next();
        if (WriteSet.isTombstone(head.getValue())) {
            return false;
        }
        byte[] first = head.getKey();
        if (height == 1) {
            return root.count() == 0 || Arrays.compareUnsigned(root.keys.get(root.count() - 1), first) < 0;
        }
        long id = base.root();
        for (int level = height; level > 1; level--) {
            byte[] page = pager.readTreePage(id, PageHeader.TYPE_BRANCH);
            id = BranchPage.child(page, BranchPage.count(page) - 1);
        }
        byte[] leaf = pager.readTreePage(id, PageHeader.TYPE_LEAF);
        int n = LeafPage.count(leaf);
        return n == 0 || LeafPage.compare(leaf, n - 1, first) < 0;
    }

    private long allocate() {
        if (!reusable.isEmpty()) {
            return reusable.removeLast(); // already in allocated
        }
        long id = space.allocate();
        allocated.add(id);
        own.set(Math.toIntExact(id));
        return id;
    }

    /** A page this commit no longer uses: reusable at once if the commit made it, else freed at publication. */
    private void freePage(long id) {
        if (own.get((int) id)) {
            pager.cache().discard(id);
            reusable.add(id);
        } else {
            freed.add(id);
        }
    }

    private Node load(long pageId, Node parent, int level) {
        decoded++;
        byte[] page = pager.readTreePage(pageId, level > 1 ? PageHeader.TYPE_BRANCH : PageHeader.TYPE_LEAF);
        return Node.decode(page, pageId, parent, level);
    }

    /** Child i of a branch, decoded on first use. */
    private Node child(Node branch, int i) {
        Object v = branch.child(i);
        if (v instanceof Node n) {
            return n;
        }
        Node n = load((Long) v, branch, branch.level - 1);
        branch.setChild(i, n);
        return n;
    }

    private Node findLeaf(byte[] key) {
        if (lastLeaf != null && (lastLower == null || Arrays.compareUnsigned(key, lastLower) >= 0)
                && (lastUpper == null || Arrays.compareUnsigned(key, lastUpper) < 0)) {
            return lastLeaf; // writes come in key order: most land in the leaf the previous one did
        }
        Node n = root;
        byte[] lower = null;
        byte[] upper = null;
        while (!n.leaf) {
            int i = n.route(key);
            if (i >= 1) {
                lower = n.separator(i);
            }
            if (i + 1 < n.count()) {
                upper = n.separator(i + 1);
            }
            n = child(n, i);
        }
        lastLeaf = n;
        lastLower = lower;
        lastUpper = upper;
        return n;
    }

    private void put(Node leaf, byte[] key, byte[] value) {
        Object stored = value;
        if (!LeafPage.fitsInline(pageSize, key.length, value.length)) {
            stored = new OverflowRef(value.length, Overflow.write(pager, this::allocate, value, lsn));
        }
        int i = leaf.search(key);
        if (i >= 0) {
            freeValue(leaf.values.get(i));
            leaf.values.set(i, stored);
        } else {
            leaf.keys.add(-i - 1, key);
            leaf.values.add(-i - 1, stored);
            entries++;
        }
        leaf.markDirty();
    }

    private void delete(Node leaf, byte[] key) {
        int i = leaf.search(key);
        if (i < 0) {
            return;
        }
        freeValue(leaf.values.get(i));
        leaf.keys.remove(i);
        leaf.values.remove(i);
        entries--;
        leaf.markDirty();
        if (!leaf.unbalanced) {
            leaf.unbalanced = true;
            unbalanced.add(leaf);
        }
    }

    private void freeValue(Object value) {
        if (value instanceof OverflowRef ref && ref.firstPage() != 0) {
            LongList chain = new LongList();
            Overflow.collectPages(pager, ref, chain);
            for (int i = 0; i < chain.size(); i++) {
                freePage(chain.get(i));
            }
        }
    }

    private void freeNodePage(Node n) {
        if (n.pageId != 0) {
            freePage(n.pageId);
            n.pageId = 0;
        }
    }

    private boolean healthy(Node n) {
        return n.size() > threshold && n.count() >= (n.leaf ? 1 : 2);
    }

    private void rebalance(Node n) {
        if (n.removed || !n.unbalanced) {
            return;
        }
        n.unbalanced = false;
        if (healthy(n)) {
            return;
        }
        if (n.parent == null) {
            collapseRoot();
            return;
        }
        Node parent = n.parent;
        if (n.count() == 0) {
            parent.materialize();
            int idx = parent.indexOfChild(n);
            byte[] fence = parent.keys.remove(idx);
            parent.values.remove(idx);
            if (idx == 0 && parent.count() > 0) {
                parent.keys.set(0, fence); // keep the branch's own lower fence in key_0
            }
            n.removed = true;
            freeNodePage(n);
            parent.markDirty();
            parent.unbalanced = true;
            rebalance(parent);
            return;
        }
        if (parent.count() < 2) {
            // No sibling under this parent: fix the parent first (it merges upward or collapses).
            parent.unbalanced = true;
            rebalance(parent);
            if (n.parent == null) {
                n.unbalanced = true;
                rebalance(n);
                return;
            }
            parent = n.parent;
            if (parent.count() < 2) {
                return; // still a valid tree, only sparse
            }
        }
        parent.materialize();
        int idx = parent.indexOfChild(n);
        int rightIdx = idx == 0 ? 1 : idx;
        Node left = idx == 0 ? n : child(parent, idx - 1);
        Node right = idx == 0 ? child(parent, 1) : n;
        if (!left.leaf) {
            left.materialize();
            right.materialize();
            right.keys.set(0, parent.keys.get(rightIdx)); // the separator becomes an inner key
            for (Object v : right.values) {
                if (v instanceof Node c) {
                    c.parent = left;
                }
            }
        }
        left.keys.addAll(right.keys);
        left.values.addAll(right.values);
        parent.keys.remove(rightIdx);
        parent.values.remove(rightIdx);
        right.removed = true;
        right.unbalanced = false;
        freeNodePage(right);
        left.markDirty();
        parent.markDirty();
        parent.unbalanced = true;
        rebalance(parent);
    }

    private void collapseRoot() {
        while (!root.leaf && root.count() == 1) {
            Node only = child(root, 0);
            freeNodePage(root);
            root.removed = true;
            only.parent = null;
            root = only;
            height--;
        }
        if (!root.leaf && root.count() == 0) {
            freeNodePage(root);
            root.removed = true;
            root = new Node(1, 4);
            root.markDirty();
            height = 1;
        }
    }

    /**
     * Packs each run of adjacent dirty leaves under a level-2 branch into as few pages as hold it at
     * {@value #REPACK_FILL} of a page, when that takes fewer pages than the run has. The run is being
     * rewritten anyway (copy-on-write), so packing costs no extra page write; without it a tree
     * built by random inserts keeps its two-thirds-full leaves for ever, and every merge that
     * rewrites them writes, caches and later reads half as many pages again as the data needs.
     */
    private void repackLeaves(Node n) {
        int i = 0;
        while (i < n.count()) {
            if (!(n.child(i) instanceof Node first) || !first.dirty || !first.leaf) {
                i++;
                continue;
            }
            int firstSize = first.size();
            long total = firstSize;
            int pagesBefore = pagesFor(firstSize);
            int j = i + 1;
            while (j < n.count() && n.child(j) instanceof Node next && next.dirty && next.leaf) {
                int size = next.size(); // O(entries): once per leaf
                total += size;
                pagesBefore += pagesFor(size);
                j++;
            }
            int pagesAfter = (int) Math.max(1, (long) Math.ceil(total / (capacity * REPACK_FILL)));
            if (j - i >= 2 && pagesAfter < pagesBefore) {
                n.materialize();
                for (int k = i + 1; k < j; k++) {
                    Node next = (Node) n.values.remove(i + 1);
                    n.keys.remove(i + 1);
                    first.keys.addAll(next.keys);
                    first.values.addAll(next.values);
                    next.removed = true;
                    freeNodePage(next);
                }
                first.repackPieces = pagesAfter;
            }
            i++;
        }
    }

    private int pagesFor(int size) {
        return Math.max(1, (size + capacity - 1) / capacity);
    }

    /** Writes {@code n} (and first its dirty children) to new pages; updates its parent or the root. */
    private void spill(Node n) {
        if (!n.leaf && n.level == 2 && !append && !Boolean.getBoolean("noRepack")) {
            repackLeaves(n);
        }
        if (!n.leaf) {
            for (Node c : n.decodedChildren()) {
                if (c.dirty) {
                    spill(c);
                } else {
                    n.setChild(n.indexOfChild(c), c.pageId);
                }
            }
            if (n.isLazy()) {
                // Only child pointers changed: copy the page and patch them (no decoding, no split).
                freeNodePage(n);
                long id = allocate();
                pager.cache().install(id, n.patchedCopy(id, lsn), true);
                n.dirty = false;
                replaceInParent(n, new long[] {id}, null);
                return;
            }
        }
        assert checkNode(n);
        List<int[]> ranges = split(n);
        freeNodePage(n);
        int pieces = ranges.size();
        long[] ids = new long[pieces];
        byte[][] separators = new byte[pieces][];
        for (int j = 0; j < pieces; j++) {
            int from = ranges.get(j)[0];
            int to = ranges.get(j)[1];
            ids[j] = allocate();
            byte[] page = new byte[pageSize];
            if (n.leaf) {
                LeafPage.write(page, ids[j], lsn, n.keys, n.values, from, to);
                separators[j] = j == 0 ? null : shortestSeparator(n.keys.get(from - 1), n.keys.get(from));
            } else {
                BranchPage.write(page, ids[j], lsn, n.keys, n.values, from, to);
                separators[j] = n.keys.get(from);
            }
            pager.cache().install(ids[j], page, true);
        }
        n.dirty = false;
        replaceInParent(n, ids, separators);
    }

    /** Points n's parent (or the root) at the pages n was written to, adding separators for extra pieces. */
    private void replaceInParent(Node n, long[] ids, byte[][] separators) {
        int pieces = ids.length;
        Node parent = n.parent;
        if (parent == null) {
            if (pieces == 1) {
                rootId = ids[0];
                return;
            }
            Node newRoot = new Node(n.level + 1, pieces + 4);
            newRoot.keys.add(n.leaf || n.keys.isEmpty() ? EMPTY : n.keys.get(0));
            newRoot.values.add(ids[0]);
            for (int j = 1; j < pieces; j++) {
                newRoot.keys.add(separators[j]);
                newRoot.values.add(ids[j]);
            }
            newRoot.dirty = true;
            root = newRoot;
            height++;
            spill(newRoot);
            return;
        }
        int idx = parent.indexOfChild(n);
        if (pieces > 1) {
            parent.materialize();
        }
        parent.setChild(idx, ids[0]);
        for (int j = 1; j < pieces; j++) {
            parent.keys.add(idx + j, separators[j]);
            parent.values.add(idx + j, ids[j]);
        }
    }

    /** A node about to be written: keys strictly ascending (from key 1 in a branch), a branch has children. */
    private static boolean checkNode(Node n) {
        if (!n.leaf && n.count() == 0) {
            throw new AssertionError("branch without children at level " + n.level);
        }
        for (int i = n.leaf ? 1 : 2; i < n.count(); i++) {
            if (Arrays.compareUnsigned(n.keys.get(i - 1), n.keys.get(i)) >= 0) {
                throw new AssertionError("keys out of order at " + i + " in a " + (n.leaf ? "leaf" : "branch"));
            }
        }
        if (n.keys.size() != n.values.size()) {
            throw new AssertionError("keys and values differ in number");
        }
        return true;
    }

    /** Cuts a node into ranges of entries that each fit a page. */
    private List<int[]> split(Node n) {
        List<int[]> ranges = new ArrayList<>();
        int total = n.size();
        int count = n.count();
        int repackPieces = n.repackPieces;
        n.repackPieces = 0;
        if (total <= capacity) {
            ranges.add(new int[] {0, count});
            return ranges;
        }
        int pieces = Math.max((total + capacity - 1) / capacity, repackPieces);
        int target = append ? capacity : (total + pieces - 1) / pieces;
        int start = 0;
        int current = 0;
        for (int i = 0; i < count; i++) {
            int s = n.entrySize(i);
            if (current > 0 && (current + s > capacity || current >= target)) {
                ranges.add(new int[] {start, i});
                start = i;
                current = 0;
            }
            current += s;
        }
        ranges.add(new int[] {start, count});
        if (!append && ranges.size() >= 2 && current < threshold) {
            // Even out a small last piece with its neighbour (each half then fits: entries are at most a third of a page).
            int from = ranges.get(ranges.size() - 2)[0];
            int combined = 0;
            for (int i = from; i < count; i++) {
                combined += n.entrySize(i);
            }
            int acc = 0;
            int cut = count - 1;
            for (int i = from; i < count - 1; i++) {
                acc += n.entrySize(i);
                if (acc >= combined / 2) {
                    cut = i + 1;
                    break;
                }
            }
            ranges.set(ranges.size() - 2, new int[] {from, cut});
            ranges.set(ranges.size() - 1, new int[] {cut, count});
        }
        return ranges;
    }

    /** The shortest key s with a < s <= b (a < b): b cut just after the first byte where they differ. */
    static byte[] shortestSeparator(byte[] a, byte[] b) {
        int m = Arrays.mismatch(a, b);
        if (m < 0 || m >= b.length) {
            return b;
        }
        return Arrays.copyOf(b, m + 1);
    }
}
