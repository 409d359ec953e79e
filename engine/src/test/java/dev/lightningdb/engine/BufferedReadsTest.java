package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.WalSyncMode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point reads while a writer overwrites a small key space non-stop into a small write buffer: many
 * frozen tables, merges every few milliseconds, table-filter slots handed out again and again. Each
 * read must return its own key's value, at least as new as the last put of that key that returned
 * before the read began, and never older than what the same reader saw before.
 */
class BufferedReadsTest {

    @TempDir
    Path dir;

    private static byte[] key(int i) {
        return String.format("k%05d", i).getBytes();
    }

    private static byte[] value(int key, long counter) {
        byte[] v = new byte[100];
        ByteBuffer.wrap(v).putInt(key).putLong(counter);
        return v;
    }

    @Test
    void readsSeeTheirKeysNewestCommittedVersionWhileTablesComeAndGo() throws Exception {
        run(2000, 2);
    }

    /** As many keys as the filter has buckets, so that keys share their pairs' hint words often. */
    @Test
    @Tag("stress")
    void stressManyKeysPerFilterBucketPair() throws Exception {
        run(30_000, 60);
    }

    private void run(int keys, int seconds) throws Exception {
        // The merger at the JVM's priority: three busy threads here must not starve it of merges.
        LightningDbConfig config = LightningDbConfig.builder().pageSize(4096).writeBufferSize(1 << 20)
                .walSyncMode(WalSyncMode.OFF).backgroundNice(0).build();
        try (LightningDb db = LightningDb.open(dir, config)) {
            AtomicLongArray committed = new AtomicLongArray(keys);
            for (int i = 0; i < keys; i++) {
                db.put(key(i), value(i, 0));
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                SplittableRandom r = new SplittableRandom(1);
                long counter = 0;
                while (!stop.get()) {
                    int i = r.nextInt(keys);
                    db.put(key(i), value(i, ++counter));
                    committed.set(i, counter);
                }
            });
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int seed = 10 + t;
                readers.add(new Thread(() -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    long[] seen = new long[keys];
                    try {
                        while (!stop.get()) {
                            int i = r.nextInt(keys);
                            long floor = committed.get(i);
                            ByteBuffer v = ByteBuffer.wrap(db.get(key(i)));
                            int k = v.getInt();
                            long c = v.getLong();
                            if (k != i || c < floor || c < seen[i]) {
                                throw new AssertionError("key " + i + ": read key " + k + " version " + c
                                        + ", committed before the read " + floor + ", seen before " + seen[i]);
                            }
                            seen[i] = c;
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            writer.start();
            readers.forEach(Thread::start);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long giveUp = end + 120_000_000_000L; // a loaded machine merges less often: run on until it has merged enough
            while ((System.nanoTime() < end || db.stats().get("mvcc.merges") <= 10) && System.nanoTime() < giveUp
                    && failure.get() == null) {
                Thread.sleep(50);
                db.checkpoint(); // a merge of every table, whatever the merger's share of the cores
            }
            stop.set(true);
            writer.join();
            for (Thread t : readers) {
                t.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(db.stats().get("mvcc.merges")).as("merges while reading").isGreaterThan(10);
        }
    }
}
