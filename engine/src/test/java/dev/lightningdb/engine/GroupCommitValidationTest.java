package dev.lightningdb.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.io.FileIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits that wait for one fsync are checked together as a group, before any of them reaches the
 * store: what a transaction read (SERIALIZABLE) or guarded must also be checked against the writes
 * of the commits ahead of it in its group. Write skew: every doctor reads who is on call, then
 * all go off call at once. Each read the whole range before any commit, so after the first
 * commit every other one's read is stale: exactly one commit per round, however the commits were
 * grouped.
 */
class GroupCommitValidationTest {
    private static final int DOCTORS = 8;
    private static final byte[] PREFIX = "oncall/".getBytes(UTF_8);

    @TempDir
    Path dir;

    /** Real files; each write to a WAL segment takes a millisecond longer. */
    private static FileIO slowLog(Path path, boolean create, boolean readOnly) throws IOException {
        FileIO real = FileIO.CHANNEL.open(path, create, readOnly);
        if (!path.getFileName().toString().startsWith("wal-")) {
            return real;
        }
        return new ForwardingFileIO(real) {
            @Override
            public void write(long position, byte[] buffer, int offset, int length) throws IOException {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.write(position, buffer, offset, length);
            }
        };
    }

    private static byte[] doctor(int i) {
        return ("oncall/" + i).getBytes(UTF_8);
    }

    @Test
    void serializableWriteSkewNeverCommitsInsideOneGroup() throws Exception {
        try (LightningDb db = LightningDb.open(dir.resolve("db"), LightningDbConfig.defaults(), GroupCommitValidationTest::slowLog)) {
            AtomicReference<String> broken = new AtomicReference<>();
            AtomicInteger committedOffs = new AtomicInteger();
            for (int round = 0; round < 100 && broken.get() == null; round++) {
                for (int i = 0; i < DOCTORS; i++) {
                    db.put(doctor(i), new byte[] {1});
                }
                AtomicInteger offThisRound = new AtomicInteger();
                List<Thread> threads = new ArrayList<>();
                CyclicBarrier allHaveRead = new CyclicBarrier(DOCTORS); // then all commit at once: groups form
                for (int i = 0; i < DOCTORS; i++) {
                    int me = i;
                    threads.add(new Thread(() -> {
                        try (Transaction t = db.begin(IsolationLevel.SERIALIZABLE)) {
                            int on = 0;
                            try (Cursor c = t.scan(KeyRange.prefix(PREFIX))) {
                                while (c.next()) {
                                    on += c.value()[0];
                                }
                            }
                            allHaveRead.await();
                            if (on >= 2) {
                                t.put(doctor(me), new byte[] {0});
                                t.commit();
                                committedOffs.incrementAndGet();
                                offThisRound.incrementAndGet();
                            }
                        } catch (ConflictException expected) {
                            // the later of two skewed commits
                        } catch (RuntimeException | InterruptedException | java.util.concurrent.BrokenBarrierException e) {
                            broken.compareAndSet(null, e.toString());
                        }
                    }));
                }
                threads.forEach(Thread::start);
                for (Thread th : threads) {
                    th.join();
                }
                int on = 0;
                for (int i = 0; i < DOCTORS; i++) {
                    on += db.get(doctor(i))[0];
                }
                if (offThisRound.get() != 1 || on != DOCTORS - 1) {
                    broken.compareAndSet(null, "round " + round + ": " + offThisRound.get() + " doctors went off call on the"
                            + " strength of one shared read, " + on + " on call");
                }
                if (ThreadLocalRandom.current().nextInt(8) == 0) {
                    db.checkpoint(); // merges too: the checks must hold whether versions are buffered or in the tree
                }
            }
            assertThat(broken.get()).isNull();
            assertThat(committedOffs.get()).as("some transactions did go off call").isPositive();
        }
    }
}
