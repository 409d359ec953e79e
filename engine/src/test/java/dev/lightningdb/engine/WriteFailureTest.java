package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.io.FileIO;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One write or force fails (as with a full disk) at every position of a workload in turn. The
 * failing operation reports a clear error; the database stays consistent and keeps working, and
 * after a clean close holds exactly the acknowledged commits. A failure while a checkpoint writes
 * its meta page makes the store refuse writes until it is reopened; the reopened database then
 * recovers from the last checkpoint or the one that failed plus the WAL after it, so it again holds
 * exactly the acknowledged commits. Writes and forces are counted over the data file and the WAL
 * segments together.
 */
class WriteFailureTest {
    private static final String DATA = "data.ldb";

    @TempDir
    Path dir;

    /** Counts writes and forces over all files of a database and fails the n-th once. */
    private static final class Countdown {
        private long left;
        private boolean failed;

        Countdown(long n) {
            left = n;
        }

        synchronized void tick() throws IOException {
            if (--left == 0) {
                failed = true;
                throw new IOException("No space left on device (injected)");
            }
        }

        synchronized boolean failed() {
            return failed;
        }
    }

    /** Fails the write or force at which its countdown runs out, then behaves. */
    private static final class FailOnce extends ForwardingFileIO {
        private final Countdown countdown;

        FailOnce(FileIO delegate, Countdown countdown) {
            super(delegate);
            this.countdown = countdown;
        }

        private void tick() throws IOException {
            countdown.tick();
        }

        @Override
        public void write(long position, byte[] buffer, int offset, int length) throws IOException {
            tick();
            delegate.write(position, buffer, offset, length);
        }

        @Override
        public void force() throws IOException {
            tick();
            delegate.force();
        }



    }

    @Test
    void aFailedWriteAtAnyPositionLeavesAConsistentDatabase() throws Exception {
        // The flusher never fires within a run, so that the n-th write or force is the same each time.
        LightningDbConfig config = LightningDbConfig.builder().pageSize(4096).cacheSize(256 * 1024).walFlushInterval(Duration.ofMinutes(1)).build();
        Path base = dir.resolve("base");
        TreeMap<byte[], byte[]> baseModel = new TreeMap<>(Arrays::compareUnsigned);
        Random seeds = new Random(17);
        try (LightningDb db = LightningDb.open(base, config)) {
            for (int i = 0; i < 20; i++) {
                commit(db, new Random(seeds.nextLong()), baseModel);
            }
        }
        byte[] baseFile = Files.readAllBytes(base.resolve(DATA));
        List<Path> baseWal = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(base, "wal-*.log")) {
            ds.forEach(baseWal::add);
        }
        int refused = 0;
        int positions = 0;
        for (int n = 1; n <= 100_000; n++) {
            Path db = dir.resolve("n" + n);
            Files.createDirectories(db);
            Files.write(db.resolve(DATA), baseFile);
            for (Path w : baseWal) {
                Files.copy(w, db.resolve(w.getFileName()));
            }
            Countdown countdown = new Countdown(n);
            TreeMap<byte[], byte[]> model = new TreeMap<>(baseModel);
            TreeMap<byte[], byte[]> lastCheckpoint = new TreeMap<>(baseModel);
            TreeMap<byte[], byte[]> failedCheckpoint = null;
            boolean writesRefused = false;
            Random rnd = new Random(n);
            String what = "failure at write/force " + n;
            LightningDb d = LightningDb.open(db, config, (path, create, readOnly) -> new FailOnce(FileIO.CHANNEL.open(path, create, readOnly), countdown));
            try {
                for (int step = 0; step < 40; step++) {
                    try {
                        if (step % 10 == 9) {
                            TreeMap<byte[], byte[]> attempt = new TreeMap<>(model);
                            try {
                                d.checkpoint();
                                lastCheckpoint = attempt;
                            } catch (LightningDbException e) {
                                failedCheckpoint = attempt;
                                throw e;
                            }
                        } else {
                            commit(d, rnd, model);
                        }
                    } catch (LightningDbException e) {
                        assertThat(e.code()).as(what + ": " + e.getMessage()).isEqualTo(ErrorCode.IO_ERROR);
                        if (d.stats().get("store.writesRefused") == 1) {
                            writesRefused = true;
                        }
                    }
                    if (!writesRefused) {
                        assertThat(d.verifyIntegrity().problems()).as(what + ", step " + step).isEmpty();
                    }
                }
            } finally {
                try {
                    d.close();
                } catch (LightningDbException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR);
                }
            }
            if (!countdown.failed()) {
                positions = n;
                break; // the workload has fewer writes than n: every position is covered
            }
            try (LightningDb reopened = LightningDb.open(db, config)) {
                assertThat(reopened.verifyIntegrity().problems()).as(what).isEmpty();
                TreeMap<byte[], byte[]> found = StoreContents.of(reopened);
                if (writesRefused) {
                    refused++;
                    // Whichever checkpoint survived, recovery replays the WAL after it: every acknowledged commit is back.
                    assertThat(StoreContents.equal(found, model)).as(what + ": after a refused store, every acknowledged commit").isTrue();
                } else {
                    assertThat(StoreContents.equal(found, model)).as(what + ": every acknowledged commit after a clean close").isTrue();
                }
                commit(reopened, rnd, found);
            }
        }
        System.out.println("WriteFailureTest: failed each of " + (positions - 1) + " writes/forces in turn; " + refused
                + " hit a meta-page write and made the store refuse writes until reopened");
        assertThat(positions).isGreaterThan(50);
    }

    private static void commit(LightningDb db, Random rnd, TreeMap<byte[], byte[]> model) {
        TreeMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
        try (Transaction t = db.begin()) {
            int n = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 200 : 10);
            for (int i = 0; i < n; i++) {
                byte[] k = new byte[1 + rnd.nextInt(12)];
                rnd.nextBytes(k);
                if (rnd.nextInt(4) == 0 && model.ceilingKey(k) != null) {
                    byte[] existing = model.ceilingKey(k);
                    t.delete(existing);
                    writes.put(existing, null);
                } else {
                    byte[] v = new byte[rnd.nextInt(30) == 0 ? 9000 : rnd.nextInt(90)];
                    rnd.nextBytes(v);
                    t.put(k, v);
                    writes.put(k, v);
                }
            }
            t.commit();
        }
        StoreContents.apply(writes, model);
    }
}
