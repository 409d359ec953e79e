package dev.lightningdb.tck.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code @Lock(PESSIMISTIC_WRITE)} on repository methods: Hibernate sends {@code select ... for update}
 * (with {@code nowait} for a lock timeout hint of 0), the row stays locked until the transaction
 * ends, and a lock that cannot be had reaches the repository's caller as Spring's
 * {@link CannotAcquireLockException} (JdbcTemplate's as its parent, {@link PessimisticLockingFailureException}).
 * The competing transaction is a plain JDBC connection from the same pool; nothing depends on timing:
 * the competitor either fails at once (NOWAIT) or is let go by the commit.
 */
@SpringBootTest
class PessimisticLockingTest {
    private static final String ISBN = "978-0-004";

    @Autowired
    BookRepository books;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    LibraryFixture fixture;

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @BeforeEach
    void seed() {
        fixture.reset();
    }

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    @Test
    void aRowLockedByTheRepositoryRefusesANowaitLockElsewhere() throws Exception {
        transaction.executeWithoutResult(status -> {
            Book book = books.findForUpdateByIsbn(ISBN).orElseThrow();
            book.setPrice(book.getPrice().add(BigDecimal.ONE));
            assertThat(elsewhere("SELECT id FROM book WHERE isbn = ? FOR UPDATE NOWAIT")).isInstanceOf(PessimisticLockingFailureException.class);
        });
        // after the commit the row is free again
        assertThat(jdbcTemplate.queryForList("SELECT id FROM book WHERE isbn = ? FOR UPDATE NOWAIT", Long.class, ISBN)).hasSize(1);
        assertThat(books.findByIsbn(ISBN)).map(Book::getPrice).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("10.25"));
    }

    @Test
    void aSharedLockAdmitsOtherSharersButNoWriter() {
        transaction.executeWithoutResult(status -> {
            books.findSharedByIsbn(ISBN).orElseThrow();
            assertThat(elsewhere("SELECT id FROM book WHERE isbn = ? FOR SHARE NOWAIT")).isNull();
            assertThat(elsewhere("SELECT id FROM book WHERE isbn = ? FOR UPDATE NOWAIT")).isInstanceOf(PessimisticLockingFailureException.class);
        });
    }

    /** What a locking query on the book fails with in another transaction, on another thread (null: it got its locks). */
    private Throwable elsewhere(String lockingQuery) {
        Future<?> competitor = other.submit(() -> jdbcTemplate.queryForList(lockingQuery, Long.class, ISBN));
        Throwable failure = catchThrowable(() -> competitor.get(60, TimeUnit.SECONDS));
        return failure == null ? null : failure.getCause();
    }

    @Test
    void theRepositoryGetsCannotAcquireLockWhenAnotherTransactionHoldsTheRow() throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM book WHERE isbn = ? FOR UPDATE")) {
                lock.setString(1, ISBN);
                try (ResultSet rs = lock.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }
            Throwable nowait = catchThrowable(() -> transaction.executeWithoutResult(status -> books.findForUpdateNowaitByIsbn(ISBN)));
            assertThat(nowait).isInstanceOf(CannotAcquireLockException.class);

            // without NOWAIT the lock waits for the database's lockTimeout (1 s in application.properties), then fails alike
            Throwable timedOut = catchThrowable(() -> transaction.executeWithoutResult(status -> books.findForUpdateByIsbn(ISBN)));
            assertThat(timedOut).isInstanceOf(CannotAcquireLockException.class);
            holder.rollback();
        }
        Book locked = transaction.execute(status -> books.findForUpdateNowaitByIsbn(ISBN).orElseThrow());
        assertThat(locked.getTitle()).isEqualTo("Guards! Guards!");
    }
}
