package dev.lightningdb.engine.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How long walking frozen tables in key order takes (what a merge reads before the tree sees
 * anything): 16 tables of 2 MiB of random 16-byte keys and 100-byte values, as the write buffer
 * holds them under random puts. Usage: {@code MergeWalkMain [tables] [rounds]}.
 */
public final class MergeWalkMain {
    private MergeWalkMain() {
    }

    public static void main(String[] args) {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        SplittableRandom r = new SplittableRandom(3);
        List<MemTable> list = new ArrayList<>();
        long ts = 1;
        long entries = 0;
        boolean sorted = Boolean.getBoolean("sorted"); // keys inserted in order: the walk reads memory in order
        for (int t = 0; t < tables; t++) {
            MemTable m = new MemTable(2 << 20);
            int k = 0;
            while (m.bytes() < (2 << 20)) {
                byte[] key = String.format("%016d", sorted ? k++ * 20 + t : r.nextInt(300_000)).getBytes();
                byte[] value = new byte[100];
                m.add(List.of(Map.entry(key, value)), ts++, 0);
                entries++;
            }
            list.add(0, m);
        }
        System.out.println(tables + " tables, " + entries + " versions");
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            long n = 0;
            long sum = 0;
            for (Map.Entry<byte[], byte[]> e : TableMerge.newestValues(list)) {
                n++;
                sum += e.getKey()[15] + e.getValue().length;
            }
            long ns = System.nanoTime() - t0;
            System.out.printf("walk %d entries: %.1f ms, %.0f ns/entry (%d)%n", n, ns / 1e6, (double) ns / n, sum);
        }
    }
}
