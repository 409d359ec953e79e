package dev.lightningdb.tck.mybatis;

/** A row whose id MyBatis takes from a sequence with {@code <selectKey order="BEFORE">}. */
public class Review {
    private Long id;
    private Long bookId;
    private int stars;

    public Review() {
    }

    public Review(Long bookId, int stars) {
        this.bookId = bookId;
        this.stars = stars;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getBookId() {
        return bookId;
    }

    public void setBookId(Long bookId) {
        this.bookId = bookId;
    }

    public int getStars() {
        return stars;
    }

    public void setStars(int stars) {
        this.stars = stars;
    }
}
