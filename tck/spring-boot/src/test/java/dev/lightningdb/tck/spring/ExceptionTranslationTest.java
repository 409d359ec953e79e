package dev.lightningdb.tck.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's exception translation of LightningDB's errors, the contract an application codes against:
 * duplicate key → {@link DuplicateKeyException}, NOT NULL and CHECK → {@link DataIntegrityViolationException},
 * deadlock and lock timeout → a {@link PessimisticLockingFailureException} ({@link CannotAcquireLockException}
 * through JPA), serialization failure → a {@link ConcurrencyFailureException}. Spring knows LightningDB by no error
 * codes, so it goes by the JDBC exception class and the SQLState. The competing transactions are
 * plain JDBC connections or other threads; they hand over with barriers, never by sleeping.
 */
@SpringBootTest
class ExceptionTranslationTest {
    private static final String INSERT = "INSERT INTO account (id, owner, balance) VALUES (?, ?, ?)";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LibraryService service;
    @Autowired
    BookRepository books;
    @Autowired
    LibraryFixture fixture;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void accounts() {
        fixture.reset();
        jdbc.execute("CREATE TABLE IF NOT EXISTS account (id INTEGER PRIMARY KEY, owner VARCHAR(40) NOT NULL UNIQUE,"
                + " balance INTEGER NOT NULL CHECK (balance >= 0))");
        jdbc.update("DELETE FROM account");
        jdbc.update(INSERT, 1, "ann", 100);
        jdbc.update(INSERT, 2, "bob", 100);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void duplicateKeys() {
        assertThatThrownBy(() -> jdbc.update(INSERT, 1, "carl", 0)).as("primary key").isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update(INSERT, 3, "ann", 0)).as("unique column").isInstanceOf(DuplicateKeyException.class);
        // through JPA: the unique index on book.isbn
        assertThatThrownBy(() -> service.publish("Someone", "Copy", "978-0-001")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void notNullAndCheckViolations() {
        assertThatThrownBy(() -> jdbc.update(INSERT, 3, null, 0)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(INSERT, 3, "carl", -1)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE account SET balance = balance - 101 WHERE id = 1"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    /**
     * Spring translates a deadlock's SQLState 40P01 to the general {@link PessimisticLockingFailureException}
     * (only 40001 gets {@link CannotAcquireLockException} by SQLState; PostgreSQL's 40P01 reaches
     * {@code DeadlockLoserDataAccessException} only through the error codes Spring ships for PostgreSQL).
     */
    @Test
    void deadlockVictimThroughJdbcTemplate() {
        Throwable victim = deadlockVictim(id -> jdbc.update("UPDATE account SET balance = balance + 1 WHERE id = ?", id), 1, 2);
        assertThat(victim).isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(jdbc.queryForObject("SELECT SUM(balance) FROM account", Integer.class)).isEqualTo(202);
    }

    /** Through JPA the dialect makes 40P01 Hibernate's LockAcquisitionException, which Spring translates to CannotAcquireLock. */
    @Test
    void deadlockVictimThroughARepositoryLock() {
        Throwable victim = deadlockVictim(isbn -> books.findForUpdateByIsbn(isbn).orElseThrow(), "978-0-001", "978-0-002");
        assertThat(victim).isInstanceOf(CannotAcquireLockException.class);
    }

    /**
     * Two transactions lock {@code first} and {@code second} in opposite orders, each taking its
     * second lock once both hold their first: one is chosen as the victim and rolled back, the other
     * commits. Returns what the victim's caller got.
     */
    private <K> Throwable deadlockVictim(Consumer<K> lock, K first, K second) {
        CyclicBarrier bothHoldOneLock = new CyclicBarrier(2);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<Future<?>> sides = new ArrayList<>();
        for (List<K> order : List.of(List.of(first, second), List.of(second, first))) {
            sides.add(threads.submit(() -> transaction.executeWithoutResult(status -> {
                lock.accept(order.get(0));
                await(bothHoldOneLock);
                lock.accept(order.get(1));
            })));
        }
        List<Throwable> failures = new ArrayList<>();
        for (Future<?> side : sides) {
            Throwable failure = catchThrowable(() -> side.get(60, TimeUnit.SECONDS));
            if (failure != null) {
                failures.add(failure.getCause());
            }
        }
        assertThat(failures).as("one victim, the other transaction commits").hasSize(1);
        return failures.get(0);
    }

    @Test
    void lockTimeout() throws Exception {
        try (Connection holder = dataSource.getConnection(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.executeUpdate("UPDATE account SET balance = 0 WHERE id = 1");
            // waits for the row up to lockTimeout (1 s, in the URL), then gives up: 55P03, which the driver
            // raises as an SQLTransactionRollbackException (the statement is undone, the transaction goes on)
            Throwable failure = catchThrowable(() -> jdbc.update("UPDATE account SET balance = 50 WHERE id = 1"));
            assertThat(failure).isInstanceOf(PessimisticLockingFailureException.class);
            holder.rollback();
        }
        assertThat(jdbc.queryForObject("SELECT balance FROM account WHERE id = 1", Integer.class)).isEqualTo(100);
    }

    @Test
    void serializationFailureOfAWrite() throws Exception {
        TransactionTemplate repeatableRead = new TransactionTemplate(transactionManager);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        Throwable failure = catchThrowable(() -> repeatableRead.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT balance FROM account WHERE id = 1", Integer.class); // the snapshot starts
            updateElsewhere("UPDATE account SET balance = balance + 1 WHERE id = 1");
            jdbc.update("UPDATE account SET balance = balance + 2 WHERE id = 1"); // first committer wins
        }));
        assertThat(failure).isInstanceOf(ConcurrencyFailureException.class);
        assertThat(jdbc.queryForObject("SELECT balance FROM account WHERE id = 1", Integer.class)).isEqualTo(101);
    }

    @Test
    void serializationFailureAtCommit() throws Exception {
        // write skew under SERIALIZABLE: this transaction reads both rows and writes one, another commits a write to
        // the other row in between; what this one read is no longer true at its commit, so the commit fails.
        // JdbcTransactionManager (Spring Boot's for JDBC-only applications) translates commit failures.
        TransactionTemplate serializable = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        Throwable failure = catchThrowable(() -> serializable.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT SUM(balance) FROM account", Integer.class);
            updateElsewhere("UPDATE account SET balance = balance - 10 WHERE id = 2");
            jdbc.update("UPDATE account SET balance = balance - 10 WHERE id = 1");
        }));
        assertThat(failure).isInstanceOf(ConcurrencyFailureException.class);
        assertThat(jdbc.queryForList("SELECT balance FROM account ORDER BY id", Integer.class)).containsExactly(100, 90);
    }

    /** Runs a statement in its own committed transaction on another pooled connection. */
    private void updateElsewhere(String sql) {
        try (Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
            s.executeUpdate(sql);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
