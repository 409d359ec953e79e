package dev.lightningdb.bench.kv;

import dev.lightningdb.bench.BenchProps;
import dev.lightningdb.bench.Dirs;
import dev.lightningdb.bench.OpsCount;
import dev.lightningdb.bench.WriteProbe;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The key/value workloads, written once against {@link KvSystem}. Each trial works on its own copy
 * of the system's prepared database (see {@code FixtureMain}); the bulk load starts empty every
 * iteration. Sample-time mode: JMH times individual operations, so the runner gets the mean (for
 * throughput) and the percentiles from one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KvBench {
    public static final int BATCH = 1000;
    public static final int SCAN = 100;

    @Param("lightning")
    public String system;

    private KvWorkload workload;
    private KvSystem db;
    private Path dir;
    private long keys;
    private final AtomicLong nextSortedKey = new AtomicLong();
    private final WriteProbe probe = new WriteProbe();
    /** The background writer of {@link KvWorkload#GET_HOT_WITH_WRITER}; null otherwise. */
    private Thread writer;
    private volatile boolean writing;
    /** Puts the writer completed; it alone writes the count. */
    private final AtomicLong writerPuts = new AtomicLong();
    private long writerPutsAtStart;
    private long writerStartNanos;
    private int measuredIteration = -1;

    /** Per-thread random source; seeds differ per thread but are fixed per run. */
    @State(Scope.Thread)
    public static class Rng {
        private static final AtomicInteger SEEDS = new AtomicInteger();
        final SplittableRandom random = new SplittableRandom(1000 + SEEDS.getAndIncrement());
    }

    @Setup(Level.Trial)
    public void openTrial(BenchmarkParams params) throws Exception {
        workload = KvWorkload.ofBenchmark(params.getBenchmark());
        keys = BenchProps.keys();
        if (workload != KvWorkload.BULK_LOAD) {
            dir = Dirs.copy(BenchProps.fixture(), BenchProps.work(), "kv-" + system + "-");
            db = open(dir);
        }
        startWriter();
    }

    @Setup(Level.Iteration)
    public void openIteration(IterationParams iteration) throws Exception {
        if (workload.durable() && iteration.getType() == IterationType.MEASUREMENT) {
            probe.start();
        }
        if (writer != null && iteration.getType() == IterationType.MEASUREMENT) {
            measuredIteration++;
            writerPutsAtStart = writerPuts.get();
            writerStartNanos = System.nanoTime();
        }
        if (workload == KvWorkload.BULK_LOAD) {
            dir = Dirs.fresh(BenchProps.work(), "kv-bulk-" + system + "-");
            db = open(dir);
            nextSortedKey.set(0);
        }
    }

    @TearDown(Level.Iteration)
    public void closeIteration(IterationParams iteration) throws Exception {
        if (workload.durable() && iteration.getType() == IterationType.MEASUREMENT) {
            probe.finish();
        }
        String writerFile = System.getProperty(BenchProps.WRITER_OPS);
        if (writer != null && iteration.getType() == IterationType.MEASUREMENT && writerFile != null) {
            // The writer's rate beside the readers, so that a row can be read with what it competed with.
            OpsCount.record(Path.of(writerFile), measuredIteration, writerPuts.get() - writerPutsAtStart,
                    System.nanoTime() - writerStartNanos);
        }
        if (workload == KvWorkload.BULK_LOAD) {
            closeAndDelete();
        }
    }

    /** Starts the writer that competes with the readers of {@link KvWorkload#GET_HOT_WITH_WRITER}. */
    private void startWriter() {
        if (workload != KvWorkload.GET_HOT_WITH_WRITER) {
            return;
        }
        writing = true;
        writer = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(7);
            while (writing) {
                long i = random.nextLong(keys);
                db.put(KvData.key(i), KvData.value(i + 1));
                writerPuts.lazySet(writerPuts.get() + 1);
            }
        }, "competing-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @TearDown(Level.Trial)
    public void closeTrial() throws Exception {
        if (writer != null) {
            writing = false;
            writer.join();
            writer = null;
        }
        closeAndDelete();
    }

    private KvSystem open(Path where) throws Exception {
        KvSystem s = KvSystems.byId(system);
        long data = KvData.logicalBytes(keys);
        s.open(where, new KvOptions(workload.durable(), workload.cacheBytes(data), data));
        return s;
    }

    private void closeAndDelete() throws Exception {
        if (db != null) {
            db.close();
            db = null;
        }
        Dirs.delete(dir);
        dir = null;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void bulkLoad(OpsCount ops) {
        ops.add(BATCH);
        long first = nextSortedKey.getAndAdd(BATCH);
        byte[][] k = new byte[BATCH][];
        byte[][] v = new byte[BATCH][];
        for (int i = 0; i < BATCH; i++) {
            k[i] = KvData.key(first + i);
            v[i] = KvData.value(first + i);
        }
        db.putBatch(k, v);
    }

    @Benchmark
    public void randomPut(Rng t, OpsCount ops) {
        ops.add(1);
        long i = t.random.nextLong(keys);
        db.put(KvData.key(i), KvData.value(i + 1));
    }

    @Benchmark
    public byte[] getHot(Rng t, OpsCount ops) {
        ops.add(1);
        return found(db.get(KvData.key(t.random.nextLong(keys))));
    }

    @Benchmark
    public byte[] getHotWithWriter(Rng t, OpsCount ops) {
        ops.add(1);
        return found(db.get(KvData.key(t.random.nextLong(keys))));
    }

    @Benchmark
    public byte[] getCold(Rng t, OpsCount ops) {
        ops.add(1);
        return found(db.get(KvData.key(t.random.nextLong(keys))));
    }

    @Benchmark
    public int scan100(Rng t, OpsCount ops) {
        ops.add(1);
        int n = db.scan(KvData.key(t.random.nextLong(keys - SCAN)), SCAN);
        if (n != SCAN) {
            throw new IllegalStateException(system + " scan returned " + n + " entries, expected " + SCAN);
        }
        return n;
    }

    @Benchmark
    public byte[] mixed(Rng t, OpsCount ops) {
        ops.add(1);
        long i = t.random.nextLong(keys);
        if (t.random.nextBoolean()) {
            return found(db.get(KvData.key(i)));
        }
        db.put(KvData.key(i), KvData.value(i + 1));
        return null;
    }

    @Benchmark
    public void durableCommit(Rng t, OpsCount ops) {
        ops.add(1);
        long i = t.random.nextLong(keys);
        db.durablePut(KvData.key(i), KvData.value(i + 1));
        probe.commit();
    }

    /** Every key of the data set exists: a miss means the engine lost data, never a fast path. */
    private byte[] found(byte[] value) {
        if (value == null || value.length != KvData.VALUE_SIZE) {
            throw new IllegalStateException(system + " returned " + (value == null ? "nothing" : value.length + " bytes")
                    + " for a key that was loaded");
        }
        return value;
    }
}
