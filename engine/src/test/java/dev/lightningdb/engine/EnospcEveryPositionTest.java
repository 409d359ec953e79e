package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.WalSyncMode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up ({@link DiskFullFileIO}) at every write (then at every write or force) of a
 * fixed SYNC workload in turn: 12 commits, a checkpoint, 12 more commits, close; writes are
 * counted over the data file and the WAL together. For each position: the operation that hits the full disk throws a {@link
 * LightningDbException} with {@code IO_ERROR} naming the cause (never another exception, never a
 * hang, never silence); while the disk stays full a commit fails the same way; once space is freed
 * the same open instance reads every acknowledged commit (the failed one absent or whole), passes
 * the integrity check, takes new commits and a checkpoint; after close and reopen the contents are
 * exactly the model and the integrity check is clean.
 *
 * <p>A failure while a checkpoint writes or forces its meta page leaves the store refusing writes
 * until that meta page is written again ({@code PagedStore}, design note 8); the next write or
 * check retries it, so those positions too work again without a restart.
 */
class EnospcEveryPositionTest {
    private static final int COMMITS_BEFORE = 12;
    private static final int COMMITS_AFTER = 12;

    @TempDir
    Path dir;

    private final LightningDbConfig config = LightningDbConfig.builder().pageSize(4096).cacheSize(256 * 1024)
            .walSyncMode(WalSyncMode.SYNC).build();
    private final TreeMap<byte[], byte[]> baseModel = new TreeMap<>(Arrays::compareUnsigned);
    private Path base;

    /** What one run at one position saw. */
    private record Outcome(long writes, boolean hit, String failedStep, boolean writesRefused) {
    }

    @Test
    void aFullDiskAtEveryWritePositionLeavesAWorkingDatabase() throws Exception {
        everyPosition(false);
    }

    /**
     * The same with forces counted and failing too. A failed WAL force leaves the log refusing
     * commits (what reached the disk is unknown) until a checkpoint covers every record, so once
     * space is freed the instance is checked with a checkpoint first, then commits.
     */
    @Test
    void aFullDiskAtEveryWriteOrForceLeavesAWorkingDatabase() throws Exception {
        everyPosition(true);
    }

    private void everyPosition(boolean forces) throws Exception {
        makeBase();
        long total = run(0, forces).writes();
        assertThat(total).as("writes of the workload").isGreaterThan(30);
        List<Long> refused = new ArrayList<>();
        int[] byStep = new int[3];
        for (long n = 1; n <= total; n++) {
            Outcome o = run(n, forces);
            assertThat(o.hit()).as("position " + n + " of " + total + " was reached").isTrue();
            if (o.writesRefused()) {
                refused.add(n);
            }
            byStep[o.failedStep().equals("commit") ? 0 : o.failedStep().equals("checkpoint") ? 1 : 2]++;
        }
        assertThat(refused).as("positions after which the same instance still refused writes once space was freed").isEmpty();
        System.out.println("EnospcEveryPositionTest: the disk filled up at each of " + total + (forces ? " writes and forces" : " writes")
                + " in turn; the failure hit a commit " + byStep[0] + " times, a checkpoint " + byStep[1] + ", close " + byStep[2]
                + "; the store refused writes until reopened at " + refused.size() + " positions " + refused);
    }

    private void makeBase() {
        base = dir.resolve("base");
        Random rnd = new Random(3);
        try (LightningDb db = LightningDb.open(base, config)) {
            for (int i = 0; i < 30; i++) {
                commit(db, rnd, baseModel);
            }
        }
    }

    /**
     * Runs the workload on a copy of the base with the disk full from write {@code fullAt} (0:
     * never; forces counted too when {@code forces}) and checks everything.
     */
    private Outcome run(long fullAt, boolean forces) throws IOException {
        Path db = dir.resolve("n" + fullAt);
        copy(base, db);
        String what = "disk full at write" + (forces ? " or force " : " ") + fullAt;
        DiskFullFileIO.Disk disk = new DiskFullFileIO.Disk(fullAt, forces);
        TreeMap<byte[], byte[]> model = new TreeMap<>(baseModel);
        TreeMap<byte[], byte[]> failedCommit = null;
        String failedStep = null;
        Random rnd = new Random(11); // the same workload at every position
        LightningDb d = LightningDb.open(db, config, disk.opener());
        int steps = COMMITS_BEFORE + 1 + COMMITS_AFTER + 1;
        for (int step = 0; step < steps && failedStep == null; step++) {
            String kind = step == COMMITS_BEFORE ? "checkpoint" : step == steps - 1 ? "close" : "commit";
            TreeMap<byte[], byte[]> attempt = kind.equals("commit") ? new TreeMap<>(model) : null;
            try {
                switch (kind) {
                    case "checkpoint" -> d.checkpoint();
                    case "close" -> d.close();
                    default -> commit(d, rnd, attempt);
                }
                if (attempt != null) {
                    model = attempt;
                }
            } catch (LightningDbException e) {
                assertFullDisk(e, what + ", " + kind);
                failedStep = kind;
                failedCommit = attempt;
            } catch (RuntimeException e) {
                throw new AssertionError(what + ", " + kind + ": not a LightningDbException", e);
            }
        }
        assertThat(failedStep != null).as(what + ": a write found the disk full, so an operation must have failed").isEqualTo(disk.hit());
        boolean refused = false;
        if (failedStep != null && !failedStep.equals("close")) {
            if (!forces) {
                // Still full: a commit fails cleanly too. (Not with forces: a commit whose force fails is applied, its outcome unknown.)
                try {
                    commit(d, new Random(fullAt), new TreeMap<>(model));
                    fail(what + ": a commit succeeded while the disk is full");
                } catch (LightningDbException e) {
                    assertFullDiskOrRefused(e, what + ", commit while full");
                }
            }
            disk.lift();
            TreeMap<byte[], byte[]> found = StoreContents.of(d);
            boolean whole = failedCommit != null && StoreContents.equal(found, failedCommit);
            assertThat(whole || StoreContents.equal(found, model)).as(what + ": every acknowledged commit, the failed " + failedStep
                    + " absent or whole").isTrue();
            if (whole) {
                model = failedCommit;
            }
            List<String> problems = d.verifyIntegrity().problems(); // a pending meta page is written again here (or by the next write)
            refused = d.stats().get("store.writesRefused") == 1;
            if (!refused) {
                assertThat(problems).as(what + ", after the fault").isEmpty();
                // Space freed: the same instance works again without a restart.
                Random more = new Random(fullAt * 31 + 7);
                if (forces) {
                    d.checkpoint(); // a failed WAL force is cleared by a checkpoint that covers every record
                }
                for (int i = 0; i < 3; i++) {
                    commit(d, more, model);
                }
                d.checkpoint();
                commit(d, more, model);
                assertThat(StoreContents.equal(StoreContents.of(d), model)).as(what + ": contents after the fault was lifted").isTrue();
            } else {
                // Assumption (see the class comment): after a failed meta-page write the store refuses writes until reopened.
                assertThat(failedStep).as(what + ": only a checkpoint's meta-page write refuses writes").isIn("checkpoint", "commit");
                try {
                    commit(d, new Random(fullAt), new TreeMap<>(model));
                    fail(what + ": a commit succeeded although the store refuses writes");
                } catch (LightningDbException e) {
                    assertThat(e.code()).as(what + ": " + e.getMessage()).isEqualTo(ErrorCode.IO_ERROR);
                }
            }
            d.close();
        }
        disk.lift();
        try (LightningDb reopened = LightningDb.open(db, config)) {
            assertThat(reopened.verifyIntegrity().problems()).as(what + ", reopened").isEmpty();
            TreeMap<byte[], byte[]> found = StoreContents.of(reopened);
            boolean whole = failedCommit != null && failedStep.equals("close") && StoreContents.equal(found, failedCommit);
            assertThat(whole || StoreContents.equal(found, model)).as(what + ": contents after reopening").isTrue();
            commit(reopened, new Random(fullAt), found);
        }
        deleteTree(db);
        return new Outcome(disk.writes(), disk.hit(), failedStep == null ? "none" : failedStep, refused);
    }

    /** The error names the full disk (in its message or a cause) and is IO_ERROR. */
    private static void assertFullDisk(LightningDbException e, String what) {
        assertThat(e.code()).as(what + ": " + e.getMessage()).isEqualTo(ErrorCode.IO_ERROR);
        assertThat(messages(e)).as(what + ": the error names the cause").contains("No space left on device");
    }

    private static void assertFullDiskOrRefused(LightningDbException e, String what) {
        assertThat(e.code()).as(what + ": " + e.getMessage()).isEqualTo(ErrorCode.IO_ERROR);
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" / ");
        }
        return sb.toString();
    }

    private static void commit(LightningDb db, Random rnd, TreeMap<byte[], byte[]> model) {
        TreeMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
        try (Transaction t = db.begin()) {
            int n = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 120 : 10);
            for (int i = 0; i < n; i++) {
                byte[] k = new byte[1 + rnd.nextInt(12)];
                rnd.nextBytes(k);
                if (rnd.nextInt(5) == 0 && model.ceilingKey(k) != null) {
                    byte[] existing = model.ceilingKey(k);
                    t.delete(existing);
                    writes.put(existing, null);
                } else {
                    byte[] v = new byte[rnd.nextInt(25) == 0 ? 9000 : rnd.nextInt(120)];
                    rnd.nextBytes(v);
                    t.put(k, v);
                    writes.put(k, v);
                }
            }
            try {
                t.commit();
            } finally {
                // Also on failure: the caller's map then shows the failed commit whole.
                StoreContents.apply(writes, model);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
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

    private static void deleteTree(Path p) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
            for (Path f : ds) {
                Files.delete(f);
            }
        }
        Files.delete(p);
    }
}
