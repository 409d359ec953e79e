package dev.lightningdb.engine.store.paged;

/** A leaf value stored in an overflow chain: its total length and the chain's first page. */
record OverflowRef(long length, long firstPage) {
}
