package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random queries over CHAR and UUID columns for the differential test against H2: comparisons of
 * CHAR(n) columns with literals of other lengths (trailing spaces included), with VARCHAR and other
 * CHAR columns, in joins and on a CHAR key; UUIDs ordered, compared and aggregated with MIN/MAX, with
 * values on both sides of the signed/unsigned divide. IN lists over CHAR columns are left out: H2
 * 2.3 compares their literals without padding ({@code c IN ('ab')} misses CHAR(4) 'ab' where
 * {@code c = 'ab'} finds it), PostgreSQL and LightningDB pad them (docs/design.md).
 */
final class PaddedAndUuidQueries {
    private static final String[] TEXTS = {"", "a", "ab", "abc", "b", "ba", "abcd", "bb"};
    private static final String[] UUIDS = {"00000000-0000-0000-0000-000000000001", "7fffffff-ffff-ffff-ffff-ffffffffffff",
        "80000000-0000-0000-0000-000000000000", "00000000-0000-0000-8000-000000000000", "ffffffff-ffff-ffff-ffff-fffffffffff0",
        "00000000-0000-0000-7fff-ffffffffffff", "c0000000-0000-0000-0000-000000000000", "12345678-9abc-def0-1234-56789abcdef0"};
    private static final String[] COMPARISONS = {"=", "<>", "<", "<=", ">", ">="};
    private static final String[] CHAR_COLUMNS = {"c", "c3"};
    private static final String[] TEXT_COLUMNS = {"c", "c3", "v"};
    private static final String[] UUID_COLUMNS = {"u", "u2"};

    private final Random random;

    PaddedAndUuidQueries(Random random) {
        this.random = random;
    }

    /** The tables: {@code pu} (CHAR, VARCHAR and UUID columns) and {@code pk} (a CHAR key). */
    List<String> setup() {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE pu (id INT PRIMARY KEY, c CHAR(5), c3 CHAR(3), v VARCHAR(8), u UUID, u2 UUID)");
        sql.add("CREATE TABLE pk (k CHAR(4) PRIMARY KEY, n INT)");
        for (int id = 0; id < 30; id++) {
            sql.add("INSERT INTO pu VALUES (" + id + ", " + orNull(text(3)) + ", " + orNull(text(3)) + ", "
                    + orNull(text(8)) + ", " + orNull(uuid()) + ", " + orNull(uuid()) + ")");
        }
        for (int i = 0; i < TEXTS.length; i++) {
            if (!TEXTS[i].isEmpty()) {
                sql.add("INSERT INTO pk VALUES ('" + TEXTS[i] + "', " + i + ")");
            }
        }
        return sql;
    }

    /** The next query. */
    String next() {
        return switch (random.nextInt(8)) {
            case 0 -> "SELECT id FROM pu WHERE " + pick(CHAR_COLUMNS) + " " + pick(COMPARISONS) + " " + text(8);
            case 1 -> "SELECT id FROM pu WHERE " + pick(TEXT_COLUMNS) + " " + pick(COMPARISONS) + " " + pick(TEXT_COLUMNS);
            case 2 -> "SELECT a.id, b.id FROM pu a JOIN pu b ON a." + pick(TEXT_COLUMNS) + " = b." + pick(TEXT_COLUMNS);
            case 3 -> "SELECT n FROM pk WHERE k " + pick(COMPARISONS) + " " + text(6);
            case 4 -> "SELECT id, " + pick(UUID_COLUMNS) + " FROM pu ORDER BY " + pick(UUID_COLUMNS)
                    + (random.nextBoolean() ? " DESC" : "") + (random.nextBoolean() ? " NULLS FIRST" : " NULLS LAST") + ", id";
            case 5 -> "SELECT id FROM pu WHERE " + pick(UUID_COLUMNS) + " " + pick(COMPARISONS) + " "
                    + (random.nextBoolean() ? uuid() : pick(UUID_COLUMNS));
            case 6 -> "SELECT MIN(" + pick(UUID_COLUMNS) + "), MAX(" + pick(UUID_COLUMNS) + ") FROM pu"
                    + (random.nextBoolean() ? " WHERE id < " + random.nextInt(30) : "");
            default -> "SELECT c3, MAX(u), MIN(u2) FROM pu GROUP BY c3";
        };
    }

    /** A string literal of up to {@code maxLength} characters: a text and some trailing spaces. */
    private String text(int maxLength) {
        String t = pick(TEXTS);
        t = t + " ".repeat(random.nextInt(3));
        return "'" + (t.length() > maxLength ? t.substring(0, maxLength) : t) + "'";
    }

    private String uuid() {
        return "'" + pick(UUIDS) + "'";
    }

    private String orNull(String literal) {
        return random.nextInt(6) == 0 ? "NULL" : literal;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
