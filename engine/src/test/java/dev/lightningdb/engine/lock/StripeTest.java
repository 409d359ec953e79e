package dev.lightningdb.engine.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StripeTest {
    @Test
    void behavesAsAMapUnderRandomPutsAndRemovesWithCollidingHomes() {
        Random r = new Random(7);
        Stripe s = new Stripe();
        Map<Long, Object> model = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            // eight keys per home slot: probe runs and backward shifts across them are exercised
            long hash = ((long) r.nextInt(1 << 12) << 40) | (r.nextInt(8) + 1);
            if (r.nextInt(3) == 0) {
                s.remove(hash);
                model.remove(hash);
            } else {
                Object v = new Object();
                s.put(hash, v);
                model.put(hash, v);
            }
            if (i % 4999 == 0) {
                for (Map.Entry<Long, Object> e : model.entrySet()) {
                    assertEquals(e.getValue(), s.get(e.getKey()));
                }
                assertEquals(model.size(), s.size());
            }
        }
        for (Long k : model.keySet().toArray(new Long[0])) {
            s.remove(k);
        }
        assertEquals(0, s.size());
    }

    @Test
    void keyHashIsNeverZeroAndDependsOnEveryByteAndTheLength() {
        byte[] a = new byte[17];
        long base = KeyHash.of(a, 1);
        for (int i = 0; i < a.length; i++) {
            byte[] b = a.clone();
            b[i] = 1;
            assertNotEquals(base, KeyHash.of(b, 1), "byte " + i);
        }
        assertNotEquals(KeyHash.of(new byte[16], 1), KeyHash.of(new byte[17], 1));
        assertNotEquals(KeyHash.of(new byte[] {1}, 1), KeyHash.of(new byte[] {1}, 3));
        for (int n = 0; n < 40; n++) {
            assertNotEquals(0, KeyHash.of(new byte[n], 0));
        }
    }
}
