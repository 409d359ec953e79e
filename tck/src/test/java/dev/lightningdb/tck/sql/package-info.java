/**
 * Randomized SQL conformance tests (issue 7, "What it must show"):
 * <ul>
 *   <li>{@link dev.lightningdb.tck.sql.DifferentialTest}: random schemas, data, queries and DML on LightningDB and
 *       H2; results must agree (multisets, or lists where ORDER BY fixes the order), and so must failures.</li>
 *   <li>{@link dev.lightningdb.tck.sql.TernaryLogicPartitioningTest}: Q equals Q WHERE p, Q WHERE NOT p and
 *       Q WHERE p IS NULL together, on LightningDB (and H2 for the queries it understands).</li>
 *   <li>{@link dev.lightningdb.tck.sql.GrammarFuzzTest}: random and mutated statements fail only with a clean
 *       SQLException, never hang, and never change the database when rejected.</li>
 * </ul>
 * Generators: {@code SchemaGenerator} (tables and rows), {@code ExpressionGenerator} (typed expressions with
 * overflow bounds), {@code AggregateGenerator}, {@code SubqueryGenerator}, {@code QueryGenerator},
 * {@code DmlGenerator}, {@code StatementMutator}; comparison: {@code ResultNormalizer}, {@code ResultComparer}.
 *
 * <p>Every test prints its seed; {@code -Dlightning.seed=N} replays it, {@code -Dlightning.<size>=N} resizes it
 * (see {@code TestSeeds}). Constructs LightningDB gets wrong are switched off in {@link dev.lightningdb.tck.sql.Feature}
 * (each switch names the bug and a repro; {@code -Dlightning.features.enable=NAME} turns one back on), and
 * internal errors already reported are listed in {@code KnownBugs} ({@code -Dlightning.sql.strict=true} fails on
 * them too). A disagreement writes a repro script under {@code tck/target/sql-repro/}.
 *
 * <p>The {@code stress*} methods are tagged {@code stress}: {@code mvn -B -pl tck -am test -Pstress
 * -Dtest='dev.lightningdb.tck.sql.*Test#stress*' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
package dev.lightningdb.tck.sql;
