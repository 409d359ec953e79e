package dev.lightningdb.tck.spring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue every test starts from, and the oracle its expectations are computed from: tests
 * filter and sort {@link #BOOKS} in Java and compare with what the database answers.
 */
@Component
public class LibraryFixture {
    /** The titles of {@code found}, in its order. */
    static List<String> titles(List<Book> found) {
        return found.stream().map(Book::getTitle).toList();
    }

    public record Seed(String author, String title, String isbn, String genre, int pages, BigDecimal price, LocalDate published) {
    }

    public static final List<Seed> BOOKS = List.of(
            seed("Ursula K. Le Guin", "A Wizard of Earthsea", "978-0-001", "fantasy", 183, "8.99", "1968-11-01"),
            seed("Ursula K. Le Guin", "The Left Hand of Darkness", "978-0-002", "sf", 286, "10.50", "1969-03-01"),
            seed("Ursula K. Le Guin", "The Dispossessed", "978-0-003", "sf", 341, "11.00", "1974-05-01"),
            seed("Terry Pratchett", "Guards! Guards!", "978-0-004", "fantasy", 288, "9.25", "1989-11-01"),
            seed("Terry Pratchett", "Small Gods", "978-0-005", "fantasy", 284, "9.25", "1992-05-01"),
            seed("Terry Pratchett", "Good Omens", "978-0-006", "fantasy", 288, "12.00", "1990-05-01"),
            seed("Iain M. Banks", "Consider Phlebas", "978-0-007", "sf", 471, "12.99", "1987-04-01"),
            seed("Iain M. Banks", "The Player of Games", "978-0-008", "sf", 309, "11.49", "1988-01-01"),
            seed("Iain M. Banks", "The Wasp Factory", "978-0-009", null, 184, "7.99", "1984-02-16"),
            seed("Mary Shelley", "Frankenstein", "978-0-010", "gothic", 280, "6.50", "1818-01-01"));

    private final AuthorRepository authors;
    private final BookRepository books;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public LibraryFixture(AuthorRepository authors, BookRepository books, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.authors = authors;
        this.books = books;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    private static Seed seed(String author, String title, String isbn, String genre, int pages, String price, String published) {
        return new Seed(author, title, isbn, genre, pages, new BigDecimal(price), LocalDate.parse(published));
    }

    /** Empties the catalogue (the migration's seed rows too) and loads {@link #BOOKS}. */
    public void reset() {
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM book");
            jdbc.update("DELETE FROM author");
            Map<String, Author> byName = new LinkedHashMap<>();
            for (Seed s : BOOKS) {
                Author author = byName.computeIfAbsent(s.author(), name -> authors.save(new Author(name)));
                books.save(new Book(author, s.title(), s.isbn(), s.genre(), s.pages(), s.price(), s.published()));
            }
        });
    }

    /** The seed books that match, in seed order. */
    public static Stream<Seed> where(Predicate<Seed> condition) {
        return BOOKS.stream().filter(condition);
    }

    public static List<String> titlesWhere(Predicate<Seed> condition) {
        return where(condition).map(Seed::title).toList();
    }
}
