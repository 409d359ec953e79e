package dev.lightningdb.engine;

import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.WalSyncMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * The child JVM of {@link CrashKillTest}: opens a database under {@code SYNC} and commits
 * transactions from two threads until it is killed, printing {@code ack <id> end} for each commit
 * only after {@code commit()} returned (and {@code checkpoint begin}/{@code end} around explicit
 * checkpoints, so the parent can count kills that hit one). The key layout lets the parent check atomicity after the
 * kill:
 *
 * <pre>
 *   m/&lt;id&gt;             marker of transaction id; value: the number n of its k/ keys
 *   k/&lt;id&gt;/&lt;i&gt;         i in [0, n); value: {@link #value(long, int)}
 *   s/&lt;thread&gt;/&lt;slot&gt;   shared slots, overwritten (value: the id) or deleted by later transactions
 * </pre>
 *
 * Arguments: directory, first id, mode ({@code plain} or {@code checkpoint}: frequent explicit and
 * size-triggered checkpoints and small WAL segments), seed.
 */
public final class CrashKillChild {
    /** Ids of thread t start at {@code firstId + t * THREAD_STRIDE}. */
    static final long THREAD_STRIDE = 100_000;
    static final int THREADS = 2;
    static final int SLOTS = 40;

    private CrashKillChild() {
    }

    static LightningDbConfig config(boolean checkpointMode) {
        LightningDbConfig.Builder b = LightningDbConfig.builder().pageSize(4096).cacheSize(256 * 1024).walSyncMode(WalSyncMode.SYNC);
        if (checkpointMode) {
            b.checkpointWalSize(1 << 20).walSegmentSize(1 << 20);
        }
        return b.build();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long firstId = Long.parseLong(args[1]);
        boolean checkpointMode = args[2].equals("checkpoint");
        long seed = Long.parseLong(args[3]);
        LightningDb db = LightningDb.open(dir, config(checkpointMode));
        System.out.println("ready");
        System.out.flush();
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads[t] = new Thread(() -> {
                try {
                    run(db, thread, firstId + thread * THREAD_STRIDE, checkpointMode, new Random(seed + thread));
                } catch (Throwable e) {
                    // Anything but the kill ending this process is a failure the parent reports.
                    e.printStackTrace();
                    System.err.flush();
                    Runtime.getRuntime().halt(2);
                }
            });
            threads[t].start();
        }
        // Safety net: a child the parent forgot to kill does not run forever.
        Thread.sleep(Duration.ofMinutes(2).toMillis());
        Runtime.getRuntime().halt(3);
    }

    private static void run(LightningDb db, int thread, long firstId, boolean checkpointMode, Random rnd) {
        int sinceCheckpoint = 0;
        for (long id = firstId; id < firstId + THREAD_STRIDE; id++) {
            writeTransaction(db, thread, id, rnd);
            say("ack " + id + " end");
            if (checkpointMode && ++sinceCheckpoint >= 1 + rnd.nextInt(8)) {
                say("checkpoint begin");
                db.checkpoint();
                say("checkpoint end");
                sinceCheckpoint = 0;
            }
        }
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }

    /** Commits transaction {@code id}: its marker, its k/ keys and some shared-slot changes of {@code thread}. */
    static void writeTransaction(LightningDb db, int thread, long id, Random rnd) {
        int n = 1 + rnd.nextInt(12);
        try (Transaction t = db.begin()) {
            t.put(marker(id), Integer.toString(n).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < n; i++) {
                t.put(key(id, i), value(id, i));
            }
            int slots = rnd.nextInt(4);
            for (int s = 0; s < slots; s++) {
                byte[] slot = slot(thread, rnd.nextInt(SLOTS));
                if (rnd.nextInt(4) == 0) {
                    t.delete(slot);
                } else {
                    t.put(slot, Long.toString(id).getBytes(StandardCharsets.UTF_8));
                }
            }
            t.commit();
        }
    }

    static byte[] marker(long id) {
        return ("m/" + pad(id)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] key(long id, int i) {
        return ("k/" + pad(id) + "/" + i).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] slot(int thread, int slot) {
        return ("s/" + thread + "/" + slot).getBytes(StandardCharsets.UTF_8);
    }

    private static String pad(long id) {
        return String.format("%012d", id);
    }

    /** The value of key i of transaction id: mostly small, one in ten large enough for an overflow chain. */
    static byte[] value(long id, int i) {
        Random r = new Random(id * 1_000_003L + i);
        byte[] v = new byte[r.nextInt(10) == 0 ? 2000 + r.nextInt(6000) : r.nextInt(200)];
        r.nextBytes(v);
        return v;
    }
}
