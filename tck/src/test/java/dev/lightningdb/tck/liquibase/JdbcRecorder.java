package dev.lightningdb.tck.liquibase;

import dev.lightningdb.jdbc.LightningDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The driver's data source for a pool, with every physical connection (and the statements and
 * metadata it hands out) wrapped so that the test sees how many connections the pool opened and
 * every SQLException the driver threw under the pool that makes HikariCP close the connection: the
 * call, the SQLState and the message.
 */
final class JdbcRecorder {
    /** The SQLStates on which HikariCP 7 evicts a connection (ProxyConnection), besides class 08. */
    private static final Set<String> EVICTING = Set.of("0A000", "57P01", "57P02", "57P03", "01002", "JZ0C0", "JZ0C1");

    final AtomicInteger opened = new AtomicInteger();
    final List<String> evictingFailures = new CopyOnWriteArrayList<>();

    DataSource dataSource(String url) {
        return wrap(DataSource.class, new LightningDataSource(url));
    }

    private <T> T wrap(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || EVICTING.contains(sql.getSQLState()))) {
                    evictingFailures.add(type.getSimpleName() + "." + method.getName() + ": " + sql.getSQLState() + " " + sql.getMessage());
                }
                throw e.getCause();
            }
            Class<?> returned = method.getReturnType();
            if (result == null || !returned.isInterface()) {
                return result;
            }
            if (returned == Connection.class && type == DataSource.class) {
                opened.incrementAndGet();
            }
            if (returned == Connection.class || returned == DatabaseMetaData.class || Statement.class.isAssignableFrom(returned)) {
                return wrapAs(returned, result);
            }
            return result;
        }));
    }

    @SuppressWarnings("unchecked")
    private Object wrapAs(Class<?> type, Object target) {
        return wrap((Class<Object>) type, target);
    }
}
