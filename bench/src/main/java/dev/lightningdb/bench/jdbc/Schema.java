package dev.lightningdb.bench.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tables, rows and statements every driver gets. {@code item} is the YCSB-like main table
 * (ids 0..rows-1 after loading); {@code grp} has {@value #GROUPS} rows for the join.
 */
public final class Schema {
    public static final int GROUPS = 100;
    /** Logical bytes of one item row: id 8 + grp 4 + name 32 + val 8 + payload 100. */
    public static final int ROW_BYTES = 8 + 4 + 32 + 8 + 100;

    public static final String COLUMNS = "id, grp, name, val, payload";
    public static final String POINT_SELECT = "SELECT " + COLUMNS + " FROM item WHERE id = ?";
    public static final String RANGE_SELECT = "SELECT " + COLUMNS + " FROM item WHERE id >= ? AND id < ? ORDER BY id";
    public static final String INSERT = "INSERT INTO item (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
    public static final String UPDATE = "UPDATE item SET val = ?, payload = ? WHERE id = ?";
    public static final String JOIN_AGGREGATE = "SELECT g.name, COUNT(*), SUM(i.val) FROM item i JOIN grp g ON g.id = i.grp"
            + " WHERE i.id >= ? AND i.id < ? GROUP BY g.name ORDER BY g.name";
    public static final String INSERT_GROUP = "INSERT INTO grp (id, name) VALUES (?, ?)";

    private static final String[] PAYLOADS = new String[256];

    static {
        SplittableRandom r = new SplittableRandom(7);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < PAYLOADS.length; i++) {
            StringBuilder sb = new StringBuilder(100);
            for (int j = 0; j < 100; j++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            PAYLOADS[i] = sb.toString();
        }
    }

    private Schema() {
    }

    /** CREATE TABLE statements, with the driver's type for the primary key of {@code item}. */
    public static List<String> ddl(String idType) {
        return List.of(
                "CREATE TABLE grp (id INT NOT NULL PRIMARY KEY, name VARCHAR(32) NOT NULL)",
                "CREATE TABLE item (id " + idType + " NOT NULL PRIMARY KEY, grp INT NOT NULL, name VARCHAR(32) NOT NULL,"
                        + " val BIGINT NOT NULL, payload VARCHAR(100) NOT NULL)");
    }

    /** A 100-character payload; {@code salt} picks one of a fixed pool. */
    public static String payload(long salt) {
        return PAYLOADS[(int) (salt & (PAYLOADS.length - 1))];
    }

    /** Binds the parameters of {@link #INSERT} for the row with {@code id}. */
    public static void bindInsert(PreparedStatement ps, long id) throws SQLException {
        ps.setLong(1, id);
        ps.setInt(2, (int) (id % GROUPS));
        ps.setString(3, "name-" + (id % 1000));
        ps.setLong(4, id);
        ps.setString(5, payload(id));
    }

    /** Reads every column of every row of {@code rs} and returns the number of rows. */
    public static int consumeRows(ResultSet rs) throws SQLException {
        int n = 0;
        while (rs.next()) {
            if (rs.getLong(1) + rs.getInt(2) + rs.getString(3).length() + rs.getLong(4) + rs.getString(5).length() != Long.MIN_VALUE) {
                n++;
            }
        }
        return n;
    }
}
