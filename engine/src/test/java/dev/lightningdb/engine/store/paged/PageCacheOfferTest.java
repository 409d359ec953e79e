package dev.lightningdb.engine.store.paged;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A reader's offer of a page it loaded never waits for the cache lock (PageCache note 5). */
class PageCacheOfferTest {
    /**
     * A thread per task: the tasks block one another on purpose, and the default async pool may
     * run them one at a time (it did on Java 25 on two cores, and the offer timed out).
     */
    private static final Executor OWN_THREAD = task -> new Thread(task, "page-cache-offer-test").start();

    @Test
    void anOfferWithTheLockFreeCachesThePage() {
        PageCache cache = new PageCache(4, (id, page) -> { });
        byte[] image = {7};
        assertThat(cache.offer(1, image)).isSameAs(image);
        assertThat(cache.get(1)).isSameAs(image);
        assertThat(stats(cache).get("cache.uncachedLoads")).isZero();
    }

    @Test
    void anOfferWhileAWriteBackHoldsTheLockReturnsAtOnceWithoutCaching() throws Exception {
        SlowWriteBack slow = new SlowWriteBack();
        PageCache cache = new PageCache(1, slow);
        cache.install(1, new byte[] {1}, true);
        CompletableFuture<byte[]> evicting = CompletableFuture.supplyAsync(() -> cache.install(2, new byte[] {2}, true), OWN_THREAD);
        try {
            slow.awaitWriting();
            byte[] loaded = {3};
            CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> cache.offer(3, loaded), OWN_THREAD);
            assertThat(reader.get(10, TimeUnit.SECONDS)).isSameAs(loaded); // would time out if it waited
            assertThat(cache.get(3)).isNull();
        } finally {
            slow.release();
        }
        assertThat(evicting.get(10, TimeUnit.SECONDS)).containsExactly(2);
        assertThat(stats(cache).get("cache.uncachedLoads")).isEqualTo(1); // statistics take the lock
    }

    @Test
    void anOfferThatFindsTheLockBusyReturnsTheImageAlreadyCachedNotItsOwn() throws Exception {
        SlowWriteBack slow = new SlowWriteBack();
        PageCache cache = new PageCache(2, slow);
        byte[] unwritten = {9};
        cache.install(5, unwritten, true); // dirty: its disk image is stale
        cache.install(6, new byte[] {6}, true);
        CompletableFuture<byte[]> evicting = CompletableFuture.supplyAsync(() -> cache.install(7, new byte[] {7}, true), OWN_THREAD);
        try {
            slow.awaitWriting();
            long cachedId = cache.peek(5) != null ? 5 : 6;
            byte[] expected = cache.peek(cachedId).data;
            byte[] staleFromDisk = {0};
            assertThat(CompletableFuture.supplyAsync(() -> cache.offer(cachedId, staleFromDisk), OWN_THREAD).get(10, TimeUnit.SECONDS))
                    .isSameAs(expected);
        } finally {
            slow.release();
        }
        evicting.get(10, TimeUnit.SECONDS);
    }

    private static Map<String, Long> stats(PageCache cache) {
        Map<String, Long> m = new HashMap<>();
        cache.addStats(m);
        return m;
    }

    /** An eviction write that holds the cache's lock until released. */
    private static final class SlowWriteBack implements PageCache.WriteBack {
        private final CountDownLatch writing = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void write(long pageId, byte[] page) {
            writing.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitWriting() throws InterruptedException {
            assertThat(writing.await(10, TimeUnit.SECONDS)).as("an eviction write began").isTrue();
        }

        void release() {
            release.countDown();
        }
    }
}
