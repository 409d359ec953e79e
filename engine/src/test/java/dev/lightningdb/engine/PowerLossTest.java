package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power fails at a random write or force while commits, dirty-page evictions and checkpoints run;
 * the unforced writes are then kept, lost or torn at random. Shadow paging must leave a complete
 * checkpoint: the database reopens with exactly the state of the last checkpoint that returned, or
 * of the one in progress when power failed, and a clean integrity check. (Without the WAL of issue
 * 5, commits after the last checkpoint are expected to be lost.) The seed is printed.
 */
class PowerLossTest {
    private static final String DATA = "data.ldb";

    @TempDir
    Path dir;

    private static long seed() {
        String s = System.getProperty("lightning.seed");
        return s != null ? Long.parseLong(s) : new Random().nextLong();
    }

    @Test
    void aCrashAnywhereLeavesTheLastCheckpointOrTheNextOne() throws Exception {
        run(Integer.getInteger("lightning.powerloss.trials", 120));
    }

    @Test
    @Tag("stress")
    void manyCrashes() throws Exception {
        run(Integer.getInteger("lightning.powerloss.stressTrials", 3000));
    }

    private void run(int trials) throws Exception {
        long seed = seed();
        System.out.println("PowerLossTest seed=" + seed + " (rerun with -Dlightning.seed=" + seed + ")");
        Random rnd = new Random(seed);
        LightningDbConfig config = LightningDbConfig.builder().pageSize(4096).cacheSize(256 * 1024).build();
        Path base = dir.resolve("base");
        TreeMap<byte[], byte[]> baseModel = new TreeMap<>(Arrays::compareUnsigned);
        try (LightningDb db = LightningDb.open(base, config)) {
            for (int i = 0; i < 40; i++) {
                commitRandom(db, rnd, baseModel);
            }
        }
        byte[] baseFile = Files.readAllBytes(base.resolve(DATA));
        int crashes = 0;
        int newerCheckpoints = 0;
        for (int trial = 0; trial < trials; trial++) {
            Path db = dir.resolve("trial" + trial);
            Files.createDirectories(db);
            Files.write(db.resolve(DATA), baseFile);
            long crashAfter = 1 + rnd.nextInt(rnd.nextBoolean() ? 60 : 600);
            PowerLossFileIO[] io = new PowerLossFileIO[1];
            TreeMap<byte[], byte[]> model = new TreeMap<>(baseModel);
            TreeMap<byte[], byte[]> lastCheckpoint = new TreeMap<>(baseModel);
            TreeMap<byte[], byte[]> inProgress = null;
            String what = "trial " + trial + ", crash after " + crashAfter + " writes/forces, seed " + seed;
            try (LightningDb d = LightningDb.open(db, config, (path, create, readOnly) -> io[0] = PowerLossFileIO.load(path, crashAfter))) {
                for (int step = 0; step < 60; step++) {
                    commitRandom(d, rnd, model);
                    if (rnd.nextInt(12) == 0) {
                        inProgress = new TreeMap<>(model);
                        d.checkpoint();
                        lastCheckpoint = inProgress;
                        inProgress = null;
                    }
                }
                inProgress = new TreeMap<>(model); // close() checkpoints
            } catch (LightningDbException e) {
                assertThat(io[0].crashed()).as(what + ": only the simulated power loss may fail: " + e).isTrue();
            }
            if (!io[0].crashed()) {
                lastCheckpoint = inProgress;
                inProgress = null;
            } else {
                crashes++;
            }
            Files.write(db.resolve(DATA), io[0].crashImage(rnd));
            try (LightningDb d = LightningDb.open(db, config)) {
                assertThat(d.verifyIntegrity().problems()).as(what).isEmpty();
                TreeMap<byte[], byte[]> found = StoreContents.of(d);
                if (inProgress != null && StoreContents.equal(found, inProgress) && !StoreContents.equal(found, lastCheckpoint)) {
                    newerCheckpoints++;
                } else {
                    assertThat(StoreContents.equal(found, lastCheckpoint)).as(what + ": reopened state is neither the last checkpoint ("
                            + lastCheckpoint.size() + " keys) nor the one in progress; found " + found.size() + " keys").isTrue();
                }
                commitRandom(d, rnd, found); // and it keeps working
                assertThat(d.verifyIntegrity().problems()).as(what + ", after a further commit").isEmpty();
            }
        }
        System.out.println("PowerLossTest: " + trials + " trials, " + crashes + " crashed, " + newerCheckpoints
                + " reopened at the checkpoint that was in progress");
        assertThat(crashes).isGreaterThan(trials / 2);
    }

    private static void commitRandom(LightningDb db, Random rnd, TreeMap<byte[], byte[]> model) {
        TreeMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
        try (Transaction t = db.begin()) {
            int n = 1 + rnd.nextInt(rnd.nextInt(5) == 0 ? 300 : 20);
            for (int i = 0; i < n; i++) {
                byte[] k = new byte[1 + rnd.nextInt(16)];
                rnd.nextBytes(k);
                k[0] = (byte) rnd.nextInt(8);
                if (rnd.nextInt(4) == 0) {
                    byte[] existing = model.ceilingKey(k);
                    if (existing != null) {
                        t.delete(existing);
                        writes.put(existing, null);
                    }
                } else {
                    byte[] v = new byte[rnd.nextInt(40) == 0 ? 5000 + rnd.nextInt(20_000) : rnd.nextInt(100)];
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
