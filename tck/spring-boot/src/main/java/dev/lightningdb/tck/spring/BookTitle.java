package dev.lightningdb.tck.spring;

/** An interface projection: Spring Data selects only these two columns. */
public interface BookTitle {
    String getTitle();

    int getPages();
}
