package dev.lightningdb.engine.store.paged;

import dev.lightningdb.engine.common.CorruptionException;

/** Point lookups on one {@link TreeState}: a descent through cached pages, no locks, no decoding. */
final class TreeReader {
    private TreeReader() {
    }

    static byte[] get(Pager pager, TreeState state, byte[] key) {
        long id = state.root();
        for (int level = state.height(); level > 1; level--) {
            byte[] branch = pager.readTreePage(id, PageHeader.TYPE_BRANCH);
            id = BranchPage.child(branch, BranchPage.route(branch, key));
        }
        byte[] leaf = pager.readTreePage(id, PageHeader.TYPE_LEAF);
        int i = LeafPage.search(leaf, key);
        if (i < 0) {
            return null;
        }
        return value(pager, leaf, i);
    }

    /** Entry i's value, following its overflow chain if it has one. */
    static byte[] value(Pager pager, byte[] leaf, int i) {
        if (!LeafPage.isOverflow(leaf, i)) {
            return LeafPage.inlineValue(leaf, i);
        }
        OverflowRef ref = LeafPage.overflowRef(leaf, i);
        if (ref.length() == 0) {
            if (ref.firstPage() != 0) {
                throw new CorruptionException(pager.fileName() + ": empty overflow value names page " + ref.firstPage());
            }
            return new byte[0];
        }
        return Overflow.read(pager, ref);
    }
}
