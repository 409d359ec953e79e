package dev.lightningdb.tck.spring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A book: an IDENTITY id (read back through {@code getGeneratedKeys}), optimistic locking through
 * {@code @Version}, a lazy many-to-one to its author, a nullable genre and an ISBN that the schema
 * makes unique.
 */
@Entity
@Table(name = "book")
public class Book {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 20)
    private String isbn;

    @Column(length = 40)
    private String genre;

    @Column(nullable = false)
    private int pages;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal price;

    private LocalDate published;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false)
    private Author author;

    @Version
    private long version;

    protected Book() {
    }

    public Book(Author author, String title, String isbn, String genre, int pages, BigDecimal price, LocalDate published) {
        this.author = author;
        this.title = title;
        this.isbn = isbn;
        this.genre = genre;
        this.pages = pages;
        this.price = price;
        this.published = published;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getIsbn() {
        return isbn;
    }

    public String getGenre() {
        return genre;
    }

    public int getPages() {
        return pages;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public LocalDate getPublished() {
        return published;
    }

    public Author getAuthor() {
        return author;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Book[" + id + ", " + title + "]";
    }
}
