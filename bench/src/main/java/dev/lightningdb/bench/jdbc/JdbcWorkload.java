package dev.lightningdb.bench.jdbc;

import java.util.List;

/**
 * The JDBC workloads, each one benchmark method: of {@link JdbcBench} on the loaded {@code item}
 * table, or, for the contended increments, of {@link ContendedIncBench} on a table of its own.
 */
public enum JdbcWorkload {
    POINT_SELECT("pointSelect", "prepared point select by primary key (uniform keys)", List.of(1), false),
    BATCH_INSERT("batchInsert", "batched insert (per row, batches of 1000, commit per batch)", List.of(1), false),
    INSERT_AUTOCOMMIT("insertAutoCommit", "single-row insert, auto-commit", List.of(1), true),
    RANGE_SELECT("rangeSelect", "range select of 1,000 rows", List.of(1), false),
    UPDATE_BY_KEY("updateByKey", "update by key, auto-commit", List.of(1), true),
    JOIN_AGGREGATE("joinAggregate", "join of 2 tables + GROUP BY over 1,000 rows", List.of(1), false),
    YCSB_A("ycsbA", "YCSB A: 50% read / 50% update", List.of(1, 8), true),
    YCSB_B("ycsbB", "YCSB B: 95% read / 5% update", List.of(1, 8), false),
    // One thread of YCSB C is the point select above with zipfian keys: run it with 8 threads only.
    YCSB_C("ycsbC", "YCSB C: read only", List.of(8), false),
    YCSB_E("ycsbE", "YCSB E: 95% short scan (1-100 rows) / 5% insert", List.of(1, 8), false),
    // Writers of the same rows: each transaction increments one of H hot rows and commits. Run at
    // each driver's default durability only, on the drivers that say how (JdbcSystem.contendedSettings).
    CONTENDED_INC_H1(1, "contended increment of 1 hot row, READ COMMITTED (per committed transaction)"),
    CONTENDED_INC_H10(10, "contended increment of 1 of 10 hot rows, READ COMMITTED (per committed transaction)"),
    CONTENDED_INC_H1000(1000, "contended increment of 1 of 1,000 hot rows, READ COMMITTED (per committed transaction)"),
    // The cost of a foreign key: the same inserts into a child table, checked and not (ForeignKeyInsertBench).
    FK_CHILD_INSERT(true, "single-row insert into a child table, foreign key enforced, auto-commit"),
    FK_CHILD_INSERT_UNCHECKED(false, "single-row insert into a child table, SET REFERENTIAL_INTEGRITY FALSE, auto-commit");

    private final String method;
    private final String label;
    private final List<Integer> threads;
    private final boolean commitBound;
    /** Hot rows of a contended-increment workload; 0 for the others. */
    private final int hotRows;
    /** A foreign key workload: whether it enforces the key; null for the others. */
    private final Boolean enforce;

    JdbcWorkload(String method, String label, List<Integer> threads, boolean commitBound) {
        this.method = method;
        this.label = label;
        this.threads = threads;
        this.commitBound = commitBound;
        this.hotRows = 0;
        this.enforce = null;
    }

    JdbcWorkload(boolean enforce, String label) {
        this.method = "childInsert";
        this.label = label;
        this.threads = List.of(1);
        this.commitBound = true;
        this.hotRows = 0;
        this.enforce = enforce;
    }

    JdbcWorkload(int hotRows, String label) {
        this.method = "contendedInc";
        this.label = label;
        this.threads = List.of(1, 8, 32);
        this.commitBound = true;
        this.hotRows = hotRows;
        this.enforce = null;
    }

    public String method() {
        return method;
    }

    /**
     * The workload's name in {@code --only} and in the logs: the method, and for the contended
     * increments also the hot rows and threads, e.g. {@code contendedInc-h1-t8}.
     */
    public String name(int threads) {
        return contended() ? method + "-h" + hotRows + "-t" + threads : foreignKeys() ? method + (enforce ? "-fk" : "-nofk") : method;
    }

    public String label() {
        return label;
    }

    public List<Integer> threads() {
        return threads;
    }

    /** Whether most operations commit a write (the rows of a driver that fsyncs every commit claim durability). */
    public boolean commitBound() {
        return commitBound;
    }

    /** Whether this workload also runs at "synchronous commit": the commit-bound ones on the loaded table. */
    public boolean alsoSynchronous() {
        return commitBound && !contended() && !foreignKeys();
    }

    /** Whether this is a contended-increment workload ({@link ContendedIncBench}, no loaded fixture). */
    public boolean contended() {
        return hotRows > 0;
    }

    /** Whether this is a foreign key workload ({@link ForeignKeyInsertBench}, no loaded fixture, LightningDB and H2 only). */
    public boolean foreignKeys() {
        return enforce != null;
    }

    /** The JMH parameters of a workload without the loaded fixture. */
    public java.util.Map<String, String> params() {
        return contended() ? java.util.Map.of("hotRows", Integer.toString(hotRows))
                : foreignKeys() ? java.util.Map.of("enforce", enforce.toString()) : java.util.Map.of();
    }

    /** Hot rows of a contended-increment workload; 0 for the others. */
    public int hotRows() {
        return hotRows;
    }

    /** Whether this workload runs on {@code s} (every driver runs the others; the contended ones where settings exist). */
    public boolean runsOn(JdbcSystem s) {
        if (foreignKeys()) {
            return !s.synchronousVariant() && (s.isLightning() || s.id().equals("h2")); // the drivers with SET REFERENTIAL_INTEGRITY
        }
        return contended() ? !s.synchronousVariant() && s.contendedSettings() != null : !s.synchronousVariant() || alsoSynchronous();
    }

    /** The JMH benchmark class holding {@link #method()}. */
    public Class<?> benchClass() {
        return contended() ? ContendedIncBench.class : foreignKeys() ? ForeignKeyInsertBench.class : JdbcBench.class;
    }
}
