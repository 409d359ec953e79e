package dev.lightningdb.engine.store.paged;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * A tree page decoded for change by {@link TreeWriter}; never seen by readers. A leaf holds keys
 * and values ({@code byte[]} inline or {@link OverflowRef}); a branch holds separator keys and
 * children, each a {@code Long} page id or a decoded {@code Node}.
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

    Node(int level, int capacity) {
        this.leaf = level == 1;
        this.level = level;
        this.keys = new ArrayList<>(capacity);
        this.values = new ArrayList<>(capacity);
    }

    static Node decode(byte[] page, long pageId, Node parent, int level) {
        boolean leaf = level == 1;
        int n = PageHeader.count(page);
        Node node = new Node(level, n + 4);
        node.pageId = pageId;
        node.parent = parent;
        for (int i = 0; i < n; i++) {
            if (leaf) {
                node.keys.add(LeafPage.key(page, i));
                node.values.add(LeafPage.isOverflow(page, i) ? LeafPage.overflowRef(page, i) : LeafPage.inlineValue(page, i));
            } else {
                node.keys.add(BranchPage.key(page, i));
                node.values.add(BranchPage.child(page, i));
            }
        }
        return node;
    }

    int count() {
        return keys.size();
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
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == child) {
                return i;
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
