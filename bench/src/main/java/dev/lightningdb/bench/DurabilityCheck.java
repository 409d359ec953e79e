package dev.lightningdb.bench;

import dev.lightningdb.bench.report.Row;
import dev.lightningdb.bench.report.Units;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * Invariant 3 ("nothing a benchmark checks is faked") applied to every row whose settings promise
 * an fsync per commit. Two physical limits, so that no flag has to be kept in sync with the engine:
 * <ol>
 *   <li>A durable commit puts its data on disk: a row whose process wrote less than
 *       {@value #MIN_BYTES_PER_COMMIT} bytes to storage per commit is not durable (any system).</li>
 *   <li>With {@code t} threads, commits that each wait for an fsync cannot outrun {@code t} times
 *       the machine's fsync rate (group commit at best shares one fsync among all committers). This
 *       check is applied to LightningDB rows only, with a margin of {@value #MARGIN}x, since the
 *       disk's speed varies during a run and the peers are durable by their own documentation.</li>
 * </ol>
 * A row failing either is marked not comparable and says why; it turns comparable by itself once
 * its commits really reach the disk. Durable rows also show their bytes written per commit.
 */
final class DurabilityCheck {
    static final int MIN_BYTES_PER_COMMIT = 64;
    private static final double MARGIN = 2.0;

    private DurabilityCheck() {
    }

    /**
     * Checks every row, then extends a failure to the same system's other thread counts of the same
     * workload and settings: durability is a property of the setting, and a loose bound at 32
     * threads must not make a row look durable that is not at 1 thread.
     */
    static List<Row> apply(List<Row> rows, double fsyncPerSecond) {
        List<Row> checked = rows.stream().map(r -> check(r, fsyncPerSecond)).toList();
        Set<String> failed = new HashSet<>();
        for (Row r : checked) {
            if (r.durable() && !r.comparable()) {
                failed.add(key(r));
            }
        }
        return checked.stream().map(r -> r.durable() && r.comparable() && failed.contains(key(r))
                ? r.notComparable("not durable at another thread count of this workload (see there), so not here either")
                : r).toList();
    }

    private static String key(Row r) {
        return r.system() + "|" + r.workload() + "|" + r.settings();
    }

    static Row check(Row r, double fsyncPerSecond) {
        if (!r.durable() || r.measurement() == null) {
            return r;
        }
        double perCommit = r.measurement().bytesPerCommit();
        if (!Double.isNaN(perCommit) && perCommit < MIN_BYTES_PER_COMMIT) {
            return r.notComparable(String.format(Locale.ROOT, "wrote %s to disk per commit: its commits are not durable",
                    Units.bytes(perCommit)));
        }
        double limit = MARGIN * r.threads() * fsyncPerSecond;
        if (r.lightning() && fsyncPerSecond > 0 && r.measurement().opsPerSec() > limit) {
            return r.notComparable(String.format(Locale.ROOT, "faster than %d thread(s) x this disk's %.0f fsyncs/s: its commits "
                    + "are not all forced to disk, so this is not a durable rate", r.threads(), fsyncPerSecond));
        }
        return Double.isNaN(perCommit) ? r : r.withNote("writes " + Units.bytes(perCommit) + " per commit");
    }
}
