package dev.lightningdb.tck.mybatis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;

/**
 * A book with one column of each kind a MyBatis type handler maps: BigDecimal, boolean, an enum,
 * LocalDate and java.util.Date (as a TIMESTAMP). Its author comes through an {@code <association>}.
 */
public class Book {
    private Long id;
    private Long authorId;
    private Author author;
    private String title;
    private Genre genre;
    private BigDecimal price;
    private boolean inPrint;
    private LocalDate published;
    private Date added;

    public Book() {
    }

    public Book(Long authorId, String title, Genre genre, BigDecimal price, boolean inPrint, LocalDate published) {
        this.authorId = authorId;
        this.title = title;
        this.genre = genre;
        this.price = price;
        this.inPrint = inPrint;
        this.published = published;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public void setAuthorId(Long authorId) {
        this.authorId = authorId;
    }

    public Author getAuthor() {
        return author;
    }

    public void setAuthor(Author author) {
        this.author = author;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Genre getGenre() {
        return genre;
    }

    public void setGenre(Genre genre) {
        this.genre = genre;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public boolean isInPrint() {
        return inPrint;
    }

    public void setInPrint(boolean inPrint) {
        this.inPrint = inPrint;
    }

    public LocalDate getPublished() {
        return published;
    }

    public void setPublished(LocalDate published) {
        this.published = published;
    }

    public Date getAdded() {
        return added;
    }

    public void setAdded(Date added) {
        this.added = added;
    }

    @Override
    public String toString() {
        return title;
    }
}
