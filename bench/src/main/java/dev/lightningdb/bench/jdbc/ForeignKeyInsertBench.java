package dev.lightningdb.bench.jdbc;

import dev.lightningdb.bench.BenchProps;
import dev.lightningdb.bench.Dirs;
import dev.lightningdb.bench.OpsCount;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * What enforcing a foreign key costs an insert: each trial creates {@code parent} with
 * {@value #PARENTS} rows and {@code child (id, parent_id REFERENCES parent, note)} in a fresh
 * database; each operation inserts one child row of a uniformly random parent, auto-commit. The two
 * rows of a run differ only in {@link #enforce}: off, every connection first runs {@code SET
 * REFERENTIAL_INTEGRITY FALSE} (LightningDB and H2 both accept it), so the difference is the check
 * (a shared lock on the parent's key and its lookup). Each insert must report one row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ForeignKeyInsertBench {
    public static final int PARENTS = 1000;
    public static final String INSERT = "INSERT INTO child (id, parent_id, note) VALUES (?, ?, ?)";

    @Param("h2")
    public String system;

    /** Whether the connections enforce the foreign key (the runner sets it from {@link JdbcWorkload}). */
    @Param("true")
    public boolean enforce;

    private JdbcSystem sys;
    private Path dir;
    private final AtomicLong nextId = new AtomicLong();
    private final OpenConnections connections = new OpenConnections();

    @Setup(Level.Trial)
    public void openTrial() throws SQLException {
        sys = JdbcSystems.byId(system);
        dir = Dirs.fresh(BenchProps.work(), "fk-" + system + "-");
        try (Connection c = sys.connect(dir); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parent (id INT NOT NULL PRIMARY KEY, name VARCHAR(32) NOT NULL)");
            s.execute("CREATE TABLE child (id " + sys.idType() + " NOT NULL PRIMARY KEY, parent_id INT NOT NULL REFERENCES parent (id),"
                    + " note VARCHAR(32) NOT NULL)");
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO parent (id, name) VALUES (?, ?)")) {
                for (int id = 0; id < PARENTS; id++) {
                    ins.setInt(1, id);
                    ins.setString(2, "parent " + id);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    @TearDown(Level.Trial)
    public void closeTrial() throws SQLException {
        connections.closeAll();
        sys.shutdown(dir);
        Dirs.delete(dir);
    }

    /** One client: its own connection (enforcing or not) in auto-commit mode. */
    @State(Scope.Thread)
    public static class Client {
        private static final AtomicInteger SEEDS = new AtomicInteger();
        final SplittableRandom random = new SplittableRandom(4000 + SEEDS.getAndIncrement());
        Connection c;
        PreparedStatement insert;

        @Setup(Level.Trial)
        public void connect(ForeignKeyInsertBench b) throws SQLException {
            c = b.connections.add(b.sys.connect(b.dir));
            if (!b.enforce) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET REFERENTIAL_INTEGRITY FALSE");
                }
            }
            insert = c.prepareStatement(INSERT);
        }
    }

    @Benchmark
    public int childInsert(Client t, OpsCount ops) throws SQLException {
        long id = nextId.getAndIncrement();
        t.insert.setLong(1, id);
        t.insert.setInt(2, t.random.nextInt(PARENTS));
        t.insert.setString(3, "child " + id);
        int n = t.insert.executeUpdate();
        if (n != 1) {
            throw new IllegalStateException(system + ": insert of child " + id + " reported " + n + " rows");
        }
        ops.add(1);
        return n;
    }
}
