package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.io.MemoryFileIO;
import dev.lightningdb.engine.store.WriteSet;
import dev.lightningdb.engine.store.paged.PagedStore;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint is written while commits go on ({@link PagedStore}, design note 9): the commits do
 * not wait for its forces, and what they write never damages the checkpoint being written nor
 * the last durable one. The file is copied at the moments a power loss could strike (every write
 * so far taken as durable, which is what can clobber a page) and each copy is opened on its own.
 */
class CheckpointBesideCommitsTest {
    /** A thread per task: a held checkpoint must not keep the commits from running, whatever the common pool's size. */
    private static final Executor OWN_THREAD = task -> new Thread(task, "checkpoint-beside-commits-test").start();

    private static final int PAGE = 4096;
    private static final int KEYS = 3000;
    private static final LightningDbConfig CONFIG = LightningDbConfig.builder().pageSize(PAGE).cacheSize(256 * 1024).build();

    /** A memory file whose next force can be held (or failed) on request; close is ignored. */
    private static final class GatedFile extends ForwardingFileIO {
        private volatile CountDownLatch holding;
        private volatile CountDownLatch release;
        private volatile boolean failNext;

        GatedFile() {
            super(new MemoryFileIO("gated.ldb"));
        }

        /** The next force signals {@code holding} and waits for {@link #release}. */
        void holdNextForce() {
            holding = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        void awaitHeld() throws InterruptedException {
            assertThat(holding.await(60, TimeUnit.SECONDS)).as("the checkpoint reached its force").isTrue();
        }

        void release() {
            CountDownLatch r = release;
            holding = null;
            r.countDown();
        }

        @Override
        public void force() throws IOException {
            CountDownLatch h = holding;
            if (h != null && h.getCount() > 0) {
                h.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
                if (failNext) {
                    failNext = false;
                    throw new IOException("simulated force failure");
                }
            }
            super.force();
        }

        /** The file as it is now. */
        MemoryFileIO image() throws IOException {
            byte[] all = new byte[Math.toIntExact(size())];
            read(0, all, 0, all.length);
            MemoryFileIO copy = new MemoryFileIO("image.ldb");
            copy.write(0, all, 0, all.length);
            return copy;
        }

        @Override
        public void close() {
        }
    }

    private static byte[] key(int i) {
        return String.format("key-%012d", i).getBytes();
    }

    private static byte[] value(int i, int round) {
        return String.format("value %d of key %d, padded to sixty bytes .......................", round, i).getBytes();
    }

    /** Overwrites every key with its value of {@code round} and deletes every seventh. */
    private static void writeRound(PagedStore store, int round) {
        WriteSet ws = new WriteSet();
        for (int i = 0; i < KEYS; i++) {
            if (i % 7 == round % 7) {
                ws.delete(key(i));
            } else {
                ws.put(key(i), value(i, round));
            }
        }
        store.apply(ws, round);
    }

    private static void assertRound(PagedStore store, int round) {
        assertThat(store.verifyIntegrity().problems()).isEmpty();
        for (int i = 0; i < KEYS; i++) {
            byte[] expected = i % 7 == round % 7 ? null : value(i, round);
            assertThat(store.get(key(i))).as("key %d after round %d", i, round).isEqualTo(expected);
        }
    }

    /** Opens a copy of the file as a crash would leave it and checks it holds {@code round}. */
    private static void assertImageHolds(MemoryFileIO image, int round) {
        PagedStore reopened = PagedStore.open(image, CONFIG, false);
        try {
            assertRound(reopened, round);
        } finally {
            reopened.close();
        }
    }

    private static PagedStore fresh(GatedFile file) {
        PagedStore.format(file, PAGE);
        PagedStore store = PagedStore.open(file, CONFIG, true);
        writeRound(store, 1);
        store.checkpoint();
        writeRound(store, 2); // the tree the held checkpoint will write
        return store;
    }

    @Test
    void commitsGoOnWhileACheckpointIsForcedAndDamageNeitherCheckpoint() throws Exception {
        GatedFile file = new GatedFile();
        PagedStore store = fresh(file);
        file.holdNextForce();
        CompletableFuture<Void> checkpoint = CompletableFuture.runAsync(store::checkpoint, OWN_THREAD);
        file.awaitHeld();

        // Many rounds: every page of round 2's tree is freed, and freed pages are reused.
        CompletableFuture<Void> commits = CompletableFuture.runAsync(() -> {
            for (int round = 3; round <= 12; round++) {
                writeRound(store, round);
            }
        }, OWN_THREAD);
        commits.get(60, TimeUnit.SECONDS); // would time out if commits waited for the held force
        assertThat(checkpoint).isNotDone();
        assertImageHolds(file.image(), 1); // power lost during the checkpoint: the previous one

        file.release();
        checkpoint.get(60, TimeUnit.SECONDS);
        assertImageHolds(file.image(), 2); // power lost after it: exactly the tree it began with

        assertRound(store, 12);
        store.checkpoint();
        assertImageHolds(file.image(), 12);
        store.close();
        assertImageHolds(file.image(), 12);
    }

    @Test
    void aCheckpointThatFailsBesideCommitsLeavesThePreviousOneAndTheNextSucceeds() throws Exception {
        GatedFile file = new GatedFile();
        PagedStore store = fresh(file);
        file.holdNextForce();
        file.failNext = true;
        CompletableFuture<Void> checkpoint = CompletableFuture.runAsync(store::checkpoint, OWN_THREAD);
        file.awaitHeld();
        for (int round = 3; round <= 8; round++) {
            writeRound(store, round);
        }
        file.release();
        assertThatThrownBy(() -> checkpoint.get(60, TimeUnit.SECONDS)).hasRootCauseMessage("simulated force failure");
        assertImageHolds(file.image(), 1);

        assertRound(store, 8);
        writeRound(store, 9);
        store.checkpoint();
        assertImageHolds(file.image(), 9);
        writeRound(store, 10);
        store.checkpoint(); // releases what the failed attempt held back
        assertImageHolds(file.image(), 10);
        assertRound(store, 10);
        store.close();
        assertImageHolds(file.image(), 10);
    }
}
