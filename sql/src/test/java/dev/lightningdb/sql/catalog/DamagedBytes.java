package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.codec.MalformedDataException;
import java.util.Random;
import java.util.function.Consumer;

/** Damaged copies of a stored definition (a flipped bit, or cut short), for decoders that must fail cleanly. */
final class DamagedBytes {
    private DamagedBytes() {
    }

    /** Decodes 20,000 damaged copies of {@code good}; a decoder may succeed or throw MalformedDataException, nothing else. */
    static void decodeEach(byte[] good, Consumer<byte[]> decode) {
        Random r = new Random(Long.getLong("lightning.seed", 7));
        for (int i = 0; i < 20_000; i++) {
            byte[] bad;
            if (r.nextBoolean()) {
                bad = good.clone();
                bad[r.nextInt(bad.length)] ^= (byte) (1 << r.nextInt(8));
            } else {
                bad = new byte[r.nextInt(good.length + 1)];
                System.arraycopy(good, 0, bad, 0, bad.length);
            }
            try {
                decode.accept(bad);
            } catch (MalformedDataException expected) {
                // the only acceptable failure
            }
        }
    }
}
