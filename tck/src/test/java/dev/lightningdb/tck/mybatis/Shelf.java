package dev.lightningdb.tck.mybatis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Three authors and eight books, inserted through the mapper; the ids are the database's own. */
record Shelf(Author leGuin, Author lem, Author calvino, List<Book> books) {

    static Shelf fill(LibraryMapper mapper) {
        Author leGuin = new Author("Ursula Le Guin", LocalDate.of(1929, 10, 21));
        Author lem = new Author("Stanisław Lem", LocalDate.of(1921, 9, 12));
        Author calvino = new Author("Italo Calvino", LocalDate.of(1923, 10, 15));
        List.of(leGuin, lem, calvino).forEach(mapper::insertAuthor);
        List<Book> books = new ArrayList<>();
        books.add(book(leGuin, "A Wizard of Earthsea", Genre.NOVEL, "9.99", true, LocalDate.of(1968, 11, 1)));
        books.add(book(leGuin, "The Left Hand of Darkness", Genre.SCIENCE_FICTION, "12.50", true, LocalDate.of(1969, 3, 1)));
        books.add(book(leGuin, "The Dispossessed", Genre.SCIENCE_FICTION, "14.00", false, LocalDate.of(1974, 5, 1)));
        books.add(book(lem, "Solaris", Genre.SCIENCE_FICTION, "11.00", true, LocalDate.of(1961, 6, 1)));
        books.add(book(lem, "The Cyberiad", Genre.SCIENCE_FICTION, "10.00", false, LocalDate.of(1965, 1, 1)));
        books.add(book(lem, "His Master's Voice", Genre.NOVEL, "10.25", true, null));
        books.add(book(calvino, "Invisible Cities", Genre.NOVEL, "13.75", true, LocalDate.of(1972, 11, 1)));
        books.add(book(calvino, "If on a Winter's Night a Traveler", Genre.NOVEL, "15.00", true, LocalDate.of(1979, 6, 1)));
        books.forEach(mapper::insertBook);
        return new Shelf(leGuin, lem, calvino, List.copyOf(books));
    }

    Book book(String title) {
        return books.stream().filter(b -> b.getTitle().equals(title)).findFirst().orElseThrow();
    }

    private static Book book(Author author, String title, Genre genre, String price, boolean inPrint, LocalDate published) {
        return new Book(author.getId(), title, genre, new BigDecimal(price), inPrint, published);
    }
}
