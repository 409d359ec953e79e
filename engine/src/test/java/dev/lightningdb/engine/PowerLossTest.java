package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.WalSyncMode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power fails at a random write or force (of the data file or a WAL segment) while commits,
 * dirty-page evictions and checkpoints run; the unforced writes are then kept, lost or torn at
 * random, and the database is reopened (recovery). Under {@code SYNC} every acknowledged commit
 * must be there, and the one in flight entirely or not at all; under {@code ASYNC} what is lost is
 * a suffix of the commits after the last checkpoint. The integrity check must be clean and the
 * database must keep working. The seed is printed.
 */
class PowerLossTest {
    @TempDir
    Path dir;

    private static long seed() {
        String s = System.getProperty("lightning.seed");
        return s != null ? Long.parseLong(s) : new Random().nextLong();
    }

    @Test
    void syncLosesNoAcknowledgedCommit() throws Exception {
        run(WalSyncMode.SYNC, Integer.getInteger("lightning.powerloss.trials", 100));
    }

    @Test
    void asyncLosesOnlyASuffixOfCommits() throws Exception {
        run(WalSyncMode.ASYNC, Integer.getInteger("lightning.powerloss.trials", 100));
    }

    @Test
    @Tag("stress")
    void manyCrashesSync() throws Exception {
        run(WalSyncMode.SYNC, Integer.getInteger("lightning.powerloss.stressTrials", 3000));
    }

    @Test
    @Tag("stress")
    void manyCrashesAsync() throws Exception {
        run(WalSyncMode.ASYNC, Integer.getInteger("lightning.powerloss.stressTrials", 3000));
    }

    private void run(WalSyncMode mode, int trials) throws Exception {
        long seed = seed();
        System.out.println("PowerLossTest " + mode + " seed=" + seed + " (rerun with -Dlightning.seed=" + seed + ")");
        Random rnd = new Random(seed);
        // The flusher never fires within a trial, so that a seed replays the same writes and forces.
        LightningDbConfig config = LightningDbConfig.builder().pageSize(4096).cacheSize(256 * 1024).writeBufferSize(64 * 1024).walSyncMode(mode)
                .walFlushInterval(Duration.ofMinutes(1)).walSegmentSize(1 << 20).build();
        Path base = dir.resolve("base");
        TreeMap<byte[], byte[]> baseModel = new TreeMap<>(Arrays::compareUnsigned);
        try (LightningDb db = LightningDb.open(base, config)) {
            for (int i = 0; i < 40; i++) {
                commitRandom(db, rnd, baseModel);
            }
        }
        int crashes = 0;
        int inFlightPresent = 0;
        int lostSuffixes = 0;
        for (int trial = 0; trial < trials; trial++) {
            Path db = dir.resolve("trial" + trial);
            copyDatabase(base, db);
            long crashAfter = 1 + rnd.nextInt(rnd.nextBoolean() ? 60 : 600);
            PowerLossFileIO.Disk disk = new PowerLossFileIO.Disk(crashAfter);
            List<TreeMap<byte[], byte[]>> states = new ArrayList<>(); // states.get(i): after i commits of this trial
            states.add(new TreeMap<>(baseModel));
            int acknowledged = 0;
            int checkpointed = 0;
            String what = mode + " trial " + trial + ", crash after " + crashAfter + " writes/forces, seed " + seed;
            try (LightningDb d = LightningDb.open(db, config, disk.opener())) {
                for (int step = 0; step < 60; step++) {
                    TreeMap<byte[], byte[]> next = new TreeMap<>(states.get(states.size() - 1));
                    states.add(next);
                    commitRandom(d, rnd, next);
                    acknowledged++;
                    if (rnd.nextInt(12) == 0) {
                        d.checkpoint();
                        checkpointed = acknowledged;
                    }
                }
            } catch (LightningDbException e) {
                assertThat(disk.crashed()).as(what + ": only the simulated power loss may fail: " + e).isTrue();
            }
            if (disk.crashed()) {
                crashes++;
            } else {
                checkpointed = acknowledged; // close() checkpoints
            }
            disk.writeCrashImages(rnd);
            try (LightningDb d = LightningDb.open(db, config)) {
                assertThat(d.verifyIntegrity().problems()).as(what).isEmpty();
                TreeMap<byte[], byte[]> found = StoreContents.of(d);
                int lowest = mode == WalSyncMode.SYNC ? acknowledged : checkpointed;
                int highest = Math.min(acknowledged + 1, states.size() - 1);
                int match = -1;
                for (int i = highest; i >= lowest && match < 0; i--) {
                    if (StoreContents.equal(found, states.get(i))) {
                        match = i;
                    }
                }
                assertThat(match).as(what + ": reopened with " + found.size() + " keys, which is not the state after any of commits " + lowest
                        + ".." + highest + " (" + acknowledged + " acknowledged, " + checkpointed + " checkpointed)").isGreaterThanOrEqualTo(0);
                if (match > acknowledged) {
                    inFlightPresent++;
                } else if (match < acknowledged) {
                    lostSuffixes++;
                }
                assertThat(d.stats().get("recovery.records")).as(what).isGreaterThanOrEqualTo(0L);
                commitRandom(d, rnd, found); // and it keeps working
                assertThat(d.verifyIntegrity().problems()).as(what + ", after a further commit").isEmpty();
            }
            try (LightningDb d = LightningDb.open(db, config)) { // and the commit after recovery is durable too
                assertThat(d.verifyIntegrity().problems()).as(what + ", second reopen").isEmpty();
            }
        }
        System.out.println("PowerLossTest " + mode + ": " + trials + " trials, " + crashes + " crashed, " + inFlightPresent
                + " kept the commit in flight, " + lostSuffixes + " lost a suffix of acknowledged (unforced) commits");
        assertThat(crashes).isGreaterThan(trials / 2);
        if (mode == WalSyncMode.SYNC) {
            assertThat(lostSuffixes).isZero();
        }
    }

    private static void copyDatabase(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(from)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.equals("data.ldb") || n.startsWith("wal-")) {
                    Files.copy(p, to.resolve(n));
                }
            }
        }
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
            StoreContents.apply(writes, model); // first: the model shows what the commit was to do even when it fails
            t.commit();
        }
    }
}
