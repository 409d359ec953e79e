package dev.lightningdb.tck.mybatis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A JavaBean as MyBatis fills it: by setters, its books through a {@code <collection>} of a join. */
public class Author {
    private Long id;
    private String name;
    private LocalDate born;
    private boolean active = true;
    private List<Book> books = new ArrayList<>();

    public Author() {
    }

    public Author(String name, LocalDate born) {
        this.name = name;
        this.born = born;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getBorn() {
        return born;
    }

    public void setBorn(LocalDate born) {
        this.born = born;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public List<Book> getBooks() {
        return books;
    }

    public void setBooks(List<Book> books) {
        this.books = books;
    }
}
