package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.WalSyncMode;
import dev.lightningdb.engine.io.FileIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log: group commit, forces, errors, segment recycling and the torn tail. */
class WalTest {
    @TempDir
    Path dir;

    /** Wraps files: counts and slows WAL forces, and fails them (or writes) on demand. */
    private static final class Faulty extends ForwardingFileIO {
        final Control control;

        Faulty(FileIO delegate, Control control) {
            super(delegate);
            this.control = control;
        }

        @Override
        public void write(long position, byte[] buffer, int offset, int length) throws IOException {
            if (control.failWalWrites.get() && isWal()) {
                throw new IOException("No space left on device (injected)");
            }
            delegate.write(position, buffer, offset, length);
        }

        @Override
        public void force() throws IOException {
            if (isWal()) {
                if (control.failWalForces.get()) {
                    throw new IOException("fsync failed (injected)");
                }
                control.walForces.incrementAndGet();
                try {
                    Thread.sleep(control.forceMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            delegate.force();
        }

        private boolean isWal() {
            return delegate.name().contains("wal-");
        }



    }

    private static final class Control {
        final AtomicBoolean failWalWrites = new AtomicBoolean();
        final AtomicBoolean failWalForces = new AtomicBoolean();
        final AtomicLong walForces = new AtomicLong();
        final long forceMillis;

        Control(long forceMillis) {
            this.forceMillis = forceMillis;
        }

        FileIO.Opener opener() {
            return (path, create, readOnly) -> new Faulty(FileIO.CHANNEL.open(path, create, readOnly), this);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs {@code body(thread, i)} for i below {@code perThread} on each of {@code threads} threads started together; the first failure or null. */
    private static Throwable onThreads(int threads, int perThread, java.util.function.BiConsumer<Integer, Integer> body) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        body.accept(id, i);
                    }
                } catch (Throwable e) {
                    error.compareAndSet(null, e);
                }
            });
            workers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        return error.get();
    }

    private static LightningDbConfig sync() {
        return LightningDbConfig.builder().walSyncMode(WalSyncMode.SYNC).build();
    }

    @Test
    void concurrentSyncCommittersShareForces() throws Exception {
        Control control = new Control(2);
        int threads = 8;
        int perThread = 60;
        long forcesBefore;
        try (LightningDb db = LightningDb.open(dir, sync(), control.opener())) {
            forcesBefore = control.walForces.get();
            assertThat(onThreads(threads, perThread, (id, i) -> db.put(b("t" + id + "-" + i), b("v" + i)))).isNull();
            long forces = control.walForces.get() - forcesBefore;
            int commits = threads * perThread;
            System.out.println("WalTest group commit: " + commits + " SYNC commits by " + threads + " threads took " + forces + " WAL forces");
            assertThat(forces).as("forces for " + commits + " commits").isLessThanOrEqualTo(commits / 2);
            assertThat(db.stats().get("wal.forces")).isEqualTo(forces);
        }
        try (LightningDb db = LightningDb.open(dir, sync())) {
            assertThat(db.stats().get("store.entries")).isEqualTo((long) threads * perThread);
        }
    }

    @Test
    void blindWritesToOneKeyInOneCommitGroupNeverConflict() throws Exception {
        int threads = 16;
        int perThread = 300;
        try (LightningDb db = LightningDb.open(dir, sync())) {
            // every thread, one key: commit groups hold it many times
            assertThat(onThreads(threads, perThread, (id, i) -> db.put(b("hot"), b(id + ":" + i)))).isNull();
            assertThat(db.stats().get("txn.conflicts")).isZero();
            assertThat(new String(db.get(b("hot")), java.nio.charset.StandardCharsets.UTF_8)).endsWith(":" + (perThread - 1));
        }
    }

    @Test
    void aFailedWalWriteFailsOnlyThatCommit() {
        Control control = new Control(0);
        try (LightningDb db = LightningDb.open(dir, sync(), control.opener())) {
            db.put(b("a"), b("1"));
            control.failWalWrites.set(true);
            assertThatThrownBy(() -> db.put(b("b"), b("2"))).isInstanceOfSatisfying(LightningDbException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
            assertThat(db.get(b("b"))).isNull();
            control.failWalWrites.set(false); // space freed: works again without a restart
            db.put(b("c"), b("3"));
        }
        try (LightningDb db = LightningDb.open(dir, sync())) {
            assertThat(db.get(b("a"))).isEqualTo(b("1"));
            assertThat(db.get(b("b"))).isNull();
            assertThat(db.get(b("c"))).isEqualTo(b("3"));
        }
    }

    @Test
    void aFailedForceFailsTheCommitAndLaterOnesUntilReopened() {
        Control control = new Control(0);
        LightningDb db = LightningDb.open(dir, sync(), control.opener());
        db.put(b("a"), b("1"));
        control.failWalForces.set(true);
        assertThatThrownBy(() -> db.put(b("b"), b("2"))).isInstanceOfSatisfying(LightningDbException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
        control.failWalForces.set(false);
        assertThatThrownBy(() -> db.put(b("c"), b("3"))).isInstanceOfSatisfying(LightningDbException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
        assertThatThrownBy(db::close).isInstanceOf(LightningDbException.class);
        try (LightningDb again = LightningDb.open(dir, sync())) {
            assertThat(again.get(b("a"))).isEqualTo(b("1"));
            assertThat(again.get(b("c"))).isNull();
            assertThat(again.verifyIntegrity().problems()).isEmpty();
            again.put(b("d"), b("4"));
        }
    }

    @Test
    void aBackgroundFlusherErrorSurfacesAtTheNextCommit() throws Exception {
        Control control = new Control(0);
        LightningDbConfig config = LightningDbConfig.builder().walSyncMode(WalSyncMode.ASYNC).walFlushInterval(Duration.ofMillis(5)).build();
        LightningDb db = LightningDb.open(dir, config, control.opener());
        control.failWalForces.set(true);
        db.put(b("a"), b("1"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (db.stats().get("wal.failed") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(db.stats().get("wal.failed")).isEqualTo(1L);
        assertThatThrownBy(() -> db.put(b("b"), b("2"))).isInstanceOfSatisfying(LightningDbException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
        control.failWalForces.set(false);
        assertThatThrownBy(db::close).isInstanceOf(LightningDbException.class);
        try (LightningDb again = LightningDb.open(dir, config)) {
            assertThat(again.get(b("a"))).isEqualTo(b("1"));
            assertThat(again.get(b("b"))).isNull();
        }
    }

    @Test
    void zeroFilledSpaceAfterTheRecordsIsNotATornTail() throws Exception {
        LightningDbConfig config = LightningDbConfig.builder().walSyncMode(WalSyncMode.SYNC).walSegmentSize(1 << 20).build();
        Path crash1 = dir.resolve("crash1");
        Path crash2 = dir.resolve("crash2");
        try (LightningDb db = LightningDb.open(dir, config)) {
            for (int i = 0; i < 40; i++) {
                db.put(b("k" + i), new byte[50_000]); // segments roll: each earlier one keeps its zeros
            }
            copyDatabase(dir, crash1); // a crash: the log holds every commit, then zeros
        }
        try (LightningDb db = LightningDb.open(crash1, config)) {
            assertThat(db.stats().get("recovery.records")).isEqualTo(40L);
            assertThat(db.stats().get("recovery.cutBytes")).isZero();
            db.put(b("later"), b("v")); // appended where the records ended, inside the zeros
            copyDatabase(crash1, crash2);
        }
        try (LightningDb db = LightningDb.open(crash2, config)) {
            assertThat(db.stats().get("recovery.cutBytes")).isZero();
            assertThat(db.get(b("later"))).isEqualTo(b("v"));
            assertThat(db.get(b("k39"))).hasSize(50_000);
            assertThat(db.verifyIntegrity().problems()).isEmpty();
        }
    }

    private static void copyDatabase(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(from, "{data.ldb,wal-*.log}")) {
            for (Path p : ds) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }

    @Test
    void checkpointsRecycleSegmentsAndRecoveryCutsATornTail() throws Exception {
        LightningDbConfig config = LightningDbConfig.builder().walSyncMode(WalSyncMode.SYNC).walSegmentSize(1 << 20).build();
        byte[] big = new byte[100_000];
        try (LightningDb db = LightningDb.open(dir, config)) {
            for (int i = 0; i < 30; i++) {
                db.put(b("k" + i), big);
            }
            assertThat(segments()).hasSizeGreaterThan(1);
            db.checkpoint();
            assertThat(segments()).hasSize(1);
        }
        // Commits after the last checkpoint, then a "crash": copy the files while the database is open.
        Path crashed = dir.resolve("crashed");
        Files.createDirectories(crashed);
        try (LightningDb db = LightningDb.open(dir, config)) {
            for (int i = 0; i < 5; i++) {
                db.put(b("after" + i), b("v" + i));
            }
            Files.copy(dir.resolve("data.ldb"), crashed.resolve("data.ldb"));
            for (Path s : segments()) {
                Files.copy(s, crashed.resolve(s.getFileName()));
            }
        }
        Path last = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(crashed, "wal-*.log")) {
            for (Path p : ds) {
                last = last == null || p.compareTo(last) > 0 ? p : last;
            }
        }
        byte[] content = Files.readAllBytes(last);
        int end = content.length;
        while (end > 0 && content[end - 1] == 0) {
            end--; // the zeros the writer sets aside after its records (the last record ends in "v4")
        }
        assertThat(content.length - end).as("zero-filled space after the records").isPositive();
        Files.write(last, java.util.Arrays.copyOf(content, end - 3)); // tear the last record
        try (LightningDb db = LightningDb.open(crashed, config)) {
            assertThat(db.stats().get("recovery.records")).isEqualTo(4L);
            assertThat(db.stats().get("recovery.bytes")).isPositive();
            assertThat(db.stats().get("recovery.cutBytes")).isPositive();
            assertThat(db.stats().get("recovery.millis")).isNotNegative();
            for (int i = 0; i < 4; i++) {
                assertThat(db.get(b("after" + i))).isEqualTo(b("v" + i));
            }
            assertThat(db.get(b("after4"))).isNull();
            db.put(b("after4"), b("again"));
        }
        try (LightningDb db = LightningDb.open(crashed, config)) {
            assertThat(db.get(b("after4"))).isEqualTo(b("again"));
            assertThat(db.verifyIntegrity().problems()).isEmpty();
        }
    }

    private List<Path> segments() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "wal-*.log")) {
            ds.forEach(out::add);
        }
        return out;
    }
}
