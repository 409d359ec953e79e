package dev.lightningdb.sql.session;

import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.parser.SqlParser;
import dev.lightningdb.sql.plan.CompiledQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed statements and compiled plans by current schema and statement text, shared by every session
 * of a database, so that tools sending the same text through plain {@code Statement}s parse and plan
 * it once. Least recently used entries go first. Invariants:
 * <ol>
 *   <li>A cached {@link Statement} is never validated by Calcite (validation rewrites SqlNodes in
 *       place; compilation always works on a fresh parse), so it can be shared.
 *   <li>A cached plan is returned only for the catalog version it was planned against.
 *   <li>Plans shared by texts that differ in literals ({@link LiteralLifting}) live apart from plans by
 *       text, so no statement text can ever name one.
 *   <li>Every entry is for one current schema (the text's unqualified names resolve there): a session
 *       in another schema never gets it.
 * </ol>
 */
final class StatementCache {
    private static final int CAPACITY = 2000;

    /** A parsed statement and its plan, if one was made (not named Entry: inside the LinkedHashMap subclasses below that name means Map.Entry to javac 25). */
    private record Cached(Statement statement, CompiledQuery plan) {
    }

    /** A statement text as parsed for sessions whose current schema is {@code schema}. */
    private record Key(String schema, String sql) {
    }

    private final Map<Key, Cached> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
            return size() > CAPACITY;
        }
    };

    /** A plan shared by lifted texts, for one catalog version; no plan if the lifted text does not plan. */
    record LiftedPlan(CompiledQuery plan, long catalogVersion) {
    }

    private final Map<Key, LiftedPlan> lifted = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, LiftedPlan> eldest) {
            return size() > CAPACITY;
        }
    };

    /** What planning the texts whose literals lift to {@code key} in {@code schema} gave against {@code catalogVersion}, or null. */
    LiftedPlan liftedPlan(String schema, String key, long catalogVersion) {
        synchronized (lifted) {
            LiftedPlan p = lifted.get(new Key(schema, key));
            return p != null && p.catalogVersion() == catalogVersion ? p : null;
        }
    }

    /** Records the plan (null: none) for {@code key} in {@code schema}; only committed catalog versions are shared. */
    LiftedPlan storeLiftedPlan(String schema, String key, long catalogVersion, CompiledQuery plan) {
        LiftedPlan p = new LiftedPlan(plan, catalogVersion);
        if (CatalogView.shared(catalogVersion)) {
            synchronized (lifted) {
                lifted.put(new Key(schema, key), p);
            }
        }
        return p;
    }

    /** The parsed statement for {@code sql} in current schema {@code schema} (invariant 1: never to be validated). */
    Statement parse(String schema, String sql) {
        Key key = new Key(schema, sql);
        synchronized (entries) {
            Cached e = entries.get(key);
            if (e != null) {
                return e.statement();
            }
        }
        Statement parsed = SqlParser.parse(sql, schema);
        synchronized (entries) {
            entries.putIfAbsent(key, new Cached(parsed, null));
        }
        return parsed;
    }

    /** The plan for {@code sql} in {@code schema} made against {@code catalogVersion}, or null (invariant 2). */
    CompiledQuery plan(String schema, String sql, long catalogVersion) {
        if (!CatalogView.shared(catalogVersion)) {
            return null;
        }
        synchronized (entries) {
            Cached e = entries.get(new Key(schema, sql));
            return e != null && e.plan() != null && e.plan().catalogVersion() == catalogVersion ? e.plan() : null;
        }
    }

    void storePlan(String schema, String sql, Statement statement, CompiledQuery plan) {
        if (!CatalogView.shared(plan.catalogVersion())) {
            return; // planned against uncommitted DDL or a session's temporary tables: private to it
        }
        Key key = new Key(schema, sql);
        synchronized (entries) {
            Cached e = entries.get(key);
            entries.put(key, new Cached(e != null ? e.statement() : statement, plan));
        }
    }
}
