package dev.lightningdb.engine.store.paged;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * A tree page decoded for change by {@link TreeWriter}; never seen by readers. A leaf holds keys
 * and values ({@code byte[]} inline or {@link OverflowRef}); a branch holds separator keys and
 * children, each a {@code Long} page id or a decoded {@code Node}.
 *
 * <p>A branch starts <em>lazy</em>: it keeps its {@link #source} page and only an array of changed
 * children, because most commits change only child pointers in a branch. {@link #materialize()}
 * decodes it into the lists before any structural change (separators inserted or removed). While
 * lazy, {@link #keys} and {@link #values} are empty and unused.
 */
final class Node {
    final boolean leaf;
    /** 1 for a leaf, parent's level - 1 below a branch. */
    final int level;
    /** The page this node was decoded from, 0 for a node made by this commit; freed when rewritten. */
    long pageId;
    Node parent;
    /** Changed (or has a changed descendant): must be written to a new page. */
    boolean dirty;
    /** Lost entries: may need merging with a sibling. */
    boolean unbalanced;
    /** Merged away or dropped: no longer in the tree. */
    boolean removed;
    final ArrayList<byte[]> keys;
    final ArrayList<Object> values;
    /** A lazy branch's page image; null once materialized (and always for leaves). */
    byte[] source;
    /** Pages a repacked run of leaves is to be written to (0: as many as its size needs). */
    int repackPieces;
    /** A lazy branch's changed children by index (a Node or a Long page id); null entries are unchanged. */
    private Object[] changed;

    Node(int level, int capacity) {
        this.leaf = level == 1;
        this.level = level;
        this.keys = new ArrayList<>(capacity);
        this.values = new ArrayList<>(capacity);
    }

    static Node decode(byte[] page, long pageId, Node parent, int level) {
        boolean leaf = level == 1;
        int n = PageHeader.count(page);
        Node node = new Node(level, leaf ? n + 4 : 0);
        node.pageId = pageId;
        node.parent = parent;
        if (!leaf) {
            node.source = page;
            return node;
        }
        for (int i = 0; i < n; i++) {
            node.keys.add(LeafPage.key(page, i));
            node.values.add(LeafPage.isOverflow(page, i) ? LeafPage.overflowRef(page, i) : LeafPage.inlineValue(page, i));
        }
        return node;
    }

    boolean isLazy() {
        return source != null;
    }

    /** Decodes a lazy branch into {@link #keys} and {@link #values}. */
    void materialize() {
        if (source == null) {
            return;
        }
        int n = BranchPage.count(source);
        keys.ensureCapacity(n + 4);
        values.ensureCapacity(n + 4);
        for (int i = 0; i < n; i++) {
            keys.add(BranchPage.key(source, i));
            Object c = changed == null ? null : changed[i];
            values.add(c != null ? c : (Object) BranchPage.child(source, i));
        }
        source = null;
        changed = null;
    }

    int count() {
        return source != null ? BranchPage.count(source) : keys.size();
    }

    /** Separator key i of a branch (child i holds keys from it up to separator i + 1). */
    byte[] separator(int i) {
        return source != null ? BranchPage.key(source, i) : keys.get(i);
    }

    /** Child i of a branch: a {@code Node} or a {@code Long} page id. */
    Object child(int i) {
        if (source != null) {
            Object c = changed == null ? null : changed[i];
            return c != null ? c : (Object) BranchPage.child(source, i);
        }
        return values.get(i);
    }

    void setChild(int i, Object child) {
        if (source != null) {
            if (changed == null) {
                changed = new Object[BranchPage.count(source)];
            }
            changed[i] = child;
        } else {
            values.set(i, child);
        }
    }

    /** The decoded children, in order. */
    java.util.List<Node> decodedChildren() {
        java.util.List<Node> out = new ArrayList<>();
        if (source != null) {
            if (changed != null) {
                for (Object c : changed) {
                    if (c instanceof Node n) {
                        out.add(n);
                    }
                }
            }
        } else {
            for (Object c : values) {
                if (c instanceof Node n) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** A lazy branch's page with the changed child ids patched in (all changed children must be ids by now). */
    byte[] patchedCopy(long newPageId, long lsn) {
        byte[] page = source.clone();
        if (changed != null) {
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] != null) {
                    Bytes.putLong(page, BranchPage.entry(page, i), (Long) changed[i]);
                }
            }
        }
        Bytes.putLong(page, PageHeader.PAGE_ID, newPageId);
        Bytes.putLong(page, PageHeader.LSN, lsn);
        PageHeader.seal(page);
        return page;
    }

    /** Position of {@code key} in a leaf, or {@code -(insertion point) - 1}. */
    int search(byte[] key) {
        int lo = 0;
        int hi = keys.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(keys.get(mid), key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** In a branch, the child for {@code key}: the last i >= 1 with key_i <= key, else 0. */
    int route(byte[] key) {
        if (source != null) {
            return BranchPage.route(source, key);
        }
        int lo = 1;
        int hi = keys.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Arrays.compareUnsigned(keys.get(mid), key) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo - 1;
    }

    int indexOfChild(Node child) {
        if (source != null) {
            for (int i = 0; changed != null && i < changed.length; i++) {
                if (changed[i] == child) {
                    return i;
                }
            }
        } else {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == child) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("node is not a child of its parent");
    }

    int entrySize(int i) {
        return leaf ? LeafPage.entrySize(keys.get(i), values.get(i)) : BranchPage.entrySize(keys.get(i));
    }

    /** Bytes of the page body this node needs (slots and entries). */
    int size() {
        int s = 0;
        if (source != null) {
            for (int i = 0; i < BranchPage.count(source); i++) {
                s += 2 + BranchPage.ENTRY_HEADER + BranchPage.keyLength(source, i);
            }
            return s;
        }
        for (int i = 0; i < keys.size(); i++) {
            s += entrySize(i);
        }
        return s;
    }

    /** Marks this node and its ancestors as needing a rewrite. */
    void markDirty() {
        for (Node n = this; n != null && !n.dirty; n = n.parent) {
            n.dirty = true;
        }
    }
}
