package dev.lightningdb.tck.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several connections insert children, move them and delete parents of a few hot keys at once, in
 * transactions of a few statements that commit or roll back. Whatever interleaving happens, no
 * committed child ever references a parent that does not exist, and each failure is one a client
 * expects: 23503 (the reference), 40001 or 40P01 (retry).
 */
class ForeignKeyRaceTest {
    private static final Set<String> EXPECTED = Set.of("23503", "23505", "40001", "40P01");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "isolation {0}, ON DELETE {1}")
    @CsvSource({"2,NO ACTION", "2,CASCADE", "2,SET NULL", "8,NO ACTION", "8,CASCADE", "4,RESTRICT"})
    void noCommittedChildEverLosesItsParent(int isolation, String action) throws Exception {
        String url = "jdbc:lightning:" + dir.resolve("db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE parent (id INT PRIMARY KEY)");
            s.executeUpdate("CREATE TABLE child (id INT PRIMARY KEY, pid INT REFERENCES parent ON DELETE " + action + ")");
        }
        AtomicInteger ids = new AtomicInteger(1000);
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(CompletableFuture.runAsync(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    c.setTransactionIsolation(isolation);
                    c.setAutoCommit(false);
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 150; i++) {
                        try {
                            for (int n = 0; n < 2; n++) {
                                step(c, random, ids);
                            }
                            if (random.nextInt(4) == 0) {
                                c.rollback();
                            } else {
                                c.commit();
                            }
                        } catch (SQLException e) {
                            if (!EXPECTED.contains(e.getSQLState())) {
                                unexpected.add(e.getSQLState() + " " + e.getMessage());
                            }
                            c.rollback();
                        }
                    }
                } catch (SQLException e) {
                    unexpected.add(e.getSQLState() + " " + e.getMessage());
                }
            }));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        assertThat(unexpected).isEmpty();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM child c WHERE c.pid IS NOT NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM parent p WHERE p.id = c.pid)")) {
            r.next();
            assertThat(r.getLong(1)).isZero();
        }
    }

    /** One statement of a worker: make a parent, add a child, move a child, or delete a parent (five hot keys). */
    private static void step(Connection c, ThreadLocalRandom random, AtomicInteger ids) throws SQLException {
        int parent = random.nextInt(5);
        switch (random.nextInt(4)) {
            case 0 -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO parent VALUES (?) ON CONFLICT DO NOTHING")) {
                    p.setInt(1, parent);
                    p.executeUpdate();
                }
            }
            case 1 -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO child VALUES (?, ?)")) {
                    p.setInt(1, ids.incrementAndGet());
                    p.setInt(2, parent);
                    p.executeUpdate();
                }
            }
            case 2 -> {
                try (PreparedStatement p = c.prepareStatement("UPDATE child SET pid = ? WHERE id % 5 = ?")) {
                    p.setInt(1, parent);
                    p.setInt(2, random.nextInt(5));
                    p.executeUpdate();
                }
            }
            default -> {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM parent WHERE id = ?")) {
                    p.setInt(1, parent);
                    p.executeUpdate();
                }
            }
        }
    }
}
