package dev.lightningdb.engine.store.paged;

/**
 * One published version of the tree: what a reader walks. Immutable; {@link PagedStore} swaps the
 * whole object atomically after a commit, so readers see a commit entirely or not at all.
 *
 * @param root root page id
 * @param height levels (1: the root is a leaf)
 * @param entries keys in the tree
 * @param version +1 per commit; pages freed by the commit that made version V are unreachable from V on
 */
record TreeState(long root, int height, long entries, long version) {
}
