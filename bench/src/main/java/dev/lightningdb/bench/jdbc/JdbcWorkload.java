package dev.lightningdb.bench.jdbc;

import java.util.List;

/** The JDBC workloads, each one {@link JdbcBench} method. */
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
    YCSB_E("ycsbE", "YCSB E: 95% short scan (1-100 rows) / 5% insert", List.of(1, 8), false);

    private final String method;
    private final String label;
    private final List<Integer> threads;
    private final boolean commitBound;

    JdbcWorkload(String method, String label, List<Integer> threads, boolean commitBound) {
        this.method = method;
        this.label = label;
        this.threads = threads;
        this.commitBound = commitBound;
    }

    public String method() {
        return method;
    }

    public String label() {
        return label;
    }

    public List<Integer> threads() {
        return threads;
    }

    /** Whether most operations commit a write: these also run at "synchronous commit". */
    public boolean commitBound() {
        return commitBound;
    }
}
