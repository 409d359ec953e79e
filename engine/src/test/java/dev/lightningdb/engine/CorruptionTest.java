package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.lightningdb.engine.common.CorruptionException;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.IntegrityReport;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage on disk: single bit flips in a closed database, and files that are not databases at all.
 * A damaged page must fail every read that reaches it with {@link CorruptionException}, be named by
 * {@code verifyIntegrity()}, and never yield a wrong value. The seed is printed
 * ({@code -Dlightning.seed=} reruns one).
 */
class CorruptionTest {
    private static final String DATA = "data.ldb";
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    private static long seed() {
        String s = System.getProperty("lightning.seed");
        return s != null ? Long.parseLong(s) : new Random().nextLong();
    }

    private static LightningDbConfig config() {
        return LightningDbConfig.builder().pageSize(PAGE).cacheSize(256 * 1024).build();
    }

    /** A database written in one transaction, so that (almost) every page of the file is in use. */
    private TreeMap<byte[], byte[]> createPristine(Path db, Random rnd) {
        TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
        try (LightningDb d = LightningDb.open(db, config()); Transaction t = d.begin()) {
            for (int i = 0; i < 2500; i++) {
                byte[] k = new byte[4 + rnd.nextInt(30)];
                rnd.nextBytes(k);
                int len = rnd.nextInt(50) == 0 ? 5000 + rnd.nextInt(20_000) : rnd.nextInt(120);
                byte[] v = new byte[len];
                rnd.nextBytes(v);
                t.put(k, v);
                model.put(k, v);
            }
            t.commit();
        }
        return model;
    }

    @Test
    void everySingleBitFlipIsDetectedAndNeverReturnsWrongData() throws IOException {
        long seed = seed();
        System.out.println("CorruptionTest bit flips seed=" + seed);
        Random rnd = new Random(seed);
        Path pristine = dir.resolve("pristine");
        TreeMap<byte[], byte[]> model = createPristine(pristine, rnd);
        byte[] file = Files.readAllBytes(pristine.resolve(DATA));
        long firstDataPage = 2; // 8 KiB of meta slots with 4 KiB pages
        int trials = Integer.getInteger("lightning.bitflip.trials", 150);
        int detectedByReads = 0;
        for (int trial = 0; trial < trials; trial++) {
            // The one free page of the pristine file is the initial empty root (page 2); skip it.
            long offset;
            do {
                offset = (long) (rnd.nextDouble() * file.length);
            } while (offset / PAGE == firstDataPage);
            int bit = rnd.nextInt(8);
            Path db = dir.resolve("flip" + trial);
            Files.createDirectories(db);
            byte[] damaged = file.clone();
            damaged[(int) offset] ^= (byte) (1 << bit);
            Files.write(db.resolve(DATA), damaged);
            String what = "trial " + trial + ": bit " + bit + " of byte " + offset + " (page " + offset / PAGE + "), seed " + seed;
            boolean readFailed = false;
            try (LightningDb d = LightningDb.open(db, config())) {
                for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
                    byte[] got;
                    try {
                        got = d.get(e.getKey());
                    } catch (CorruptionException ex) {
                        readFailed = true;
                        assertThat(ex.getMessage()).contains(DATA).contains("page");
                        // Every read of the damaged page fails, not just the first.
                        Assertions.assertThrows(CorruptionException.class, () -> d.get(e.getKey()), what);
                        continue;
                    }
                    assertThat(got).as(what).isEqualTo(e.getValue());
                }
                readFailed |= scanFails(d, model, what);
                IntegrityReport report = d.verifyIntegrity();
                assertThat(report.isClean()).as(what + ": the integrity check must report the damage").isFalse();
                String expectedPage = offset < 2 * 4096 ? "meta page slot " + offset / 4096 : "page " + offset / PAGE;
                assertThat(String.join("\n", report.problems())).as(what).contains(expectedPage);
                if (readFailed) {
                    detectedByReads++;
                    assertThat(d.stats().get("errors.checksum")).as(what).isPositive();
                }
            } catch (LightningDbException e) {
                // Only a damaged meta area may stop the open, and then with a clear code.
                assertThat(e.code()).as(what + ": " + e.getMessage()).isIn(ErrorCode.CORRUPTION, ErrorCode.CANNOT_OPEN);
            }
        }
        System.out.println("CorruptionTest: " + trials + " flips, " + detectedByReads + " failed reads of data (others hit index-free or meta bytes)");
        assertThat(detectedByReads).isPositive();
    }

    /** Scans everything; a value or key that differs from the model fails the test, damage must throw. */
    private static boolean scanFails(LightningDb d, TreeMap<byte[], byte[]> model, String what) {
        for (boolean reverse : new boolean[] {false, true}) {
            var expected = (reverse ? model.descendingMap() : model).entrySet().iterator();
            try (Cursor c = d.scan(KeyRange.all(), reverse)) {
                while (c.next()) {
                    var e = expected.next();
                    assertThat(c.key()).as(what).isEqualTo(e.getKey());
                    assertThat(c.value()).as(what).isEqualTo(e.getValue());
                }
                assertThat(expected.hasNext()).as(what + ": scan ended early without an error").isFalse();
            } catch (CorruptionException e) {
                return true;
            }
        }
        return false;
    }

    @Test
    void garbageFilesGiveAClearErrorNeverACrashOrHang() throws IOException {
        long seed = seed();
        System.out.println("CorruptionTest garbage seed=" + seed);
        Random rnd = new Random(seed);
        int[] sizes = {0, 1, 100, 4095, 4096, 8191, 8192, 8193, 12_288, 65_536, 1 << 20};
        for (int i = 0; i < sizes.length * 3; i++) {
            byte[] junk = new byte[sizes[i % sizes.length]];
            rnd.nextBytes(junk);
            if (i >= sizes.length * 2) {
                Arrays.fill(junk, (byte) 0); // zeros: a sparse or pre-allocated file
            }
            expectCleanFailure(junk, "random file of " + junk.length + " bytes, seed " + seed);
        }
    }

    @Test
    void truncatedDatabaseGivesAClearError() throws IOException {
        Random rnd = new Random(3);
        Path pristine = dir.resolve("pristine");
        createPristine(pristine, rnd);
        byte[] file = Files.readAllBytes(pristine.resolve(DATA));
        // The file may run a page past what the checkpoint needs (a checkpoint grows a short file
        // by writing the page after its last); cut into what it needs.
        long needed = dev.lightningdb.engine.store.paged.PageInspector.meta(Arrays.copyOf(file, 4096)).pageCount() * PAGE;
        assertThat(needed).isLessThanOrEqualTo(file.length).isGreaterThan(file.length - 2L * PAGE);
        for (long cut : new long[] {0, 10, 4096, 8191, 8192, 8192 + 100, needed / 2, needed - PAGE, needed - 1}) {
            expectCleanFailure(Arrays.copyOf(file, (int) cut), "database truncated to " + cut + " of " + file.length + " bytes");
        }
    }

    @Test
    void validMetaOverGarbagePagesFailsReadsCleanly() throws IOException {
        Random rnd = new Random(5);
        Path pristine = dir.resolve("pristine");
        TreeMap<byte[], byte[]> model = createPristine(pristine, rnd);
        byte[] file = Files.readAllBytes(pristine.resolve(DATA));
        for (int trial = 0; trial < 5; trial++) {
            byte[] junk = new byte[file.length];
            rnd.nextBytes(junk);
            System.arraycopy(file, 0, junk, 0, 8192); // keep the meta pages
            Path db = dir.resolve("garbage-pages" + trial);
            Files.createDirectories(db);
            Files.write(db.resolve(DATA), junk);
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (LightningDb d = LightningDb.open(db, config())) {
                    for (byte[] k : model.keySet()) {
                        Assertions.assertThrows(CorruptionException.class, () -> d.get(k));
                    }
                    assertThat(d.verifyIntegrity().isClean()).isFalse();
                    Assertions.assertThrows(CorruptionException.class, () -> d.put(new byte[] {1}, new byte[] {2}));
                }
            });
        }
    }

    private void expectCleanFailure(byte[] content, String what) throws IOException {
        Path db = Files.createTempDirectory(dir, "junk");
        Files.write(db.resolve(DATA), content);
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (LightningDb d = LightningDb.open(db, config())) {
                // Opening may succeed only if the meta pages happen to be valid; then reads must fail cleanly.
                try {
                    d.get(new byte[] {1});
                    d.verifyIntegrity();
                } catch (LightningDbException e) {
                    return;
                }
                fail(what + ": opened a garbage file as a database");
            } catch (LightningDbException e) {
                assertThat(e.code()).as(what + ": " + e.getMessage()).isIn(ErrorCode.CORRUPTION, ErrorCode.CANNOT_OPEN);
                assertThat(e.getMessage()).as(what).contains(DATA);
            }
        }, what);
        // A failed open must not leave the directory locked.
        try (RandomAccessFile f = new RandomAccessFile(db.resolve("lightning.lock").toFile(), "rw")) {
            assertThat(f.getChannel().tryLock()).as(what + ": lock released").isNotNull();
        }
    }
}
