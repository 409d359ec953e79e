package dev.lightningdb.engine.store.paged;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A reader's offer of a page it loaded never waits for the cache lock (PageCache note 5). */
class PageCacheOfferTest {
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
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PageCache cache = new PageCache(1, (id, page) -> {
            writing.countDown();
            await(release); // a slow eviction write, made under the lock
        });
        cache.install(1, new byte[] {1}, true);
        CompletableFuture<byte[]> evicting = CompletableFuture.supplyAsync(() -> cache.install(2, new byte[] {2}, true));
        try {
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            byte[] loaded = {3};
            CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> cache.offer(3, loaded));
            assertThat(reader.get(10, TimeUnit.SECONDS)).isSameAs(loaded); // would time out if it waited
            assertThat(cache.get(3)).isNull();
        } finally {
            release.countDown();
        }
        assertThat(evicting.get(10, TimeUnit.SECONDS)).containsExactly(2);
        assertThat(stats(cache).get("cache.uncachedLoads")).isEqualTo(1); // statistics take the lock
    }

    @Test
    void anOfferThatFindsTheLockBusyReturnsTheImageAlreadyCachedNotItsOwn() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PageCache cache = new PageCache(2, (id, page) -> {
            writing.countDown();
            await(release);
        });
        byte[] unwritten = {9};
        cache.install(5, unwritten, true); // dirty: its disk image is stale
        cache.install(6, new byte[] {6}, true);
        CompletableFuture<byte[]> evicting = CompletableFuture.supplyAsync(() -> cache.install(7, new byte[] {7}, true));
        try {
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            long cachedId = cache.peek(5) != null ? 5 : 6;
            byte[] expected = cache.peek(cachedId).data;
            byte[] staleFromDisk = {0};
            assertThat(CompletableFuture.supplyAsync(() -> cache.offer(cachedId, staleFromDisk)).get(10, TimeUnit.SECONDS))
                    .isSameAs(expected);
        } finally {
            release.countDown();
        }
        evicting.get(10, TimeUnit.SECONDS);
    }

    private static Map<String, Long> stats(PageCache cache) {
        Map<String, Long> m = new HashMap<>();
        cache.addStats(m);
        return m;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
