package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM ({@link CrashKillChild}) commits under {@code SYNC} and is killed with
 * SIGKILL ({@link Process#destroyForcibly()}) at a random moment, sometimes while it still opens
 * (recovers) the database, often in the middle of a checkpoint. The parent then reopens the same
 * directory and checks: every acknowledged commit is there; no transaction is partly there; no
 * transaction is there that was neither acknowledged nor the one in flight of its thread; the
 * integrity check is clean; the database takes a commit. Then the next cycle starts a child on the
 * same directory. The seed is printed ({@code -Dlightning.seed=} reruns one).
 */
class CrashKillTest {
    @TempDir
    Path dir;

    /** Every transaction id known to be committed, over all cycles. */
    private final Set<Long> acknowledged = new HashSet<>();

    @Test
    void killedChildrenLoseNoAcknowledgedCommit() throws Exception {
        run(Integer.getInteger("lightning.crash.cycles", 10));
    }

    @Test
    @Tag("stress")
    void manyKills() throws Exception {
        run(Integer.getInteger("lightning.crash.stressCycles", 100));
    }

    private void run(int cycles) throws Exception {
        String s = System.getProperty("lightning.seed");
        long seed = s != null ? Long.parseLong(s) : new Random().nextLong();
        System.out.println("CrashKillTest seed=" + seed + " (rerun with -Dlightning.seed=" + seed + ")");
        Random rnd = new Random(seed);
        Path db = dir.resolve("db");
        int inFlightFound = 0;
        int killedBeforeReady = 0;
        int killedInCheckpoint = 0;
        long generation = 0;
        for (int cycle = 0; cycle < cycles; cycle++) {
            boolean checkpointMode = cycle % 2 == 1;
            long firstId = (cycle + 1L) * 1_000_000L;
            String what = "cycle " + cycle + " (seed " + seed + ", " + (checkpointMode ? "checkpoint" : "plain") + " mode)";
            Child child = Child.start(db, firstId, checkpointMode, rnd.nextLong(), dir.resolve("child" + cycle));
            try {
                if (rnd.nextInt(6) == 0) {
                    Thread.sleep(rnd.nextInt(600)); // may land while the child still opens and recovers
                } else {
                    assertThat(child.awaitReady(60)).as(what + ": child ready").isTrue();
                    Thread.sleep(50 + rnd.nextInt(1200));
                }
                child.assertAlive(what);
            } finally {
                child.kill();
            }
            if (child.killedInCheckpoint()) {
                killedInCheckpoint++;
            }
            if (!child.isReady()) {
                killedBeforeReady++;
            }
            List<Long> acks = child.acks();
            acknowledged.addAll(acks);
            try (LightningDb d = LightningDb.open(db, CrashKillChild.config(checkpointMode))) {
                assertThat(d.verifyIntegrity().problems()).as(what).isEmpty();
                generation = d.stats().get("checkpoint.generation");
                Map<Long, Integer> found = checkContents(d, what);
                for (long id : acknowledged) {
                    assertThat(found).as(what + ": acknowledged transaction " + id).containsKey(id);
                }
                for (int t = 0; t < CrashKillChild.THREADS; t++) {
                    long base = firstId + t * CrashKillChild.THREAD_STRIDE;
                    long lastAck = acks.stream().filter(id -> id >= base && id < base + CrashKillChild.THREAD_STRIDE)
                            .mapToLong(Long::longValue).max().orElse(base - 1);
                    long inFlight = lastAck + 1;
                    for (long id : new TreeMap<>(found).keySet()) {
                        if (id >= base && id < base + CrashKillChild.THREAD_STRIDE && !acknowledged.contains(id)) {
                            assertThat(id).as(what + ": transaction present but neither acknowledged nor in flight; last acknowledged " + lastAck
                                    + ", acknowledged " + acks.size() + ", child stderr: " + Files.readString(child.errors)).isEqualTo(inFlight);
                            acknowledged.add(id); // committed: later cycles must keep it
                            inFlightFound++;
                        }
                    }
                }
                long parentId = firstId + CrashKillChild.THREADS * CrashKillChild.THREAD_STRIDE;
                CrashKillChild.writeTransaction(d, CrashKillChild.THREADS, parentId, rnd);
                acknowledged.add(parentId);
            }
        }
        System.out.println("CrashKillTest: " + cycles + " kills, " + acknowledged.size() + " transactions committed, " + inFlightFound
                + " in-flight ones found committed, " + killedBeforeReady + " kills before the child had opened, "
                + killedInCheckpoint + " during an explicit checkpoint, checkpoint generation at the end "
                + generation);
        assertThat(acknowledged.size()).as("the children made progress").isGreaterThan(cycles);
    }

    /**
     * Reads the whole database and checks the key layout of {@link CrashKillChild}: every marker has
     * exactly its n keys with their values, no key or shared slot names a transaction without
     * marker. Returns the transactions found, id to n.
     */
    private static Map<Long, Integer> checkContents(LightningDb d, String what) {
        TreeMap<byte[], byte[]> all = StoreContents.of(d);
        Map<Long, Integer> markers = new HashMap<>();
        Map<Long, Integer> keys = new HashMap<>();
        List<Long> slotIds = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : all.entrySet()) {
            String k = new String(e.getKey(), StandardCharsets.UTF_8);
            String[] parts = k.split("/");
            switch (parts[0]) {
                case "m" -> markers.put(Long.parseLong(parts[1]), Integer.parseInt(new String(e.getValue(), StandardCharsets.UTF_8)));
                case "k" -> {
                    long id = Long.parseLong(parts[1]);
                    int i = Integer.parseInt(parts[2]);
                    assertThat(e.getValue()).as(what + ": value of " + k).isEqualTo(CrashKillChild.value(id, i));
                    keys.merge(id, 1, Integer::sum);
                }
                case "s" -> slotIds.add(Long.parseLong(new String(e.getValue(), StandardCharsets.UTF_8)));
                default -> fail(what + ": unexpected key " + k);
            }
        }
        for (Map.Entry<Long, Integer> m : markers.entrySet()) {
            assertThat(keys.getOrDefault(m.getKey(), 0)).as(what + ": keys of transaction " + m.getKey() + " (partly committed?)").isEqualTo(m.getValue());
            for (int i = 0; i < m.getValue(); i++) {
                assertThat(all).as(what + ": key " + i + " of transaction " + m.getKey()).containsKey(CrashKillChild.key(m.getKey(), i));
            }
        }
        // Set differences, not containsAll (which compares element by element: quadratic over 100 cycles).
        java.util.Set<Long> unmarked = new java.util.TreeSet<>(keys.keySet());
        unmarked.removeAll(markers.keySet());
        assertThat(unmarked).as(what + ": transactions with keys but no marker (partly committed)").isEmpty();
        java.util.Set<Long> unknownSlots = new java.util.TreeSet<>(slotIds);
        unknownSlots.removeAll(markers.keySet());
        assertThat(unknownSlots).as(what + ": transactions named by shared slots").isEmpty();
        return markers;
    }

    /**
     * One child JVM. Its stdout goes to a file rather than a pipe: what it wrote before the kill is
     * then certainly readable afterwards (a pipe read racing with the JDK's cleanup of a dead
     * process's streams can lose the last lines). Only complete lines count.
     */
    private static final class Child {
        final Process process;
        final Path out;
        final Path errors;

        private Child(Process process, Path out, Path errors) {
            this.process = process;
            this.out = out;
            this.errors = errors;
        }

        static Child start(Path db, long firstId, boolean checkpointMode, long seed, Path files) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xmx256m", "-ea", "-cp", System.getProperty("java.class.path"), CrashKillChild.class.getName(),
                    db.toString(), Long.toString(firstId), checkpointMode ? "checkpoint" : "plain", Long.toString(seed));
            Path out = Path.of(files + ".out");
            Path errors = Path.of(files + ".err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(errors.toFile()).start();
            return new Child(p, out, errors);
        }

        /** Waits until the child has opened the database; false when it died or the time ran out. */
        boolean awaitReady(long seconds) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (isReady()) {
                    return true;
                }
                Thread.sleep(5);
            }
            return isReady();
        }

        boolean isReady() throws IOException {
            return Files.readString(out).startsWith("ready\n");
        }

        void assertAlive(String what) throws IOException {
            if (!process.isAlive()) {
                fail(what + ": the child ended by itself with exit code " + process.exitValue() + ":\n" + Files.readString(errors));
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("killed child ended").isTrue();
        }

        boolean killedInCheckpoint() throws IOException {
            String text = Files.readString(out);
            return text.lastIndexOf("checkpoint begin") > text.lastIndexOf("checkpoint end");
        }

        /** The acknowledged ids; call after the kill. A line cut by the kill lacks its newline and " end" and does not count. */
        List<Long> acks() throws IOException {
            String text = Files.readString(out);
            List<Long> ids = new ArrayList<>();
            int end = text.lastIndexOf('\n');
            for (String line : text.substring(0, end + 1).split("\n")) {
                if (line.startsWith("ack ") && line.endsWith(" end")) {
                    ids.add(Long.parseLong(line.substring(4, line.length() - 4)));
                }
            }
            return ids;
        }
    }
}
