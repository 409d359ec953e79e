package dev.lightningdb.tck.spring;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts what reaches the driver through the application's {@link DataSource}: rows added to
 * batches, {@code executeBatch} calls and single {@code executeUpdate} calls of prepared statements.
 * A test component (found by the application's component scan), so every test context has it and
 * the contexts stay equal for Spring's context cache. Counts are per JVM-wide instance and are reset
 * by the test that reads them.
 */
@Component
public class StatementCounter implements BeanPostProcessor {
    final AtomicInteger addBatch = new AtomicInteger();
    final AtomicInteger executeBatch = new AtomicInteger();
    final AtomicInteger executeUpdate = new AtomicInteger();

    void reset() {
        addBatch.set(0);
        executeBatch.set(0);
        executeUpdate.set(0);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
            return new DelegatingDataSource(dataSource) {
                @Override
                public Connection getConnection() throws SQLException {
                    return countingConnection(super.getConnection());
                }
            };
        }
        return bean;
    }

    private Connection countingConnection(Connection connection) {
        return proxy(Connection.class, connection, (proxy, method, args) -> {
            Object result = invoke(method, connection, args);
            return method.getName().equals("prepareStatement") ? countingStatement((PreparedStatement) result) : result;
        });
    }

    private PreparedStatement countingStatement(PreparedStatement statement) {
        return proxy(PreparedStatement.class, statement, (proxy, method, args) -> {
            switch (method.getName()) {
                case "addBatch" -> addBatch.incrementAndGet();
                case "executeBatch", "executeLargeBatch" -> executeBatch.incrementAndGet();
                case "executeUpdate", "executeLargeUpdate" -> executeUpdate.incrementAndGet();
                default -> { }
            }
            return invoke(method, statement, args);
        });
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
