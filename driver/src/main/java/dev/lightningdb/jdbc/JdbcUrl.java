package dev.lightningdb.jdbc;

import dev.lightningdb.engine.common.LightningDbConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:lightning:} URL: {@code jdbc:lightning:<path>[?k=v&...]} for a database
 * directory, {@code jdbc:lightning:mem:<name>[?...]} for a named in-memory database. Settings are
 * {@link LightningDbConfig} knobs by name (URL parameters win over {@code Properties}); the JDBC
 * properties {@code user} and {@code password} are accepted and ignored (no authentication).
 * {@code referentialIntegrity=false} is a setting of each connection rather than of the engine: its
 * statements neither check foreign keys nor apply their actions ({@code SET REFERENTIAL_INTEGRITY}).
 */
record JdbcUrl(String url, boolean inMemory, String name, Path path, Map<String, String> settings) {
    static final String PREFIX = "jdbc:lightning:";
    private static final java.util.Set<String> IGNORED = java.util.Set.of("user", "password");
    static final String REFERENTIAL_INTEGRITY = "referentialIntegrity";

    static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    static JdbcUrl parse(String url, Properties info) throws SQLException {
        if (!accepts(url)) {
            throw new SQLException("Not a LightningDB URL (expected " + PREFIX + "<path> or " + PREFIX + "mem:<name>): " + url, "08001");
        }
        String rest = url.substring(PREFIX.length());
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                if (!IGNORED.contains(key)) {
                    settings.put(key, info.getProperty(key));
                }
            }
        }
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new SQLException("Malformed URL parameter '" + pair + "' in " + url + " (expected name=value)", "08001");
                }
                String key = decode(pair.substring(0, eq), url);
                if (!IGNORED.contains(key)) {
                    settings.put(key, decode(pair.substring(eq + 1), url));
                }
            }
        }
        boolean mem = rest.regionMatches(true, 0, "mem:", 0, 4);
        String name = mem ? rest.substring(4) : rest;
        if (name.isEmpty()) {
            throw new SQLException("The URL names no database: " + url + " (expected " + PREFIX + "./data/app or " + PREFIX
                    + "mem:name)", "08001");
        }
        Path path = null;
        if (!mem) {
            try {
                path = Path.of(name).toAbsolutePath().normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw new SQLException("Invalid database path in " + url + ": " + e.getMessage(), "08001", e);
            }
        }
        String integrity = settings.get(REFERENTIAL_INTEGRITY);
        if (integrity != null && !integrity.equalsIgnoreCase("true") && !integrity.equalsIgnoreCase("false")) {
            throw new SQLException("Invalid setting in " + url + ": " + REFERENTIAL_INTEGRITY + " must be true or false, not '" + integrity
                    + "'", "08001");
        }
        return new JdbcUrl(url, mem, name, path, Map.copyOf(settings));
    }

    /** Whether this URL's connections enforce foreign keys (true unless {@code referentialIntegrity=false}). */
    boolean referentialIntegrity() {
        return !"false".equalsIgnoreCase(settings.get(REFERENTIAL_INTEGRITY));
    }

    /** The engine configuration these settings describe. */
    LightningDbConfig config() throws SQLException {
        LightningDbConfig.Builder b = LightningDbConfig.builder();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getKey().equals(REFERENTIAL_INTEGRITY)) {
                continue; // a session setting
            }
            try {
                b.set(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new SQLException("Invalid setting in " + url + ": " + ex.getMessage(), "08001", ex);
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw new SQLException("Invalid settings in " + url + ": " + ex.getMessage(), "08001", ex);
        }
    }

    /** The registry key: one engine per path (or memory name) per JVM. */
    String key() {
        return inMemory ? "mem:" + name : path.toString();
    }

    private static String decode(String s, String url) throws SQLException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SQLException("Malformed escape in URL " + url + ": " + e.getMessage(), "08001", e);
        }
    }
}
