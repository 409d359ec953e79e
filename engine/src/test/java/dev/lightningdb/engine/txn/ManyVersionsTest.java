package dev.lightningdb.engine.txn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A walk over keys with many versions each (a hot row updated thousands of times) visits each key once, newest version first. */
class ManyVersionsTest {
    @Test
    void nextKeySkipsEveryOlderVersionWhateverTheirNumber() {
        int[] versions = {1, 8, 9, 1000, 2, 7, 9};
        ArenaSkipList list = new ArenaSkipList();
        long ts = 0;
        // versions of different keys interleave in time, as commits do
        for (int round = 0; round < 1000; round++) {
            for (int k = 0; k < versions.length; k++) {
                if (round < versions[k]) {
                    list.insert(key(k), ++ts, ("v" + round).getBytes(UTF_8), false);
                }
            }
        }
        List<String> walked = new ArrayList<>();
        for (long n = list.first(); n != 0; n = list.nextKey(n)) {
            walked.add(new String(list.key(n), UTF_8) + "=" + new String(list.value(n), UTF_8));
        }
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < versions.length; k++) {
            expected.add(new String(key(k), UTF_8) + "=v" + (versions[k] - 1));
        }
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    private static byte[] key(int k) {
        return ("key" + k).getBytes(UTF_8);
    }
}
