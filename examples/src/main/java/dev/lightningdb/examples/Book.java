package dev.lightningdb.examples;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** The entity of {@link JpaExample}: a sequence-generated id and an optimistic-lock version. */
@Entity
public class Book {
    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 100)
    private String title;

    private int published;

    @Version
    private int version;

    protected Book() {
    }

    public Book(String title, int published) {
        this.title = title;
        this.published = published;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public int getPublished() {
        return published;
    }
}
