package dev.lightningdb.bench.report;

/**
 * One line of a result table: one system on one workload. Exactly one of {@code measurement} and
 * {@code outcome} is set: the numbers, or why there are none ("not supported yet: ...",
 * "failed: ...", "n/a: ..."). Rows with the same {@code group} are compared with the LightningDB
 * row of that group.
 */
public record Row(String workload, int threads, String system, boolean lightning, String settings, String group,
                  Measurement measurement, String outcome, String note) {

    public static Row measured(String workload, int threads, String system, boolean lightning, String settings,
                               String group, Measurement m, String note) {
        return new Row(workload, threads, system, lightning, settings, group, m, null, note);
    }

    public static Row missing(String workload, int threads, String system, boolean lightning, String settings,
                              String group, String outcome, String note) {
        return new Row(workload, threads, system, lightning, settings, group, null, outcome, note);
    }

    /** Why a system produced no numbers: LightningDB "cannot do it yet", a peer "failed". */
    public static String failure(boolean lightning, String reason) {
        return (lightning ? "not supported yet: " : "failed: ") + reason;
    }
}
