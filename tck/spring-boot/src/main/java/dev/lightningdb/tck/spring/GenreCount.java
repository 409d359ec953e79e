package dev.lightningdb.tck.spring;

/** An interface projection over a native query's columns, found by their labels. */
public interface GenreCount {
    String getGenre();

    long getBooks();
}
