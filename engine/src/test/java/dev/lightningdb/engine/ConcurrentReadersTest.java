package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers running while a writer commits: a commit is seen entirely or not at all, a scan sees one
 * version of the tree, and reads never go back in time. The cache is tiny, so pages are evicted
 * (dirty ones written back) and freed pages reused all the time under the readers.
 */
class ConcurrentReadersTest {
    private static final int GROUP = 100;

    @TempDir
    Path dir;

    private static byte[] groupKey(int i) {
        return String.format("g%04d", i).getBytes();
    }

    private static byte[] value(long version, int length) {
        byte[] v = new byte[length];
        ByteBuffer.wrap(v).putLong(version);
        for (int i = 8; i < length; i++) {
            v[i] = (byte) (version + i);
        }
        return v;
    }

    private static long versionOf(byte[] v) {
        for (int i = 8; i < v.length; i++) {
            if (v[i] != (byte) (ByteBuffer.wrap(v).getLong() + i)) {
                throw new AssertionError("torn value at byte " + i);
            }
        }
        return ByteBuffer.wrap(v).getLong();
    }

    @Test
    void readersSeeWholeCommitsOnly() throws Exception {
        LightningDbConfig config = LightningDbConfig.builder().pageSize(4096).cacheSize(256 * 1024).build();
        try (LightningDb db = LightningDb.open(dir, config)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                int seed = r;
                Thread t = new Thread(() -> {
                    Random rnd = new Random(seed);
                    long lastSeen = -1;
                    try {
                        while (!stop.get()) {
                            if (rnd.nextBoolean()) {
                                long seen = -1;
                                int n = 0;
                                try (Cursor c = db.scan(KeyRange.prefix(new byte[] {'g'}), rnd.nextBoolean())) {
                                    while (c.next()) {
                                        long v = versionOf(c.value());
                                        if (seen >= 0 && v != seen) {
                                            throw new AssertionError("scan saw versions " + seen + " and " + v + " in one walk");
                                        }
                                        seen = v;
                                        n++;
                                    }
                                }
                                if (n != 0 && n != GROUP) {
                                    throw new AssertionError("scan saw " + n + " group keys");
                                }
                                if (seen < lastSeen) {
                                    throw new AssertionError("went back in time: " + seen + " after " + lastSeen);
                                }
                                lastSeen = Math.max(lastSeen, seen);
                            } else {
                                byte[] v = db.get(groupKey(rnd.nextInt(GROUP)));
                                if (v != null) {
                                    long version = versionOf(v);
                                    if (version < lastSeen) {
                                        throw new AssertionError("get went back in time: " + version + " after " + lastSeen);
                                    }
                                    lastSeen = version;
                                }
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
                t.start();
                readers.add(t);
            }
            Random rnd = new Random(99);
            for (long version = 0; version < 1500 && failure.get() == null; version++) {
                try (Transaction t = db.begin()) {
                    int length = rnd.nextInt(30) == 0 ? 20_000 : 8 + rnd.nextInt(40);
                    for (int i = 0; i < GROUP; i++) {
                        t.put(groupKey(i), value(version, length));
                    }
                    // Churn elsewhere: splits and merges around the group.
                    for (int i = 0; i < 20; i++) {
                        byte[] k = String.format("x%05d", rnd.nextInt(3000)).getBytes();
                        if (rnd.nextBoolean()) {
                            t.put(k, new byte[rnd.nextInt(300)]);
                        } else {
                            t.delete(k);
                        }
                    }
                    t.commit();
                }
                if (version % 300 == 0) {
                    db.checkpoint();
                }
            }
            stop.set(true);
            for (Thread t : readers) {
                t.join();
            }
            if (failure.get() != null) {
                throw new AssertionError("reader failed", failure.get());
            }
            assertThat(db.verifyIntegrity().problems()).isEmpty();
        }
    }
}
