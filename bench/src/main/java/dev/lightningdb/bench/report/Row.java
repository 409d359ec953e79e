package dev.lightningdb.bench.report;

/**
 * One line of a result table: one system on one workload. Exactly one of {@code measurement} and
 * {@code outcome} is set: the numbers, or why there are none ("not supported yet: ...",
 * "failed: ...", "n/a: ..."). Rows with the same {@code group} are compared with the LightningDB
 * row of that group, unless that row is not {@code comparable}.
 */
public record Row(String workload, int threads, String system, boolean lightning, String settings, String group,
                  Measurement measurement, String outcome, String note, boolean comparable) {

    public static Row measured(String workload, int threads, String system, boolean lightning, String settings,
                               String group, Measurement m, String note) {
        return new Row(workload, threads, system, lightning, settings, group, m, null, note, true);
    }

    public static Row missing(String workload, int threads, String system, boolean lightning, String settings,
                              String group, String outcome, String note) {
        return new Row(workload, threads, system, lightning, settings, group, null, outcome, note, true);
    }

    /**
     * This row, marked as not comparable: a LightningDB row that does not do what its peers do
     * (e.g. "durable" commits without a WAL) gives no ratios, only its own numbers.
     */
    public Row notComparable() {
        return new Row(workload, threads, system, lightning, settings, group, measurement, outcome, note, false);
    }

    /** Why a system produced no numbers: LightningDB "cannot do it yet", a peer "failed". */
    public static String failure(boolean lightning, String reason) {
        return (lightning ? "not supported yet: " : "failed: ") + reason;
    }
}
