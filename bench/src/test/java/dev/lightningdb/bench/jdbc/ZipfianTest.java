package dev.lightningdb.bench.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfianTest {
    @Test
    void drawsStayInRangeAndAFewKeysGetMostRequests() {
        int items = 100_000;
        int draws = 1_000_000;
        Zipfian z = new Zipfian(items);
        SplittableRandom r = new SplittableRandom(1);
        int[] counts = new int[items];
        for (int i = 0; i < draws; i++) {
            long k = z.next(r);
            assertThat(k).isBetween(0L, items - 1L);
            counts[(int) k]++;
        }
        Arrays.sort(counts);
        long top1Percent = 0;
        for (int i = items - items / 100; i < items; i++) {
            top1Percent += counts[i];
        }
        // Uniform would give the top 1% of keys about 1% of the requests; zipfian 0.99 gives far more.
        assertThat(top1Percent).isGreaterThan(draws / 4);
    }

    @Test
    void popularKeysAreScatteredNotAtTheStart() {
        Zipfian z = new Zipfian(1_000_000);
        SplittableRandom r = new SplittableRandom(2);
        long below1000 = 0;
        for (int i = 0; i < 100_000; i++) {
            if (z.next(r) < 1000) {
                below1000++;
            }
        }
        assertThat(below1000).isLessThan(5_000);
    }
}
