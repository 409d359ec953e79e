package dev.lightningdb.bench.jdbc;

import dev.lightningdb.bench.BenchProps;
import dev.lightningdb.bench.Dirs;
import dev.lightningdb.bench.OpsCount;
import dev.lightningdb.bench.WriteProbe;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The JDBC workloads, written once against {@code java.sql}. Each trial copies the driver's
 * prepared database; each benchmark thread is one client with its own connection and prepared
 * statements. Results are checked (row counts, update counts) so that a driver cannot look fast
 * by doing less.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdbcBench {
    public static final int BATCH = 1000;
    public static final int RANGE = 1000;
    public static final int MAX_SCAN = 100;

    @Param("h2")
    public String system;

    private JdbcSystem sys;
    private Path dir;
    private long rows;
    private AtomicLong nextId;
    private Zipfian zipfian;
    private final List<Connection> connections = new ArrayList<>();
    /** Counts auto-commit writes (inserts and updates), the commits of the commit-bound workloads. */
    private final WriteProbe probe = new WriteProbe();

    @Setup(Level.Trial)
    public void openTrial() {
        sys = JdbcSystems.byId(system);
        rows = BenchProps.rows();
        nextId = new AtomicLong(rows);
        zipfian = new Zipfian(rows - MAX_SCAN);
        dir = Dirs.copy(BenchProps.fixture(), BenchProps.work(), "jdbc-" + system + "-");
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        if (iteration.getType() == IterationType.MEASUREMENT) {
            probe.start();
        }
    }

    @TearDown(Level.Iteration)
    public void finishIteration(IterationParams iteration) {
        if (iteration.getType() == IterationType.MEASUREMENT) {
            probe.finish();
        }
    }

    @TearDown(Level.Trial)
    public void closeTrial() throws SQLException {
        synchronized (connections) {
            for (Connection c : connections) {
                c.close();
            }
            connections.clear();
        }
        sys.shutdown(dir);
        Dirs.delete(dir);
    }

    /** One client: a connection in auto-commit mode and the prepared statements of every workload. */
    @State(Scope.Thread)
    public static class Client {
        private static final AtomicInteger SEEDS = new AtomicInteger();
        final SplittableRandom random = new SplittableRandom(2000 + SEEDS.getAndIncrement());
        Connection c;
        PreparedStatement point;
        PreparedStatement range;
        PreparedStatement insert;
        PreparedStatement update;
        PreparedStatement join;

        @Setup(Level.Trial)
        public void connect(JdbcBench b) throws SQLException {
            c = b.sys.connect(b.dir);
            synchronized (b.connections) {
                b.connections.add(c);
            }
            point = c.prepareStatement(Schema.POINT_SELECT);
            range = c.prepareStatement(Schema.RANGE_SELECT);
            insert = c.prepareStatement(Schema.INSERT);
            update = c.prepareStatement(Schema.UPDATE);
            join = c.prepareStatement(Schema.JOIN_AGGREGATE);
        }
    }

    @Benchmark
    public int pointSelect(Client t, OpsCount ops) throws SQLException {
        ops.add(1);
        return read(t, t.random.nextLong(rows));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int[] batchInsert(Client t, OpsCount ops) throws SQLException {
        ops.add(BATCH);
        long first = nextId.getAndAdd(BATCH);
        t.c.setAutoCommit(false);
        for (int i = 0; i < BATCH; i++) {
            Schema.bindInsert(t.insert, first + i);
            t.insert.addBatch();
        }
        int[] counts = t.insert.executeBatch();
        t.c.commit();
        t.c.setAutoCommit(true);
        if (counts.length != BATCH) {
            throw new IllegalStateException(system + ": executeBatch returned " + counts.length + " counts for " + BATCH + " rows");
        }
        return counts;
    }

    @Benchmark
    public int insertAutoCommit(Client t, OpsCount ops) throws SQLException {
        ops.add(1);
        return insert(t);
    }

    @Benchmark
    public int rangeSelect(Client t, OpsCount ops) throws SQLException {
        ops.add(1);
        long start = t.random.nextLong(rows - RANGE);
        return scan(t, start, RANGE);
    }

    @Benchmark
    public int updateByKey(Client t, OpsCount ops) throws SQLException {
        ops.add(1);
        return update(t, t.random.nextLong(rows));
    }

    @Benchmark
    public long joinAggregate(Client t, OpsCount ops) throws SQLException {
        ops.add(1);
        long start = t.random.nextLong(rows - RANGE);
        t.join.setLong(1, start);
        t.join.setLong(2, start + RANGE);
        long total = 0;
        int groups = 0;
        try (ResultSet rs = t.join.executeQuery()) {
            while (rs.next()) {
                groups++;
                total += rs.getLong(2);
                if (rs.getString(1).isEmpty() || rs.getLong(3) < 0) {
                    throw new IllegalStateException(system + ": bad aggregate row");
                }
            }
        }
        if (total != RANGE || groups != Schema.GROUPS) {
            throw new IllegalStateException(system + ": join counted " + total + " rows in " + groups + " groups, expected "
                    + RANGE + " in " + Schema.GROUPS);
        }
        return total;
    }

    // YCSB workloads: keys drawn from YCSB's scrambled zipfian distribution, as YCSB does by default.

    @Benchmark
    public int ycsbA(Client t, OpsCount ops) throws SQLException {
        ops.add(1);
        long id = zipfian.next(t.random);
        return t.random.nextInt(100) < 50 ? read(t, id) : update(t, id);
    }

    @Benchmark
    public int ycsbB(Client t, OpsCount ops) throws SQLException {
        ops.add(1);
        long id = zipfian.next(t.random);
        return t.random.nextInt(100) < 95 ? read(t, id) : update(t, id);
    }

    @Benchmark
    public int ycsbC(Client t, OpsCount ops) throws SQLException {
        ops.add(1);
        return read(t, zipfian.next(t.random));
    }

    @Benchmark
    public int ycsbE(Client t, OpsCount ops) throws SQLException {
        ops.add(1);
        if (t.random.nextInt(100) < 95) {
            return scan(t, zipfian.next(t.random), 1 + t.random.nextInt(MAX_SCAN));
        }
        return insert(t);
    }

    private int read(Client t, long id) throws SQLException {
        t.point.setLong(1, id);
        int n;
        try (ResultSet rs = t.point.executeQuery()) {
            n = Schema.consumeRows(rs);
        }
        if (n != 1) {
            throw new IllegalStateException(system + ": point select of id " + id + " returned " + n + " rows");
        }
        return n;
    }

    private int scan(Client t, long start, int length) throws SQLException {
        t.range.setLong(1, start);
        t.range.setLong(2, start + length);
        int n;
        try (ResultSet rs = t.range.executeQuery()) {
            n = Schema.consumeRows(rs);
        }
        if (n != length) {
            throw new IllegalStateException(system + ": range select returned " + n + " rows, expected " + length);
        }
        return n;
    }

    private int update(Client t, long id) throws SQLException {
        t.update.setLong(1, t.random.nextLong());
        t.update.setString(2, Schema.payload(t.random.nextLong()));
        t.update.setLong(3, id);
        int n = t.update.executeUpdate();
        if (n != 1) {
            throw new IllegalStateException(system + ": update of id " + id + " changed " + n + " rows");
        }
        probe.commit();
        return n;
    }

    private int insert(Client t) throws SQLException {
        Schema.bindInsert(t.insert, nextId.getAndIncrement());
        int n = t.insert.executeUpdate();
        if (n != 1) {
            throw new IllegalStateException(system + ": insert reported " + n + " rows");
        }
        probe.commit();
        return n;
    }
}
