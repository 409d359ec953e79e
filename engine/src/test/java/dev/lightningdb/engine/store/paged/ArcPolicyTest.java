package dev.lightningdb.engine.store.paged;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ARC policy on its own, and the page cache around it. Runs with -ea: every step checks the invariants. */
class ArcPolicyTest {
    /** Drives the policy like a cache: returns whether {@code key} was a hit, tracking what is resident. */
    private static boolean access(ArcPolicy arc, Set<Long> resident, long key) {
        if (arc.isResident(key)) {
            arc.hit(key);
            return true;
        }
        long victim = arc.admit(key);
        if (victim != ArcPolicy.NONE) {
            assertThat(resident.remove(victim)).as("victim %d was resident", victim).isTrue();
        }
        resident.add(key);
        return false;
    }

    @Test
    void staysWithinCapacityUnderRandomLoad() {
        ArcPolicy arc = new ArcPolicy(64);
        Set<Long> resident = new HashSet<>();
        Random rnd = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            long key = rnd.nextInt(4) == 0 ? rnd.nextInt(1000) : rnd.nextInt(80);
            access(arc, resident, key);
            if (rnd.nextInt(100) == 0) {
                long gone = rnd.nextInt(1000);
                arc.remove(gone);
                resident.remove(gone);
            }
            assertThat(resident.size()).isLessThanOrEqualTo(64);
            assertThat(arc.t1Size() + arc.t2Size()).isEqualTo(resident.size());
        }
        assertThat(arc.checkInvariants()).isTrue();
    }

    @Test
    void frequentPagesSurviveAOneTimeScan() {
        ArcPolicy arc = new ArcPolicy(100);
        Set<Long> resident = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            for (long k = 0; k < 50; k++) {
                access(arc, resident, k); // the hot set, seen repeatedly: T2
            }
        }
        for (long k = 1000; k < 11_000; k++) {
            access(arc, resident, k); // a long scan of pages used once: T1 only
        }
        for (long k = 0; k < 50; k++) {
            assertThat(arc.isResident(k)).as("hot page %d survived the scan", k).isTrue();
        }
        assertThat(arc.t2Size()).isEqualTo(50);
    }

    @Test
    void targetGrowsOnRecencyGhostHitsAndShrinksOnFrequencyGhostHits() {
        ArcPolicy arc = new ArcPolicy(100);
        Set<Long> resident = new HashSet<>();
        // Fill T2 with a frequent set, then stream new pages through T1.
        for (int round = 0; round < 2; round++) {
            for (long k = 0; k < 60; k++) {
                access(arc, resident, k);
            }
        }
        for (long k = 100; k < 200; k++) {
            access(arc, resident, k);
        }
        int before = arc.target();
        // Pages just evicted from T1 come back: ARC learns recency matters and grows T1's target.
        for (long k = 100; k < 140; k++) {
            access(arc, resident, k);
        }
        int grown = arc.target();
        assertThat(grown).isGreaterThan(before);
        // Now pages evicted from T2 come back: frequency matters, the target shrinks.
        for (long k = 300; k < 350; k++) {
            access(arc, resident, k);
            access(arc, resident, k);
        }
        for (long k = 0; k < 60; k++) {
            access(arc, resident, k);
        }
        assertThat(arc.target()).isLessThan(grown);
    }

    @Test
    void hitRateBeatsNothingOnSkewedLoad() {
        ArcPolicy arc = new ArcPolicy(100);
        Set<Long> resident = new HashSet<>();
        Random rnd = new Random(7);
        int hits = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            // 80% of accesses to 80 hot keys, the rest spread over 10,000.
            long key = rnd.nextInt(10) < 8 ? rnd.nextInt(80) : 1000 + rnd.nextInt(10_000);
            if (access(arc, resident, key)) {
                hits++;
            }
        }
        assertThat(hits / (double) n).isGreaterThan(0.7);
    }

    @Test
    void pageCacheCountsHitsAndMissesAndWritesBackDirtyPagesItEvicts() {
        Map<Long, byte[]> disk = new HashMap<>();
        PageCache cache = new PageCache(16, disk::put);
        assertThat(cache.get(1)).isNull();
        cache.install(1, new byte[] {1}, false);
        assertThat(cache.get(1)).containsExactly(1);
        for (long id = 100; id < 200; id++) {
            cache.install(id, new byte[] {(byte) id}, true);
            assertThat(cache.residentPages()).isLessThanOrEqualTo(16);
        }
        Map<String, Long> stats = new HashMap<>();
        cache.addStats(stats);
        assertThat(stats.get("cache.hits")).isEqualTo(1);
        assertThat(stats.get("cache.misses")).isEqualTo(1);
        assertThat(stats.get("cache.evictions")).isGreaterThanOrEqualTo(85);
        // Every dirty page is either still cached or was written before it left.
        for (long id = 100; id < 200; id++) {
            byte[] cached = cache.peek(id) == null ? null : cache.peek(id).data;
            byte[] page = cached != null ? cached : disk.get(id);
            assertThat(page).as("page %d", id).containsExactly((byte) id);
        }
        cache.flushDirty();
        assertThat(disk).hasSize(100);
        assertThat(cache.dirtyPages()).isZero();
        cache.discard(199);
        assertThat(cache.peek(199)).isNull();
    }

    @Test
    void pagesReadOftenThroughTheCacheSurviveAScanThoughOnlySomeHitsAreRecorded() {
        PageCache cache = new PageCache(64, (id, p) -> { });
        for (long id = 1; id <= 64; id++) {
            cache.install(id, new byte[] {(byte) id}, false);
        }
        for (int round = 0; round < 300; round++) { // a page missed by all 300 samples: (7/8)^300
            for (long id = 1; id <= 16; id++) {
                assertThat(cache.get(id)).isNotNull();
            }
        }
        for (long id = 1000; id < 1200; id++) { // a scan four times the cache, each page read once
            cache.install(id, new byte[] {1}, false);
        }
        for (long id = 1; id <= 16; id++) {
            assertThat(cache.peek(id)).as("page %d, read 300 times", id).isNotNull();
        }
        for (long id = 17; id <= 64; id++) {
            assertThat(cache.peek(id)).as("page %d, never read", id).isNull();
        }
    }

    @Test
    void concurrentHitsKeepTheCacheConsistent() throws Exception {
        PageCache cache = new PageCache(64, (id, p) -> { });
        for (long id = 1; id <= 64; id++) {
            cache.install(id, new byte[] {(byte) id}, false);
        }
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int seed = t;
            threads[t] = new Thread(() -> {
                Random rnd = new Random(seed);
                for (int i = 0; i < 200_000; i++) {
                    long id = 1 + rnd.nextInt(128); // page 0 is never a data page
                    byte[] p = cache.get(id);
                    if (p == null) {
                        p = cache.install(id, new byte[] {(byte) id}, false);
                    }
                    if (p[0] != (byte) id) {
                        throw new AssertionError("page " + id + " holds " + p[0]);
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(cache.residentPages()).isLessThanOrEqualTo(64);
    }
}
