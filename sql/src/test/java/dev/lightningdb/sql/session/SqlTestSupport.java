package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.Result;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.result.UpdateCount;
import dev.lightningdb.sql.session.Database;
import dev.lightningdb.sql.session.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh in-memory database and session per test, with helpers that read whole results. */
abstract class SqlTestSupport {
    Database db;
    Session session;

    @BeforeEach
    void openDatabase() {
        db = Database.open(LightningDb.inMemory());
        session = db.newSession();
    }

    @AfterEach
    void closeDatabase() {
        session.close();
        db.close();
    }

    long update(String sql, Object... params) {
        return ((UpdateCount) session.execute(sql, params)).count();
    }

    /** Every row of the query, each as a list of external values. */
    List<List<Object>> rows(String sql, Object... params) {
        List<List<Object>> out = new ArrayList<>();
        try (QueryResult r = (QueryResult) session.execute(sql, params)) {
            while (r.next()) {
                out.add(Arrays.asList(r.row()));
            }
        }
        return out;
    }

    Object single(String sql, Object... params) {
        List<List<Object>> r = rows(sql, params);
        if (r.size() != 1 || r.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + sql + ", got " + r);
        }
        return r.get(0).get(0);
    }

    AbstractThrowableAssert<?, ? extends Throwable> assertFails(String sqlState, String sql, Object... params) {
        return assertThatThrownBy(() -> {
            Result r = session.execute(sql, params);
            if (r instanceof QueryResult q) {
                try (q) {
                    while (q.next()) {
                        // drain: errors may surface while rows are produced
                    }
                }
            }
        }).isInstanceOf(SqlError.class).hasFieldOrPropertyWithValue("sqlState", sqlState);
    }
}
