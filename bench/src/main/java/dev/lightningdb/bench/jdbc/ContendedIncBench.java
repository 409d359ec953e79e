package dev.lightningdb.bench.jdbc;

import dev.lightningdb.bench.BenchProps;
import dev.lightningdb.bench.CheckFile;
import dev.lightningdb.bench.Dirs;
import dev.lightningdb.bench.OpsCount;
import dev.lightningdb.bench.WriteProbe;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Contended increments at READ COMMITTED: writers of the same few rows. Each trial creates
 * {@code counters(id INT PRIMARY KEY, n BIGINT NOT NULL)} with {@link #hotRows} rows, all
 * {@code n = 0}, in a fresh database. Each benchmark thread is one client with its own connection
 * (auto-commit off, READ COMMITTED) and runs one transaction per operation: {@value #INCREMENT} with
 * a uniformly random id in {@code [0, hotRows)}, then {@code commit()}.
 *
 * <p>A transaction that fails (any {@link SQLException}: a serialization failure, a lock timeout,
 * SQLITE_BUSY) is rolled back, counted and not retried: a database that makes writers wait commits
 * every transaction, one that aborts them shows it in the row's note. Only committed transactions
 * count as operations; the sampled latencies include the failed ones. When the trial ends,
 * {@code SUM(n)} must equal the successful commits of the whole trial (warm-up included): fewer means
 * lost updates, more means a commit that reported failure was applied. Either marks the row
 * ({@link CheckFile}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContendedIncBench {
    public static final String INCREMENT = "UPDATE counters SET n = n + 1 WHERE id = ?";
    private static final int MESSAGE_CHARS = 120;

    @Param("h2")
    public String system;

    /** Rows the writers share (the runner sets it from {@link JdbcWorkload#hotRows()}). */
    @Param("1")
    public int hotRows;

    private JdbcSystem sys;
    private Path dir;
    private final List<Connection> connections = new ArrayList<>();
    /** Counts commits of measurement iterations and the bytes written meanwhile (durable rows). */
    private final WriteProbe probe = new WriteProbe();
    /** Successful commits of the whole trial, warm-up included: what SUM(n) must come to. */
    private final LongAdder committed = new LongAdder();
    /** Transactions and failed ones in measurement iterations, summed over threads. */
    private long measuredTransactions;
    private long measuredFailures;
    /** Failed transactions of the whole trial by SQLState, and the first message of each. */
    private final Map<String, long[]> failuresByState = new TreeMap<>();
    private final Map<String, String> firstMessage = new TreeMap<>();

    @Setup(Level.Trial)
    public void openTrial() throws SQLException {
        sys = JdbcSystems.byId(system);
        dir = Dirs.fresh(BenchProps.work(), "contended-" + system + "-");
        try (Connection c = sys.connect(dir)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE counters (id " + sys.intKeyType() + " NOT NULL PRIMARY KEY, n BIGINT NOT NULL)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO counters (id, n) VALUES (?, 0)")) {
                for (int id = 0; id < hotRows; id++) {
                    ins.setInt(1, id);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        }
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
        try {
            report();
        } finally {
            sys.shutdown(dir);
            Dirs.delete(dir);
        }
    }

    /** One client: its own connection, auto-commit off, READ COMMITTED. */
    @State(Scope.Thread)
    public static class Client {
        private static final AtomicInteger SEEDS = new AtomicInteger();
        final SplittableRandom random = new SplittableRandom(3000 + SEEDS.getAndIncrement());
        ContendedIncBench bench;
        Connection c;
        PreparedStatement increment;
        boolean measuring;
        long transactions;
        long failures;

        @Setup(Level.Trial)
        public void connect(ContendedIncBench b) throws SQLException {
            bench = b;
            c = b.sys.connect(b.dir);
            synchronized (b.connections) {
                b.connections.add(c);
            }
            // Isolation first, while no transaction is open (sqlite-jdbc begins one at setAutoCommit(false)).
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(false);
            increment = c.prepareStatement(INCREMENT);
        }

        @Setup(Level.Iteration)
        public void begin(IterationParams params) {
            measuring = params.getType() == IterationType.MEASUREMENT;
            transactions = 0;
            failures = 0;
        }

        @TearDown(Level.Iteration)
        public void end() {
            if (measuring) {
                bench.measured(transactions, failures);
            }
        }
    }

    @Benchmark
    public int contendedInc(Client t, OpsCount ops) throws SQLException {
        int id = t.random.nextInt(hotRows);
        t.transactions++;
        int n;
        try {
            t.increment.setInt(1, id);
            n = t.increment.executeUpdate();
            if (n == 1) {
                t.c.commit();
            }
        } catch (SQLException e) {
            try {
                t.c.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            t.failures++;
            failed(e);
            return 0;
        }
        if (n != 1) { // the rows are never deleted: a wrong result fails the row
            t.c.rollback();
            throw new IllegalStateException(system + ": increment of id " + id + " changed " + n + " rows");
        }
        committed.increment();
        probe.commit();
        ops.add(1);
        return 1;
    }

    private synchronized void measured(long transactions, long failures) {
        measuredTransactions += transactions;
        measuredFailures += failures;
    }

    private synchronized void failed(SQLException e) {
        String state = e.getSQLState() != null ? e.getSQLState() : "no SQLState, code " + e.getErrorCode();
        failuresByState.computeIfAbsent(state, k -> new long[1])[0]++;
        firstMessage.computeIfAbsent(state, k -> {
            String m = String.valueOf(e.getMessage()).replace('\n', ' ').trim();
            return m.length() > MESSAGE_CHARS ? m.substring(0, MESSAGE_CHARS) + "..." : m;
        });
    }

    /** Leaves the failed transactions and the SUM(n) check for the row ({@link CheckFile}). */
    private synchronized void report() throws SQLException {
        if (failuresByState.isEmpty()) {
            CheckFile.note("no failed transactions");
        } else {
            StringBuilder sb = new StringBuilder();
            double pct = measuredTransactions == 0 ? 0 : 100.0 * measuredFailures / measuredTransactions;
            sb.append(String.format(Locale.ROOT, "FAILED TRANSACTIONS: %s of those measured (%,d of %,d; rolled back, not retried); in "
                    + "the whole trial", pct >= 1 ? String.format(Locale.ROOT, "%.1f%%", pct) : String.format(Locale.ROOT, "%.2f%%", pct),
                    measuredFailures, measuredTransactions));
            String sep = " ";
            for (Map.Entry<String, long[]> f : failuresByState.entrySet()) {
                sb.append(sep).append(String.format(Locale.ROOT, "%,d x SQLState %s (\"%s\")", f.getValue()[0], f.getKey(),
                        firstMessage.get(f.getKey())));
                sep = ", ";
            }
            CheckFile.note(sb.toString());
        }
        long commits = committed.sum();
        long rows;
        long sum;
        try (Connection c = sys.connect(dir);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(n) FROM counters")) {
            rs.next();
            rows = rs.getLong(1);
            sum = rs.getLong(2);
        }
        if (rows != hotRows) {
            CheckFile.wrong(String.format(Locale.ROOT, "WRONG ROW COUNT: counters has %,d rows, %,d were inserted", rows, hotRows));
        }
        if (sum < commits) {
            CheckFile.wrong(String.format(Locale.ROOT, "LOST UPDATES: SUM(n) = %,d after %,d successful commits (%,d increments lost)",
                    sum, commits, commits - sum));
        } else if (sum > commits) {
            CheckFile.wrong(String.format(Locale.ROOT, "SUM(n) = %,d EXCEEDS the %,d successful commits: %,d transactions that "
                    + "reported failure were applied", sum, commits, sum - commits));
        } else {
            CheckFile.note(String.format(Locale.ROOT, "SUM(n) = %,d successful commits", commits));
        }
    }
}
