package dev.lightningdb.bench;

import dev.lightningdb.bench.jdbc.JdbcFixture;
import dev.lightningdb.bench.jdbc.JdbcSystem;
import dev.lightningdb.bench.jdbc.JdbcSystems;
import dev.lightningdb.bench.jdbc.Schema;
import dev.lightningdb.bench.kv.KvData;
import dev.lightningdb.bench.kv.KvOptions;
import dev.lightningdb.bench.kv.KvSystem;
import dev.lightningdb.bench.kv.KvSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.SplittableRandom;

/**
 * Child JVM, one per system: builds the system's prepared database (the "fixture" every benchmark
 * trial copies) and measures what the load cost in this JVM alone. Key/value systems get every key
 * once in random order, 1,000 per batch, without fsync; JDBC systems get the schema and the rows
 * in id order, 1,000 per transaction. The last stdout line is a {@link Footprint} line, or
 * {@code FAILED <reason>} (exit status 2).
 *
 * <p>Usage: {@code FixtureMain kv|jdbc <system id> <directory> <entries>}
 */
public final class FixtureMain {
    private FixtureMain() {
    }

    public static void main(String[] args) {
        try (ProcessStats stats = new ProcessStats()) {
            Path dir = Path.of(args[2]);
            long n = Long.parseLong(args[3]);
            Files.createDirectories(dir);
            Footprint f = switch (args[0]) {
                case "kv" -> loadKv(KvSystems.byId(args[1]), dir, n, stats);
                case "jdbc" -> loadJdbc(JdbcSystems.byId(args[1]), dir, n, stats);
                default -> throw new IllegalArgumentException("family must be kv or jdbc, got " + args[0]);
            };
            System.out.println(f.toLine());
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.out.println("FAILED " + reason(t));
            System.exit(2);
        }
    }

    private static Footprint loadKv(KvSystem db, Path dir, long n, ProcessStats stats) throws Exception {
        long data = KvData.logicalBytes(n);
        db.open(dir, new KvOptions(false, Math.max(64L << 20, data * 2), data));
        // Native libraries are unpacked while opening: start counting written bytes after that.
        long written0 = ProcessStats.writeBytes();
        long t0 = System.nanoTime();
        int[] order = shuffled((int) n);
        int batch = 1000;
        for (int from = 0; from < n; from += batch) {
            int len = (int) Math.min(batch, n - from);
            byte[][] k = new byte[len][];
            byte[][] v = new byte[len][];
            for (int i = 0; i < len; i++) {
                k[i] = KvData.key(order[from + i]);
                v[i] = KvData.value(order[from + i]);
            }
            db.putBatch(k, v);
        }
        db.close();
        long t1 = System.nanoTime();
        return footprint(n, data, t1 - t0, written0, dir, stats);
    }

    private static Footprint loadJdbc(JdbcSystem sys, Path dir, long rows, ProcessStats stats) throws Exception {
        // Load the driver and create the empty database first, so that unpacking native code and
        // creating system catalogs do not count as writes of the load.
        try (Connection c = sys.connect(dir)) {
            c.getMetaData();
        }
        long written0 = ProcessStats.writeBytes();
        long t0 = System.nanoTime();
        JdbcFixture.load(sys, dir, rows);
        long t1 = System.nanoTime();
        return footprint(rows, rows * Schema.ROW_BYTES, t1 - t0, written0, dir, stats);
    }

    private static Footprint footprint(long n, long logical, long nanos, long written0, Path dir, ProcessStats stats) {
        long written1 = ProcessStats.writeBytes();
        long written = written0 < 0 || written1 < 0 ? -1 : written1 - written0;
        return new Footprint(n, logical, nanos, written, Dirs.bytes(dir), stats.peakHeap(), ProcessStats.peakRss());
    }

    private static int[] shuffled(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        SplittableRandom r = new SplittableRandom(99);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
        return a;
    }

    /** The innermost message of {@code t}, on one line. */
    static String reason(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return msg.replace('\n', ' ');
    }
}
