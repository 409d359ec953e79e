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
 * is found). {@code DEFAULT} goes back to the database's {@code lockTimeout}.
 */
final class SessionSettings {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|min|h|d)?");
    /** "Off": the longest the engine accepts. */
    private static final Duration NO_TIMEOUT = Duration.ofDays(1);

    private SessionSettings() {
    }

    static void apply(Session session, Statement.SetOption set) {
        String name = set.name().toUpperCase(Locale.ROOT);
        if (!name.equals("LOCK_TIMEOUT")) {
            throw SqlError.unsupported("SET " + set.name() + " (the settings are: LOCK_TIMEOUT)");
        }
        String value = set.value().trim();
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
