package dev.lightningdb.sql.result;

import java.util.List;

/**
 * Which values of the rows an INSERT wrote the statement hands back (JDBC's generated keys):
 * none, the identity values the INSERT generated, or named or numbered columns of every row
 * written. UPDATE and DELETE hand back nothing.
 *
 * @param identity whether to return the generated identity values
 * @param names columns by name (exact match first, then ignoring case; a double-quoted name matches
 *     exactly), or null
 * @param indexes columns by 1-based position in the table, or null
 */
public record KeyRequest(boolean identity, List<String> names, int[] indexes) {
    public static final KeyRequest NONE = new KeyRequest(false, null, null);
    public static final KeyRequest IDENTITY = new KeyRequest(true, null, null);

    public static KeyRequest columns(String... names) {
        return new KeyRequest(false, List.of(names), null);
    }

    public static KeyRequest indexes(int... indexes) {
        return new KeyRequest(false, null, indexes.clone());
    }

    public boolean isNone() {
        return !identity && names == null && indexes == null;
    }
}
