package dev.lightningdb.tck.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.tck.mybatis.MyBatisDatabase.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MyBatis's own pool ({@code PooledDataSource}): before it hands out an idle connection again it
 * pings it with the ping query, and a connection whose ping fails is counted bad and dropped. Here the
 * ping query draws from a sequence, so the pings can be counted. Run on LightningDB and on H2.
 */
class MyBatisPoolTest {
    private static final String PING = "SELECT NEXT VALUE FOR ping_seq";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void idleConnectionsArePingedBeforeReuse(Kind kind) throws Exception {
        try (MyBatisDatabase db = new MyBatisDatabase(kind, PING)) {
            int sessions = 5;
            for (int i = 0; i < sessions; i++) {
                try (SqlSession session = db.factory.openSession()) {
                    session.getMapper(LibraryMapper.class).countBooks();
                }
                // the pool pings a connection idle for longer than poolPingConnectionsNotUsedFor (0 ms)
                Thread.sleep(2);
            }
            try (SqlSession session = db.factory.openSession()) {
                assertThat(next(session)).as("one ping per reuse, then this draw").isGreaterThan(sessions);
            }
            assertThat(db.pool().getPoolState().getBadConnectionCount()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void threadsShareThePoolWithoutBadConnections(Kind kind) throws Exception {
        int threads = 4;
        int each = 15;
        try (MyBatisDatabase db = new MyBatisDatabase(kind, PING)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            try (SqlSession session = db.factory.openSession()) {
                                session.getMapper(AuthorMapper.class).insert(new Author("author " + thread + "-" + i, null));
                                session.commit();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            try (SqlSession session = db.factory.openSession()) {
                assertThat(session.getMapper(AuthorMapper.class).findByPrefix("author ")).hasSize(threads * each);
            }
            assertThat(db.pool().getPoolState().getBadConnectionCount()).isZero();
        }
    }

    private static long next(SqlSession session) throws SQLException {
        try (Statement s = session.getConnection().createStatement(); ResultSet rs = s.executeQuery(PING)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
