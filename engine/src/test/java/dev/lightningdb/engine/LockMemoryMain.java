package dev.lightningdb.engine;

import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import java.nio.ByteBuffer;

/**
 * Prints the heap a transaction's key locks take: one transaction locks N keys (without writing
 * them), and the used heap after a full GC is compared with and without the locks held.
 * Run: {@code java -cp engine/target/classes:engine/target/test-classes dev.lightningdb.engine.LockMemoryMain 1000000}
 */
public final class LockMemoryMain {
    private LockMemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (LightningDb db = LightningDb.inMemory()) {
            long before = usedAfterGc();
            Transaction t = db.begin();
            for (int i = 0; i < n; i++) {
                t.lock(ByteBuffer.allocate(16).putLong(0x5a5aL).putLong(i).array(), LockMode.EXCLUSIVE, LockWait.NOWAIT);
            }
            long held = usedAfterGc();
            System.out.printf("%,d locks held: %,d bytes of heap, %.1f bytes per lock (lock.held=%d)%n", n, held - before,
                    (held - before) / (double) n, db.stats().get("lock.held"));
            t.rollback();
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
