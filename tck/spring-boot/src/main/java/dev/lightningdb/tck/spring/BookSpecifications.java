package dev.lightningdb.tck.spring;

import jakarta.persistence.criteria.Join;
import org.springframework.data.jpa.domain.Specification;

/** Criteria building blocks, combined by callers with {@code and}/{@code or}. */
public final class BookSpecifications {
    private BookSpecifications() {
    }

    public static Specification<Book> genreIs(String genre) {
        return (book, query, cb) -> cb.equal(book.get("genre"), genre);
    }

    public static Specification<Book> pagesAtLeast(int pages) {
        return (book, query, cb) -> cb.greaterThanOrEqualTo(book.get("pages"), pages);
    }

    public static Specification<Book> authorNameStartsWith(String prefix) {
        return (book, query, cb) -> {
            Join<Book, Author> author = book.join("author");
            return cb.like(author.get("name"), prefix + "%");
        };
    }
}
