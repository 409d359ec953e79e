package dev.lightningdb.tck.spring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business operations as transactions: JPA repositories, {@link JdbcTemplate} and {@link JdbcClient}
 * share the transaction's one connection, and a runtime exception rolls all of it back.
 */
@Service
public class LibraryService {
    private final AuthorRepository authors;
    private final BookRepository books;
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbcClient;

    public LibraryService(AuthorRepository authors, BookRepository books, JdbcTemplate jdbcTemplate, JdbcClient jdbcClient) {
        this.authors = authors;
        this.books = books;
        this.jdbcTemplate = jdbcTemplate;
        this.jdbcClient = jdbcClient;
    }

    /** A new author and a first book, in one transaction. */
    @Transactional
    public Book publish(String authorName, String title, String isbn) {
        Author author = authors.findByName(authorName).orElseGet(() -> authors.save(new Author(authorName)));
        return books.save(new Book(author, title, isbn, "essay", 100, new BigDecimal("9.90"), LocalDate.of(2024, 1, 1)));
    }

    /** Saves a book, then fails: nothing of it may remain. */
    @Transactional
    public void publishThenFail(String authorName, String title, String isbn) {
        publish(authorName, title, isbn);
        books.flush(); // the INSERTs reach the database before the failure
        throw new IllegalStateException("the printer caught fire");
    }

    /**
     * Writes through JPA and reads through JDBC in one transaction: after a flush the transaction's
     * own JDBC statements see the rows Hibernate wrote, since they run on the same connection.
     */
    @Transactional
    public long publishAndCountWithJdbc(String authorName, String title, String isbn) {
        publish(authorName, title, isbn);
        books.flush();
        Long count = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM book b JOIN author a ON a.id = b.author_id WHERE a.name = ?",
                Long.class, authorName);
        return count == null ? 0 : count;
    }

    /**
     * Changes rows with {@link JdbcClient} and reads them back through a repository in the same
     * transaction.
     */
    @Transactional
    public List<Book> renameGenre(String from, String to) {
        jdbcClient.sql("UPDATE book SET genre = :to WHERE genre = :from").param("to", to).param("from", from).update();
        return books.findByGenreIgnoreCase(to);
    }
}
