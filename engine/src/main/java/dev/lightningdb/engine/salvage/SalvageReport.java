package dev.lightningdb.engine.salvage;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Salvage#recover} did.
 *
 * @param source            the damaged database directory
 * @param output            the directory that now holds the clean database ({@code source} itself when forced)
 * @param keptDamagedFiles  the damaged files, renamed, when the salvage ran in place; empty otherwise
 * @param metaGeneration    generation of the meta page used, or -1 when neither meta page was valid
 * @param pageSize          page size of the damaged file (from a meta page, or guessed from the pages)
 * @param pagesScanned      data pages read (the meta area excluded)
 * @param pagesDamaged      pages failing their checksum or naming another page id (all-zero pages excluded)
 * @param leavesUsed        intact leaves whose entries were collected
 * @param leavesSkipped     intact leaves left out as stale: free at the checkpoint used, or written after it
 *                          (their changes are in the WAL)
 * @param keysRecovered     keys in the new database
 * @param valuesLost        keys found in an intact leaf whose overflow chain is damaged (left out)
 * @param walRecords        WAL records replayed on top (the log's intact prefix after the checkpoint)
 * @param problems          what was found damaged, first ones only
 */
public record SalvageReport(Path source, Path output, List<Path> keptDamagedFiles, long metaGeneration, int pageSize, long pagesScanned,
                            long pagesDamaged, long leavesUsed, long leavesSkipped, long keysRecovered, long valuesLost, long walRecords,
                            List<String> problems) {
    public SalvageReport {
        keptDamagedFiles = List.copyOf(keptDamagedFiles);
        problems = List.copyOf(problems);
    }

    @Override
    public String toString() {
        return "salvaged " + source + " into " + output + ": " + keysRecovered + " keys from " + leavesUsed + " intact leaves ("
                + leavesSkipped + " stale skipped), " + walRecords + " WAL records replayed; " + pagesDamaged + " of " + pagesScanned
                + " pages damaged, " + valuesLost + " overflow values lost; meta generation " + metaGeneration + ", page size " + pageSize
                + (keptDamagedFiles.isEmpty() ? "" : "; damaged files kept as " + keptDamagedFiles)
                + (problems.isEmpty() ? "" : "; problems: " + problems);
    }
}
