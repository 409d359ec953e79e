package dev.lightningdb.tck.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The differential suite's generators against PostgreSQL in a container: the same random schemas
 * and queries run on LightningDB and PostgreSQL, and where both answer, the answers must agree as
 * multisets (PostgreSQL sorts NULLs last, LightningDB and H2 first, so order is not compared).
 * Statements only one side rejects are counted and printed, not failed: the dialects differ.
 *
 * <p>Needs a Docker engine; without one JUnit reports the class as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostgresDifferentialTest {
    private static final String PASSWORD = "lightning";

    @Container
    private static final GenericContainer<?> POSTGRES = new GenericContainer<>("postgres:16-alpine")
            .withEnv("POSTGRES_PASSWORD", PASSWORD)
            .withExposedPorts(5432)
            .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2));

    private static Connection postgres() throws SQLException {
        String url = "jdbc:postgresql://" + POSTGRES.getHost() + ":" + POSTGRES.getMappedPort(5432) + "/postgres";
        return DriverManager.getConnection(url, "postgres", PASSWORD);
    }

    /** The generators write H2's spelling of a double; PostgreSQL wants the standard one. */
    private static String forPostgres(String sql) {
        return sql.replaceAll("\\bDOUBLE\\b(?! PRECISION)", "DOUBLE PRECISION");
    }

    @Test
    void randomQueriesAgreeWithPostgres() throws SQLException {
        long seed = TestSeeds.seed("PostgresDifferentialTest");
        int schemas = TestSeeds.size("difftest.postgres.schemas", 4, 4);
        int statements = TestSeeds.size("difftest.postgres.statements", 100, 100);
        List<String> mismatches = new ArrayList<>();
        TreeMap<String, Integer> oneSided = new TreeMap<>();
        int compared = 0;
        for (int s = 0; s < schemas; s++) {
            Schema schema = new SchemaGenerator(new Random(TestSeeds.derive(seed, s))).generate();
            String pgSchema = "difftest_" + s;
            try (Connection lightning = DriverManager.getConnection("jdbc:lightning:mem:pgdiff_" + Long.toHexString(seed) + "_" + s);
                 Connection pg = postgres()) {
                Outcome.run(pg, "DROP SCHEMA IF EXISTS " + pgSchema + " CASCADE");
                Outcome.run(pg, "CREATE SCHEMA " + pgSchema);
                Outcome.run(pg, "SET search_path TO " + pgSchema);
                for (String sql : schema.setupStatements()) {
                    Outcome l = Outcome.run(lightning, sql);
                    Outcome p = Outcome.run(pg, forPostgres(sql));
                    assertThat(l.failed() || p.failed()).as("setup %s\n  PostgreSQL: %s\n  LightningDB: %s", sql, p, l).isFalse();
                }
                for (int q = 0; q < statements; q++) {
                    QueryGenerator.Query query = new QueryGenerator(new Random(TestSeeds.derive(seed, s, q)), schema, true).query();
                    Outcome p = Outcome.run(pg, forPostgres(query.sql()));
                    Outcome l = Outcome.run(lightning, query.sql());
                    if (p.failed() != l.failed()) {
                        oneSided.merge((p.failed() ? "PostgreSQL " + p.error().getSQLState() : "LightningDB " + l.error().getSQLState()),
                                1, Integer::sum);
                    } else if (!p.failed()) {
                        compared++;
                        String diff = ResultComparer.difference(p.rows(), l.rows(), false, "PostgreSQL", "LightningDB");
                        if (diff != null && mismatches.size() < 25) {
                            mismatches.add("seed " + seed + " schema " + s + " statement " + q + ": " + query.sql() + "\n  " + diff);
                        }
                    }
                }
            }
        }
        System.out.printf("PostgresDifferentialTest: %d results compared; rejected by one side only: %s%n", compared, oneSided);
        assertThat(mismatches).as("disagreements between PostgreSQL and LightningDB (seed %d)", seed).isEmpty();
    }
}
