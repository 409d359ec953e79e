package dev.lightningdb.tck.spring;

import static dev.lightningdb.tck.spring.LibraryFixture.BOOKS;
import static dev.lightningdb.tck.spring.LibraryFixture.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions as Spring runs them: rollback on a runtime exception, JPA and JDBC on one
 * connection, optimistic locking with {@code @Version}, IDENTITY and SEQUENCE ids, and batched
 * inserts and updates ({@code hibernate.jdbc.batch_size=10}) counted at the driver.
 */
@SpringBootTest
class TransactionsTest {
    @Autowired
    LibraryService service;
    @Autowired
    BookRepository books;
    @Autowired
    AuthorRepository authors;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    JdbcClient jdbcClient;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    StatementCounter counter;
    @Autowired
    LibraryFixture fixture;

    @BeforeEach
    void seed() {
        fixture.reset();
    }

    @Test
    void aRuntimeExceptionRollsBackEverythingTheTransactionWrote() {
        assertThatThrownBy(() -> service.publishThenFail("New Author", "Unfinished", "978-1-000"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(books.existsByIsbn("978-1-000")).isFalse();
        assertThat(authors.findByName("New Author")).isEmpty();

        Book published = service.publish("New Author", "Finished", "978-1-001");
        assertThat(books.findByIsbn("978-1-001")).map(Book::getId).contains(published.getId());
    }

    @Test
    void jpaAndJdbcShareTheTransaction() {
        assertThat(service.publishAndCountWithJdbc("Mary Shelley", "The Last Man", "978-1-002"))
                .isEqualTo(where(s -> s.author().equals("Mary Shelley")).count() + 1);

        List<Book> renamed = service.renameGenre("gothic", "horror");
        assertThat(renamed).extracting(Book::getTitle).containsExactly("Frankenstein");
        assertThat(jdbcClient.sql("SELECT COUNT(*) FROM book WHERE genre = :genre").param("genre", "gothic")
                .query(Long.class).single()).isZero();
    }

    @Test
    void transactionTemplateRollbackOnlyDiscardsJdbcAndJpaWrites() {
        transaction.executeWithoutResult(status -> {
            jdbcTemplate.update("UPDATE book SET price = price + 1");
            books.deleteAll(books.findByGenreIsNull());
            status.setRollbackOnly();
        });
        assertThat(books.count()).isEqualTo(BOOKS.size());
        assertThat(books.findByIsbn("978-0-010")).map(Book::getPrice).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("6.50"));
    }

    @Test
    void identityAndSequenceIdsAreDistinctAndReadBack() {
        List<Long> bookIds = books.findAll().stream().map(Book::getId).toList();
        List<Long> authorIds = authors.findAll().stream().map(Author::getId).toList();
        assertThat(bookIds).doesNotContainNull().doesNotHaveDuplicates().hasSize(BOOKS.size());
        assertThat(authorIds).doesNotContainNull().doesNotHaveDuplicates();
        Book added = service.publish("Mary Shelley", "Mathilda", "978-1-003");
        assertThat(added.getId()).isNotNull().isNotIn(bookIds);
    }

    @Test
    void versionDetectsALostUpdate() {
        Book first = books.findByIsbn("978-0-001").orElseThrow();
        Book second = books.findByIsbn("978-0-001").orElseThrow();
        first.setPrice(new BigDecimal("9.99"));
        Book saved = books.save(first);
        assertThat(saved.getVersion()).isEqualTo(first.getVersion() + 1);

        second.setPrice(new BigDecimal("1.00"));
        assertThatThrownBy(() -> books.save(second)).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(books.findByIsbn("978-0-001")).map(Book::getPrice).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("9.99"));
    }

    @Test
    void insertsAndUpdatesAreSentInBatches() {
        int authorsAdded = 25;
        counter.reset();
        List<Author> saved = authors.saveAll(IntStream.range(0, authorsAdded).mapToObj(i -> new Author("Batch author " + i)).toList());
        // 25 rows in batches of 10: three executeBatch calls, no single-row INSERT
        assertThat(counter.addBatch.get()).isEqualTo(authorsAdded);
        assertThat(counter.executeBatch.get()).isEqualTo((authorsAdded + 9) / 10);
        assertThat(counter.executeUpdate.get()).isZero();

        counter.reset();
        transaction.executeWithoutResult(status -> {
            for (Author author : authors.findAllById(saved.stream().map(Author::getId).toList())) {
                author.setName(author.getName().toUpperCase());
            }
        });
        assertThat(counter.addBatch.get()).isEqualTo(authorsAdded);
        assertThat(counter.executeBatch.get()).isEqualTo((authorsAdded + 9) / 10);
        assertThat(authors.findByName("BATCH AUTHOR 7")).isPresent();
    }

    @Test
    void jdbcTemplateBatchUpdate() {
        List<Object[]> rows = new ArrayList<>();
        for (Book book : books.findAll()) {
            rows.add(new Object[] {book.getPages() + 1, book.getId()});
        }
        int[] counts = jdbcTemplate.batchUpdate("UPDATE book SET pages = ? WHERE id = ?", rows);
        assertThat(counts).hasSize(BOOKS.size()).containsOnly(1);
        assertThat(jdbcTemplate.queryForObject("SELECT SUM(pages) FROM book", Long.class))
                .isEqualTo(BOOKS.stream().mapToLong(s -> s.pages() + 1).sum());
    }
}
