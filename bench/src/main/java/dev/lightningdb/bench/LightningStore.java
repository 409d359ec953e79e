package dev.lightningdb.bench;

/**
 * Which store stands behind LightningDB in this build, so that the notes on its rows stay true
 * without anyone editing them: the interim store (a map in memory, written to a file at close)
 * is recognised by its class, which the paged store replaces.
 */
public final class LightningStore {
    private static final String INTERIM_CLASS = "dev.lightningdb.engine.store.SnapshotFileStore";

    private LightningStore() {
    }

    /** Whether LightningDB still runs on the interim in-memory store. */
    public static boolean interim() {
        try {
            Class.forName(INTERIM_CLASS, false, LightningStore.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The note for LightningDB rows: what the interim store means for them, or empty. */
    public static String note() {
        return interim() ? "interim in-memory store (paged store not merged yet), written to disk only at close" : "";
    }
}
