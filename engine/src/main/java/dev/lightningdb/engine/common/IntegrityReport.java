package dev.lightningdb.engine.common;

import dev.lightningdb.engine.LightningDb;
import java.util.List;

/**
 * What {@link LightningDb#verifyIntegrity()} found. It never throws for damage: every problem is
 * named in {@link #problems()}.
 *
 * @param pagesChecked pages (or entries, for stores without pages) walked
 * @param entriesChecked key/value entries walked
 * @param problems one readable line per problem; empty when the store is clean
 */
public record IntegrityReport(long pagesChecked, long entriesChecked, List<String> problems) {
    public IntegrityReport {
        problems = List.copyOf(problems);
    }

    public boolean isClean() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return (isClean() ? "clean" : problems.size() + " problem(s)") + ": " + pagesChecked + " pages, "
                + entriesChecked + " entries" + (isClean() ? "" : "\n  " + String.join("\n  ", problems));
    }
}
