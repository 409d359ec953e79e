package dev.lightningdb.bench.report;

/**
 * One line of a result table: one system on one workload. Exactly one of {@code measurement} and
 * {@code outcome} is set: the numbers, or why there are none ("not supported yet: ...",
 * "failed: ...", "n/a: ..."). Rows with the same {@code group} are compared with the LightningDB
 * row of that group, unless that row is not {@code comparable}.
 */
public record Row(String workload, int threads, String system, boolean lightning, String settings, String group,
                  Measurement measurement, String outcome, String note, boolean comparable, boolean durable) {

    public static Row measured(String workload, int threads, String system, boolean lightning, String settings,
                               String group, Measurement m, String note) {
        return new Row(workload, threads, system, lightning, settings, group, m, null, note, true, false);
    }

    public static Row missing(String workload, int threads, String system, boolean lightning, String settings,
                              String group, String outcome, String note) {
        return new Row(workload, threads, system, lightning, settings, group, null, outcome, note, true, false);
    }

    /** This row, marked as one whose settings promise an fsync before each commit returns. */
    public Row claimingDurability() {
        return new Row(workload, threads, system, lightning, settings, group, measurement, outcome, note, comparable, true);
    }

    /**
     * This row, marked as not comparable, with {@code why} added to its note: a row that does not do
     * what its peers do (e.g. "durable" commits that are not) gives no ratios, only its own numbers.
     */
    public Row notComparable(String why) {
        return new Row(workload, threads, system, lightning, settings, group, measurement, outcome, appended(why), false, durable);
    }

    /** This row with {@code more} appended to its note. */
    public Row withNote(String more) {
        return new Row(workload, threads, system, lightning, settings, group, measurement, outcome, appended(more), comparable, durable);
    }

    private String appended(String more) {
        return note.isEmpty() ? more : note + "; " + more;
    }

    /** Why a system produced no numbers: LightningDB "cannot do it yet", a peer "failed". */
    public static String failure(boolean lightning, String reason) {
        return (lightning ? "not supported yet: " : "failed: ") + reason;
    }
}
