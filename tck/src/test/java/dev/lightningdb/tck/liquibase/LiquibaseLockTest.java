package dev.lightningdb.tck.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Liquibase clients (two threads, each with its own connection) update one database with the
 * same change log at the same moment, as two instances of an application starting together do.
 * Liquibase's lock (a row of DATABASECHANGELOGLOCK, taken with a conditional UPDATE) must let one
 * of them apply every change set while the other waits and then finds nothing to do: both finish,
 * each change set ran once and is in DATABASECHANGELOG once, and the lock is free again. Several
 * fresh databases, so that the two also race to create Liquibase's own tables.
 *
 * <p>Each client has a Liquibase of its own ({@link IsolatedLiquibase}), as two applications do:
 * Liquibase 4.33 is not safe for two updates at once in one class loader.
 */
class LiquibaseLockTest {
    private static final String CHANGELOG = "liquibase/lock/changelog.yaml";
    private static final int ROUNDS = 2;

    @TempDir
    Path dir;

    @Test
    void twoConcurrentRunnersApplyEachChangeSetOnce() throws Exception {
        ExecutorService runners = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String url = "jdbc:lightning:" + dir.resolve("db" + round);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    done.add(runners.submit(() -> {
                        try (IsolatedLiquibase liquibase = new IsolatedLiquibase()) {
                            liquibase.update(url, CHANGELOG, () -> await(start));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(5, TimeUnit.MINUTES); // a runner's failure fails the test here
                }
                check(url);
            }
        } finally {
            runners.shutdownNow();
        }
    }

    private static void await(CyclicBarrier start) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The other runner did not start", e);
        }
    }

    private static void check(String url) throws SQLException {
        try (Connection c = new DatabaseObservations(url).connect()) {
            assertThat(counts(c, "SELECT change_set, COUNT(*) FROM applied GROUP BY change_set ORDER BY change_set"))
                    .containsExactly("lock-1=1", "lock-2=1", "lock-3=1", "lock-4=1");
            // the identity column Liquibase declared (START WITH 100 INCREMENT BY 10)
            assertThat(counts(c, "SELECT MIN(id), COUNT(*) FROM applied WHERE MOD(id, 10) = 0")).containsExactly("100=4");
            assertThat(counts(c, "SELECT id, COUNT(*) FROM DATABASECHANGELOG GROUP BY id ORDER BY id"))
                    .containsExactly("lock-1=1", "lock-2=1", "lock-3=1", "lock-4=1", "lock-table=1");
            assertThat(counts(c, "SELECT id, COUNT(*) FROM DATABASECHANGELOGLOCK WHERE locked = FALSE GROUP BY id"))
                    .containsExactly("1=1");
        }
    }

    private static List<String> counts(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1) + "=" + rs.getLong(2));
            }
        }
        return out;
    }
}
