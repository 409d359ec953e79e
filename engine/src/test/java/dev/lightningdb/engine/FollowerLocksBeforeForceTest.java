package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import dev.lightningdb.engine.common.WalSyncMode;
import dev.lightningdb.engine.io.FileIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit's key locks go once it is visible, before its WAL record is forced, for every member of
 * a commit group and not only its leader: with the log's writes and forces held shut, two commits
 * queue behind a third, commit as one group, and their keys can be locked by a fourth transaction
 * while their force still waits.
 */
class FollowerLocksBeforeForceTest {
    @TempDir
    Path dir;

    /** The gates every WAL write and force passes; open until the test shuts them. */
    private static final class Gates {
        volatile CountDownLatch writes = new CountDownLatch(0);
        volatile CountDownLatch forces = new CountDownLatch(0);
    }

    /** Holds WAL writes and forces while their gates are shut. */
    private static final class Gated extends ForwardingFileIO {
        final Gates gates;

        Gated(FileIO delegate, Gates gates) {
            super(delegate);
            this.gates = gates;
        }

        @Override
        public void write(long position, byte[] buffer, int offset, int length) throws IOException {
            if (isWal()) {
                await(gates.writes);
            }
            delegate.write(position, buffer, offset, length);
        }

        @Override
        public void force() throws IOException {
            if (isWal()) {
                await(gates.forces);
            }
            delegate.force();
        }

        private boolean isWal() {
            return delegate.name().contains("wal-");
        }

        private static void await(CountDownLatch gate) throws IOException {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    @Test
    void followersReleaseTheirLocksBeforeTheirForce() throws Exception {
        Gates gates = new Gates();
        FileIO.Opener opener = (path, create, readOnly) -> new Gated(FileIO.CHANNEL.open(path, create, readOnly), gates);
        LightningDbConfig config = LightningDbConfig.builder().walSyncMode(WalSyncMode.SYNC).build();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (LightningDb db = LightningDb.open(dir, config, opener)) {
            db.put(key("warm"), key("up")); // the log's first segment exists before the gates shut
            CountDownLatch writeGate = new CountDownLatch(1);
            CountDownLatch forceGate = new CountDownLatch(1);
            gates.writes = writeGate;
            gates.forces = forceGate;

            List<Thread> committers = new CopyOnWriteArrayList<>();
            List<Future<?>> commits = new ArrayList<>();
            for (String name : List.of("first", "second", "third")) {
                commits.add(pool.submit(() -> {
                    committers.add(Thread.currentThread());
                    try (Transaction t = db.begin()) {
                        t.put(key(name), key("v"));
                        t.commit();
                    }
                }));
                if (name.equals("first")) {
                    awaitBlocked(committers, 1); // holds the commit lock, its log write shut
                }
            }
            awaitBlocked(committers, 3); // the second and third queue behind it
            writeGate.countDown(); // the first's group goes; the second leads the second and third as one group
            // Both keys of the second group become lockable although no force has happened yet.
            for (String name : List.of("first", "second", "third")) {
                awaitLockable(db, key(name));
            }
            assertThat(commits).noneMatch(Future::isDone); // every commit still waits for its force
            forceGate.countDown();
            for (Future<?> f : commits) {
                f.get(30, TimeUnit.SECONDS);
            }
            for (String name : List.of("first", "second", "third")) {
                assertThat(db.get(key(name))).isEqualTo(key("v"));
            }
        } finally {
            gates.writes.countDown();
            gates.forces.countDown();
            pool.shutdownNow();
        }
    }

    /** Waits until {@code n} committer threads exist and all of them are parked or blocked. */
    private static void awaitBlocked(List<Thread> committers, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<Thread> now = List.copyOf(committers);
            if (now.size() >= n && now.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.BLOCKED)) {
                Thread.sleep(20); // and still so a moment later (not between two steps)
                if (now.stream().allMatch(t -> t.getState() != Thread.State.RUNNABLE)) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the committers did not block");
    }

    /** Waits until another transaction can lock {@code key} without waiting. */
    private static void awaitLockable(LightningDb db, byte[] key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Transaction t = db.begin()) {
                if (t.lock(key, LockMode.EXCLUSIVE, LockWait.SKIP_LOCKED)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the lock of " + new String(key, StandardCharsets.UTF_8) + " was still held");
            }
            Thread.sleep(5);
        }
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
