package dev.lightningdb.engine.store.paged;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbException;
import java.util.Arrays;

/**
 * A forward or backward walk over one {@link TreeState}: a stack of (page, index) from root to leaf.
 * The pages are immutable and the version is registered with the {@link ReaderRegistry} until the
 * cursor is closed or runs out, so the walk sees one consistent snapshot of the tree.
 * Not thread-safe; one user at a time.
 */
final class TreeCursor implements Cursor {
    private final Pager pager;
    private final TreeState state;
    private final byte[] lower;
    private final boolean lowerInclusive;
    private final byte[] upper;
    private final boolean upperInclusive;
    private final boolean reverse;
    private final byte[][] pages;
    private final int[] index;
    private final Runnable release;
    private boolean started;
    private boolean done;
    private boolean released;

    TreeCursor(Pager pager, TreeState state, KeyRange range, boolean reverse, Runnable release) {
        this.pager = pager;
        this.state = state;
        this.lower = range.lower();
        this.lowerInclusive = range.lowerInclusive();
        this.upper = range.upper();
        this.upperInclusive = range.upperInclusive();
        this.reverse = reverse;
        this.pages = new byte[state.height()][];
        this.index = new int[state.height()];
        this.release = release;
        if (lower != null && upper != null) {
            int c = Arrays.compareUnsigned(lower, upper);
            if (c > 0 || (c == 0 && !(lowerInclusive && upperInclusive))) {
                finish();
            }
        }
    }

    @Override
    public boolean next() {
        if (done) {
            return false;
        }
        try {
            boolean positioned;
            if (!started) {
                started = true;
                positioned = reverse ? seekLast() : seekFirst();
            } else {
                positioned = reverse ? stepBack() : stepForward();
            }
            if (!positioned || outOfRange()) {
                finish();
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            finish();
            throw e;
        }
    }

    private int leafLevel() {
        return state.height() - 1;
    }

    private boolean outOfRange() {
        byte[] leaf = pages[leafLevel()];
        int i = index[leafLevel()];
        if (!reverse && upper != null) {
            int c = LeafPage.compare(leaf, i, upper);
            return upperInclusive ? c > 0 : c >= 0;
        }
        if (reverse && lower != null) {
            int c = LeafPage.compare(leaf, i, lower);
            return lowerInclusive ? c < 0 : c <= 0;
        }
        return false;
    }

    /** Descends from {@code level} (whose page is loaded) along edge children to a leaf. */
    private void descendEdge(int level, boolean first) {
        for (int l = level; l < leafLevel(); l++) {
            long child = BranchPage.child(pages[l], index[l]);
            load(l + 1, child);
            index[l + 1] = first ? 0 : PageHeader.count(pages[l + 1]) - 1;
        }
    }

    private void load(int level, long pageId) {
        pages[level] = pager.readTreePage(pageId, level == leafLevel() ? PageHeader.TYPE_LEAF : PageHeader.TYPE_BRANCH);
    }

    /** Descends towards {@code key}, leaving index[] at the routed child in every branch. */
    private void descendTo(byte[] key) {
        load(0, state.root());
        for (int l = 0; l < leafLevel(); l++) {
            index[l] = BranchPage.route(pages[l], key);
            load(l + 1, BranchPage.child(pages[l], index[l]));
        }
    }

    private boolean seekFirst() {
        if (lower == null) {
            load(0, state.root());
            index[0] = 0;
            descendEdge(0, true);
        } else {
            descendTo(lower);
            byte[] leaf = pages[leafLevel()];
            int i = LeafPage.search(leaf, lower);
            index[leafLevel()] = i >= 0 ? (lowerInclusive ? i : i + 1) : -i - 1;
        }
        return settleForward();
    }

    private boolean seekLast() {
        if (upper == null) {
            load(0, state.root());
            index[0] = PageHeader.count(pages[0]) - 1;
            descendEdge(0, false);
        } else {
            descendTo(upper);
            byte[] leaf = pages[leafLevel()];
            int i = LeafPage.search(leaf, upper);
            index[leafLevel()] = i >= 0 ? (upperInclusive ? i : i - 1) : -i - 2;
        }
        return settleBackward();
    }

    private boolean stepForward() {
        index[leafLevel()]++;
        return settleForward();
    }

    private boolean stepBack() {
        index[leafLevel()]--;
        return settleBackward();
    }

    /** Moves past the end of exhausted leaves to the next entry; false at the end of the tree. */
    private boolean settleForward() {
        int leaf = leafLevel();
        while (index[leaf] >= PageHeader.count(pages[leaf])) {
            int l = leaf - 1;
            while (l >= 0 && index[l] + 1 >= PageHeader.count(pages[l])) {
                l--;
            }
            if (l < 0) {
                return false;
            }
            index[l]++;
            descendEdge(l, true);
        }
        return true;
    }

    private boolean settleBackward() {
        int leaf = leafLevel();
        while (index[leaf] < 0) {
            int l = leaf - 1;
            while (l >= 0 && index[l] == 0) {
                l--;
            }
            if (l < 0) {
                return false;
            }
            index[l]--;
            descendEdge(l, false);
        }
        return true;
    }

    @Override
    public byte[] key() {
        ensurePositioned();
        return LeafPage.key(pages[leafLevel()], index[leafLevel()]);
    }

    @Override
    public byte[] value() {
        ensurePositioned();
        return TreeReader.value(pager, pages[leafLevel()], index[leafLevel()]);
    }

    private void ensurePositioned() {
        if (!started || done) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "cursor is not on an entry: call next() first and check it returned true");
        }
    }

    private void finish() {
        done = true;
        Arrays.fill(pages, null);
        if (!released) {
            released = true;
            release.run();
        }
    }

    @Override
    public void close() {
        finish();
    }
}
