package dev.lightningdb.tck.mybatis;

import java.math.BigDecimal;
import java.util.List;

/**
 * The criteria of {@code LibraryMapper.findBooks}: every field left null drops its condition from the
 * dynamic SQL; {@code order} picks the ORDER BY through {@code <choose>}.
 */
public class BookFilter {
    private String titleContains;
    private Genre genre;
    private BigDecimal maxPrice;
    private Boolean inPrint;
    private List<Long> authorIds;
    private String order;
    private Integer limit;

    public String getTitleContains() {
        return titleContains;
    }

    public BookFilter titleContains(String value) {
        titleContains = value;
        return this;
    }

    public Genre getGenre() {
        return genre;
    }

    public BookFilter genre(Genre value) {
        genre = value;
        return this;
    }

    public BigDecimal getMaxPrice() {
        return maxPrice;
    }

    public BookFilter maxPrice(String value) {
        maxPrice = new BigDecimal(value);
        return this;
    }

    public Boolean getInPrint() {
        return inPrint;
    }

    public BookFilter inPrint(boolean value) {
        inPrint = value;
        return this;
    }

    public List<Long> getAuthorIds() {
        return authorIds;
    }

    public BookFilter authorIds(List<Long> value) {
        authorIds = value;
        return this;
    }

    public String getOrder() {
        return order;
    }

    public BookFilter order(String value) {
        order = value;
        return this;
    }

    public Integer getLimit() {
        return limit;
    }

    public BookFilter limit(int value) {
        limit = value;
        return this;
    }
}
