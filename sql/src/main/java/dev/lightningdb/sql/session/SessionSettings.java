package dev.lightningdb.sql.session;

import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.result.SqlError;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SET name value} for the settings a session has. {@code LOCK_TIMEOUT} takes milliseconds
 * ({@code 5000}) or a PostgreSQL duration ({@code '5s'}, {@code '250ms'}, {@code '1min'}); as in
 * PostgreSQL, 0 turns the timeout off (a wait then lasts until the lock is granted or a deadlock
 * is found). {@code DEFAULT} goes back to the database's {@code lockTimeout}. {@code SCHEMA} (H2,
 * PostgreSQL) and {@code search_path} (PostgreSQL) set the session's current schema.
 * {@code REFERENTIAL_INTEGRITY TRUE | FALSE} (H2) turns the session's foreign key checks and
 * actions on or off.
 */
final class SessionSettings {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|min|h|d)?");
    /** "Off": the longest the engine accepts. */
    private static final Duration NO_TIMEOUT = Duration.ofDays(1);

    private SessionSettings() {
    }

    static void apply(Session session, Statement.SetOption set) {
        String name = set.name().toUpperCase(Locale.ROOT);
        switch (name) {
            case "LOCK_TIMEOUT" -> lockTimeout(session, set);
            case "SCHEMA" -> session.setSchema(existing(session, single(set)));
            case "SEARCH_PATH" -> searchPath(session, set);
            case "REFERENTIAL_INTEGRITY" -> session.setReferentialIntegrity(bool(set));
            default -> throw new SqlError(SqlError.SYNTAX, "Unknown setting " + set.name() + " (the settings are: LOCK_TIMEOUT, SCHEMA,"
                    + " SEARCH_PATH, REFERENTIAL_INTEGRITY)");
        }
    }

    /**
     * The schema {@code written} names: itself if it exists, else its upper-case spelling if that
     * exists (a string like {@code 'public'} meaning the folded name PUBLIC), else itself.
     */
    private static String existing(Session session, String written) {
        java.util.Set<String> schemas = session.catalog().schemas();
        String folded = written.toUpperCase(Locale.ROOT);
        return !schemas.contains(written) && schemas.contains(folded) ? folded : written;
    }

    private static boolean bool(Statement.SetOption set) {
        String v = single(set).toUpperCase(Locale.ROOT);
        return switch (v) {
            case "TRUE", "ON", "1" -> true;
            case "FALSE", "OFF", "0" -> false;
            default -> throw new SqlError("22023", "Invalid value for " + set.name() + ": '" + set.value() + "' (TRUE or FALSE)");
        };
    }

    private static String single(Statement.SetOption set) {
        if (set.values().size() != 1) {
            throw new SqlError(SqlError.SYNTAX, "SET " + set.name() + " takes one value");
        }
        return set.value();
    }

    /**
     * PostgreSQL's {@code SET search_path TO a, b}: the first schema of the list that exists becomes
     * the current one (PostgreSQL skips missing ones too); names resolve in that schema only.
     */
    private static void searchPath(Session session, Statement.SetOption set) {
        for (String schema : set.values()) {
            String name = existing(session, schema);
            if (session.catalog().schemas().contains(name)) {
                session.setSchema(name);
                return;
            }
        }
        throw new SqlError("3F000", "None of the schemas of search_path exists: " + String.join(", ", set.values()));
    }

    private static void lockTimeout(Session session, Statement.SetOption set) {
        String value = single(set).trim();
        if (value.equalsIgnoreCase("DEFAULT")) {
            session.setLockTimeout(null);
            return;
        }
        Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new SqlError("22023", "Invalid value for LOCK_TIMEOUT: '" + set.value() + "' (milliseconds, or a number with ms, s, min, h or d)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        Duration d = switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofMillis(n);
        };
        session.setLockTimeout(d.isZero() || d.compareTo(NO_TIMEOUT) > 0 ? NO_TIMEOUT : d);
    }
}
