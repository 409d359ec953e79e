package dev.lightningdb.engine.txn;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The newest value of every key across several frozen tables, in key order: what a merge applies
 * to the tree. Where tables hold the same key, the newer table (earlier in the list) wins.
 */
final class TableMerge {
    private TableMerge() {
    }

    /** {@code tables} newest first; each must be frozen (unchanging) while the result is walked. */
    static Iterable<Map.Entry<byte[], byte[]>> newestValues(List<MemTable> tables) {
        if (tables.size() == 1) {
            return tables.get(0).newestValues();
        }
        return () -> new Merged(tables);
    }

    /** One table's walk, ordered in the queue by key, then by age (newer first). */
    private static final class Head {
        final Iterator<Map.Entry<byte[], byte[]>> it;
        final int age;
        Map.Entry<byte[], byte[]> current;

        Head(Iterator<Map.Entry<byte[], byte[]>> it, int age) {
            this.it = it;
            this.age = age;
        }

        boolean advance() {
            current = it.hasNext() ? it.next() : null;
            return current != null;
        }
    }

    private static final class Merged implements Iterator<Map.Entry<byte[], byte[]>> {
        private final PriorityQueue<Head> queue = new PriorityQueue<>((a, b) -> {
            int c = Arrays.compareUnsigned(a.current.getKey(), b.current.getKey());
            return c != 0 ? c : Integer.compare(a.age, b.age);
        });

        Merged(List<MemTable> tables) {
            for (int i = 0; i < tables.size(); i++) {
                Head h = new Head(tables.get(i).newestValues().iterator(), i);
                if (h.advance()) {
                    queue.add(h);
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !queue.isEmpty();
        }

        @Override
        public Map.Entry<byte[], byte[]> next() {
            Head first = queue.poll();
            if (first == null) {
                throw new NoSuchElementException();
            }
            Map.Entry<byte[], byte[]> result = first.current;
            byte[] key = result.getKey();
            if (first.advance()) {
                queue.add(first);
            }
            // Older tables' versions of the same key are shadowed: skip them.
            while (!queue.isEmpty() && Arrays.equals(queue.peek().current.getKey(), key)) {
                Head older = queue.poll();
                if (older.advance()) {
                    queue.add(older);
                }
            }
            return result;
        }
    }
}
